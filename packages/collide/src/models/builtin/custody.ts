import type { TModelSpecInput } from '../spec.ts';

type Columns = TModelSpecInput['inputs'][number]['columns'];
type Condition = NonNullable<TModelSpecInput['conditions']>[number];

/** 刑罚执行方式: no column, or an empty cell, means held (the list is a list of prisoners). */
export const custodyColumn: Columns[string] = { optional: true, blank: 'allow', blankMeans: '监禁' };

/**
 * Only spells spent held (prison, 看守所, 拘役) count: under 管制, 缓刑, 假释 and 暂予监外执行 the
 * person lives outside under 社区矫正 (刑事诉讼法 第二百六十九条) and keeps what is paid to residents.
 */
export const heldInCustody: Condition = {
  kind: 'in',
  column: 'prisoners.custody',
  values: ['管制', '缓刑', '监外执行', '保外就医', '假释', '社区矫正'],
  match: 'contains',
  negate: true,
  blankHolds: true,
};
