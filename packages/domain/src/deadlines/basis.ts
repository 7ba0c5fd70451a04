/**
 * A legal citation. `verified` is true only when `text` was read in the statute copies under
 * /work/shared/domain/laws/ (`source` names the file); press or secondary sources stay false and
 * are shown as 待核实 until someone checks the official text.
 */
export interface LegalBasis {
  readonly law: string;
  readonly article: string;
  /** One-line quote from the statute, exactly as in `source`. */
  readonly text?: string;
  readonly verified: boolean;
  /** laws/ file for verified bases; the press or secondary source otherwise. */
  readonly source?: string;
  readonly note?: string;
  /** What the article provides, shown in brackets after the citation: （国有财产保护）. */
  readonly about?: string;
}

/** `civil` periods follow 民法典/民事诉讼法; `criminal` ones 刑事诉讼法 第一百零五条. */
export type CountingRule = 'civil' | 'criminal';

/** The articles that say how any period is counted. */
export const countingBases = {
  startDayExcluded: {
    law: '民法典',
    article: '第二百零一条',
    text: '按照年、月、日计算期间的，开始的当日不计入，自下一日开始计算。',
    verified: true,
    source: '民法典-总则编.md',
  },
  monthEnd: {
    law: '民法典',
    article: '第二百零二条',
    text: '按照年、月计算期间的，到期月的对应日为期间的最后一日；没有对应日的，月末日为期间的最后一日。',
    verified: true,
    source: '民法典-总则编.md',
  },
  restDayExtension: {
    law: '民法典',
    article: '第二百零三条',
    text: '期间的最后一日是法定休假日的，以法定休假日结束的次日为期间的最后一日。',
    verified: true,
    source: '民法典-总则编.md',
  },
  endOfLastDay: {
    law: '民法典',
    article: '第二百零三条第二款',
    text: '期间的最后一日的截止时间为二十四时；有业务时间的，停止业务活动的时间为截止时间。',
    verified: true,
    source: '民法典-总则编.md',
  },
  civilProcedure: {
    law: '民事诉讼法',
    article: '第八十五条',
    text: '期间届满的最后一日是法定休假日的，以法定休假日后的第一日为期间届满的日期。',
    verified: true,
    source: '民事诉讼法(2023-09-01).md',
  },
  criminalProcedure: {
    law: '刑事诉讼法',
    article: '第一百零五条',
    text: '但犯罪嫌疑人、被告人或者罪犯在押期间，应当至期满之日为止，不得因节假日而延长。',
    verified: true,
    source: '刑事诉讼法(2018-10-26).md',
  },
  pause: {
    law: '2018 公益诉讼办案指南',
    article: '条文待核实',
    verified: false,
    source: 'RULES.md [P]',
    note: '鉴定、审计、审批等期间不计入',
  },
} as const satisfies Record<string, LegalBasis>;

/** An article "number" that only says it is not known: 条文待核实, 待核实, 条文号未核实. */
const unknownArticle = /^(条文号?)?(待核实|未核实)$/;

/**
 * The one way a legal basis is shown to users: "民法典第二百零三条", "行政诉讼法第二十五条第四款（国有
 * 财产保护）", or, when the text was not checked against the statute copies, the rule's name (and the
 * article when one is given) with a single 待核实 mark: "2021《人民检察院公益诉讼办案规则》（待核实）".
 * Rows stored before the mark moved here carry it in `article` or `law`; it is dropped there.
 */
export function cite(basis: LegalBasis): string {
  const strip = (text: string) => text.replace(/[（(]待核实[^）)]*[）)]/g, '').trim();
  const law = strip(basis.law);
  const article = strip(basis.article);
  const shownArticle = unknownArticle.test(article) ? '' : article;
  const about = basis.about ? `（${basis.about}）` : '';
  return `${law}${shownArticle}${about}${basis.verified ? '' : '（待核实）'}`;
}
