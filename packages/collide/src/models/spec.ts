import { z } from 'zod';
import { columnKeys } from '../import/columns.ts';

const ZColumnKey = z.enum(columnKeys as [string, ...string[]]);

/** One column an input needs: `optional` = the header may be missing; `blank` = empty cells allowed. */
export const ZInputColumn = z.strictObject({
  optional: z.boolean().default(false),
  blank: z.enum(['reject', 'allow']).default('reject'),
  /** what an empty cell means, for the explanation: e.g. 今 (still in prison) */
  blankMeans: z.string().optional(),
  /** a typical value, for the example sentence the model page shows (e.g. 醉酒驾驶) */
  example: z.string().optional(),
});

export const ZInput = z.strictObject({
  role: z.string().regex(/^[a-z][a-zA-Z0-9]*$/, '角色名只能用英文字母和数字，以小写字母开头'),
  label: z.string().min(1),
  columns: z.partialRecord(ZColumnKey, ZInputColumn),
});

/** `role.column`, a literal, or a run parameter (asOf = the date the check is made). */
export const ZOperand = z.union([
  z.string().regex(/^[a-z][a-zA-Z0-9]*\.[a-zA-Z]+$/, '应写成 角色.列 的形式'),
  z.strictObject({ date: z.iso.date() }),
  z.strictObject({ number: z.number() }),
  z.strictObject({ text: z.string() }),
  z.strictObject({ param: z.literal('asOf') }),
]);

const ZUnit = z.enum(['day', 'month']).default('day');

export const ZCondition = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('within'),
    value: ZOperand,
    from: ZOperand,
    /** an empty `to` means the interval has not ended */
    to: ZOperand,
    unit: ZUnit,
    includeFrom: z.boolean().default(true),
    includeTo: z.boolean().default(true),
  }),
  z.strictObject({
    kind: z.literal('compare'),
    left: ZOperand,
    op: z.enum(['=', '!=', '<', '<=', '>', '>=']),
    right: ZOperand,
    unit: ZUnit,
    /** a blank right-hand side satisfies the condition (e.g. a ban with no end date) */
    blankRightHolds: z.boolean().default(false),
  }),
  z.strictObject({
    kind: z.literal('in'),
    column: ZOperand,
    values: z.array(z.string()).min(1),
    negate: z.boolean().default(false),
    /** exact: the cell is one of the values; contains: the cell contains one of them (性侵 in 强制猥亵、性侵儿童) */
    match: z.enum(['exact', 'contains']).default('exact'),
    /** how a blank cell counts: true = as if it were in the list */
    blankHolds: z.boolean().default(false),
  }),
  z.strictObject({ kind: z.literal('blank'), column: ZOperand, negate: z.boolean().default(false) }),
]);

export const ZModelSpec = z.strictObject({
  id: z.string().regex(/^[a-z][a-z0-9-]*$/, '模型编号只能用小写字母、数字和连字符'),
  name: z.string().min(1),
  description: z.string().default(''),
  inputs: z.array(ZInput).min(2).max(2),
  subject: z.strictObject({
    /** the rows that are counted and summed (payments) */
    facts: z.string(),
    /** the rows they are checked against (prison spells) */
    against: z.string(),
    /** columns both inputs share; a fact row matches on any of them */
    keys: z.array(ZColumnKey).min(1).default(['idNumber']),
    /** present: a hit is a fact row WITH a matching row; absent: a fact row with NONE */
    mode: z.enum(['present', 'absent']).default('present'),
    /** also report suspected matches: same name, birth date and region, different id */
    suspected: z.strictObject({ minScore: z.number().min(0).max(1).default(0.8) }).optional(),
  }),
  conditions: z.array(ZCondition).default([]),
  aggregate: z.strictObject({ amount: ZOperand.optional() }).default({}),
  /** placeholders: {name} {idNumber} {subject} {count} {amount} {role.column} {role.column|min} {role.a~role.b} */
  explanation: z.string().min(1),
});

export type TModelSpec = z.infer<typeof ZModelSpec>;
export type TModelSpecInput = z.input<typeof ZModelSpec>;
export type TCondition = z.infer<typeof ZCondition>;
export type TOperand = z.infer<typeof ZOperand>;
export type TInput = z.infer<typeof ZInput>;
