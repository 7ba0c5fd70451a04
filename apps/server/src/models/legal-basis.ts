/**
 * The legal basis of each built-in model as docs/models.md gives it (with its 待核实 marks), shown
 * on the model page. Citations whose article numbers are not verified in /work/shared/domain/laws
 * keep the mark; never add an article number here that the document does not give.
 */
export const commonBasis =
  '人民检察院组织法 第二十条、第二十一条（法律监督职权，调查核实，检察建议）；行政诉讼法 第二十五条第四款（国有财产保护等领域的行政公益诉讼，诉前检察建议）';

export const legalBasis: Record<string, string[]> = {
  'prisoner-subsidy': [
    '服刑人员不得享受最低生活保障等社会救助的规定（《社会救助暂行办法》及民政部门最低生活保障审核确认办法）（待核实，条文号未核实）',
    '冒领构成诈骗的，刑法 诈骗罪条款（待核实）',
  ],
  'deceased-pension': [
    '参保人员死亡后基本养老金停发（待遇发放至死亡当月）：社会保险法及人力资源社会保障部门的养老保险待遇规定（待核实，条文号未核实）',
    '行政诉讼法 第二十五条第四款（国有财产保护）',
  ],
  'prisoner-pension': [
    '退休人员被判处拘役、有期徒刑及以上刑罚的，服刑期间停发基本养老金（劳社厅函〔2001〕44号）（待核实）',
  ],
  'banned-driver': [
    '道路交通安全法（醉酒驾驶吊销后五年内、肇事逃逸终生不得重新取得驾驶证）及《机动车驾驶证申领和使用规定》（吸毒成瘾未戒除不得申领）（待核实，条文号未核实）',
  ],
  'stolen-vehicle': [
    '刑事诉讼法 第二百四十五条（对被害人的合法财产，应当及时返还）',
    '人民检察院刑事诉讼规则 第三百五十二条',
  ],
  'child-sector-employment': [
    '未成年人保护法 第六十二条（招聘时查询，发现前述记录不得录用）、第一百二十六条（未履行查询义务或继续聘用的法律责任）',
    '犯罪记录封存：刑事诉讼法 第二百八十六条（查询结果只用于法定用途并保密）',
  ],
  'loan-interest-tax': [
    '个人所得税法（利息、股息、红利所得应纳税）（待核实，条文号未核实）；税收征收管理法（待核实）',
  ],
  'food-blacklist': ['食品安全法 第一百三十五条（从业禁止）（待核实）'],
};

export function legalBasisOf(modelId: string): string[] {
  return [...(legalBasis[modelId] ?? []), commonBasis];
}
