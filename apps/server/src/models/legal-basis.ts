import { cite, type LegalBasis } from '@procura/domain/deadlines/index';

/**
 * The legal basis of each built-in model as docs/models.md gives it, shown on the model page through
 * the one citation formatter (`cite`). `verified` only where the article was read in
 * /work/shared/domain/laws (`source`); everything else carries a single 待核实 mark and no article
 * number the document does not give.
 */
const unverified = (law: string, about?: string): LegalBasis => ({
  law,
  article: '',
  verified: false,
  source: 'docs/models.md [P]',
  ...(about ? { about } : {}),
});

const verified = (law: string, article: string, source: string, about?: string): LegalBasis => ({
  law,
  article,
  verified: true,
  source,
  ...(about ? { about } : {}),
});

const adminLitigation = (about: string) =>
  verified('行政诉讼法', '第二十五条第四款', '行政诉讼法(2017-06-27).md', about);

export const commonBasis: LegalBasis[] = [
  verified(
    '人民检察院组织法',
    '第二十条、第二十一条',
    '人民检察院组织法(2018-10-26).md',
    '法律监督职权，调查核实，检察建议',
  ),
  adminLitigation('国有财产保护等领域的行政公益诉讼，诉前检察建议'),
];

export const legalBasis: Record<string, LegalBasis[]> = {
  'prisoner-subsidy': [
    unverified(
      '《社会救助暂行办法》及民政部门最低生活保障审核确认办法',
      '服刑人员不得享受最低生活保障等社会救助',
    ),
    unverified('刑法', '冒领构成诈骗的，依诈骗罪条款处理'),
  ],
  'deceased-pension': [
    unverified(
      '社会保险法及人力资源社会保障部门的养老保险待遇规定',
      '参保人员死亡后基本养老金停发，待遇发放至死亡当月',
    ),
    adminLitigation('国有财产保护'),
  ],
  'prisoner-pension': [
    unverified('劳社厅函〔2001〕44号', '退休人员被判处拘役、有期徒刑及以上刑罚的，服刑期间停发基本养老金'),
  ],
  'banned-driver': [
    unverified('道路交通安全法', '醉酒驾驶吊销后五年内、肇事逃逸终生不得重新取得驾驶证'),
    unverified('《机动车驾驶证申领和使用规定》', '吸毒成瘾未戒除不得申领'),
  ],
  'stolen-vehicle': [
    verified('刑事诉讼法', '第二百四十五条', '刑事诉讼法(2018-10-26).md', '对被害人的合法财产，应当及时返还'),
    verified('人民检察院刑事诉讼规则', '第三百五十二条', '人民检察院刑事诉讼规则(2019-12-02).md'),
  ],
  'child-sector-employment': [
    verified(
      '未成年人保护法',
      '第六十二条',
      '未成年人保护法(2024-04-26).md',
      '招聘时查询，发现前述记录不得录用',
    ),
    verified(
      '未成年人保护法',
      '第一百二十六条',
      '未成年人保护法(2024-04-26).md',
      '未履行查询义务或继续聘用的法律责任',
    ),
    verified(
      '刑事诉讼法',
      '第二百八十六条',
      '刑事诉讼法(2018-10-26).md',
      '犯罪记录封存，查询结果只用于法定用途并保密',
    ),
  ],
  'loan-interest-tax': [
    unverified('个人所得税法', '利息、股息、红利所得应纳税'),
    unverified('税收征收管理法'),
  ],
  // docs/models.md names 第一百三十五条, but 食品安全法 is not among the statute copies: no number.
  'food-blacklist': [unverified('食品安全法', '从业禁止')],
};

/** The model's citations as users read them, one line each. */
export function legalBasisOf(modelId: string): string[] {
  return [...(legalBasis[modelId] ?? []), ...commonBasis].map(cite);
}
