/** How a canonical column is cleaned and stored. */
export type ColumnType = 'idNumber' | 'name' | 'date' | 'month' | 'amount' | 'vehicleCode' | 'text';

export interface CanonicalColumn {
  label: string;
  type: ColumnType;
  /** Headers recognised as they are (after removing spaces and full-width forms). */
  headers: string[];
  /** Weaker guess: any header containing one of these. */
  contains?: string[];
}

/** Every column a model can ask for, with the Chinese headers government spreadsheets use for it. */
export const canonicalColumns = {
  idNumber: {
    label: '身份证号',
    type: 'idNumber',
    headers: [
      '身份证号',
      '身份证号码',
      '公民身份号码',
      '社会保障号码',
      '证件号码',
      '身份证',
      '证件号',
      '公民身份证号码',
    ],
    contains: ['身份证', '身份号码', '证件号', '社会保障号'],
  },
  name: {
    label: '姓名',
    type: 'name',
    headers: ['姓名', '名字', '罪犯姓名', '人员姓名', '领取人姓名', '参保人姓名', '死者姓名', '持证人姓名'],
    contains: ['姓名'],
  },
  paidDate: {
    label: '发放日期',
    type: 'date',
    headers: ['发放日期', '发放时间', '支付日期', '支付时间', '领取日期', '到账日期'],
  },
  payMonth: {
    label: '发放年月',
    type: 'month',
    headers: ['发放年月', '发放月份', '所属期', '所属年月', '待遇所属期', '发放所属期', '所属月份'],
  },
  amount: { label: '金额', type: 'amount', headers: ['金额'], contains: ['金额'] },
  kind: {
    label: '类别',
    type: 'text',
    headers: [
      '类别',
      '类型',
      '补助类型',
      '救助类型',
      '发放类型',
      '项目',
      '险种',
      '记录类别',
      '违法类型',
      '罪名',
      '案由',
      '所得项目',
      '征收品目',
    ],
  },
  admitted: {
    label: '入监日期',
    type: 'date',
    headers: ['入监日期', '收监日期', '入狱日期', '入监时间', '收押日期'],
  },
  released: {
    label: '出监日期',
    type: 'date',
    headers: ['出监日期', '释放日期', '刑满释放日期', '出狱日期', '出监时间', '刑满日期'],
  },
  deathDate: { label: '死亡日期', type: 'date', headers: ['死亡日期', '死亡时间'] },
  /** how a sentence is served: 监禁 (prison, 看守所, 拘役所) or in the community (管制, 缓刑, 暂予监外执行, 假释) */
  custody: {
    label: '刑罚执行方式',
    type: 'text',
    headers: [
      '刑罚执行方式',
      '执行方式',
      '执行类别',
      '执行类型',
      '刑罚种类',
      '刑种',
      '刑期种类',
      '服刑类型',
      '羁押类型',
      '羁押状态',
    ],
  },
  plate: { label: '号牌号码', type: 'vehicleCode', headers: ['号牌号码', '车牌号', '车牌号码', '号牌'] },
  frame: {
    label: '车架号',
    type: 'vehicleCode',
    headers: ['车架号', '车辆识别代号', '车架号码', '车辆识别号', 'VIN'],
    contains: ['车架号', '识别代号'],
  },
  motor: {
    label: '发动机号',
    type: 'vehicleCode',
    headers: ['发动机号', '电机号', '发动机号码', '电机号码'],
  },
  status: { label: '状态', type: 'text', headers: ['状态', '驾驶证状态', '证照状态', '许可证状态'] },
  startDate: {
    label: '开始日期',
    type: 'date',
    headers: ['开始日期', '起始日期', '决定日期', '吊销日期', '登记日期', '处罚日期', '判决日期', '入职日期'],
  },
  endDate: {
    label: '结束日期',
    type: 'date',
    headers: ['结束日期', '截止日期', '解除日期', '戒断日期', '期满日期'],
  },
  returnedDate: { label: '发还日期', type: 'date', headers: ['发还日期', '返还日期', '退还日期'] },
  caseNumber: { label: '案号', type: 'text', headers: ['案号', '案件编号', '立案编号', '案件号'] },
  interest: { label: '利息', type: 'amount', headers: ['利息', '判决利息', '利息金额'], contains: ['利息'] },
  organisation: {
    label: '单位名称',
    type: 'text',
    headers: ['单位名称', '单位', '工作单位', '学校名称', '机构名称', '企业名称', '经营者名称'],
  },
} satisfies Record<string, CanonicalColumn>;

export type ColumnKey = keyof typeof canonicalColumns;
export const columnKeys = Object.keys(canonicalColumns) as ColumnKey[];
export const isColumnKey = (key: string): key is ColumnKey => key in canonicalColumns;
