import { ZPilField, ZProtectedObjectKind } from '@procura/domain/public-interest-fields';
import { z } from 'zod';
import { ZCase } from '../cases/schema.ts';
import { ZDay } from '../http/dates.ts';
import { ZId, ZIdParam } from '../http/ids.ts';

export const ZIdParams = z.strictObject({ id: ZIdParam });

export const ZPilFieldBody = z.strictObject({
  /** Null clears the field. */
  pilField: ZPilField.nullable(),
});

export const ZFieldCount = z.object({
  /** Null: public-interest records whose field is not yet set (未填写). */
  field: ZPilField.nullable(),
  label: z.string(),
  cases: z.number(),
  clues: z.number(),
});
export const ZFieldCounts = z.object({ items: z.array(ZFieldCount) });
export type TFieldCounts = z.infer<typeof ZFieldCounts>;

export const ZFieldCountQuery = z.strictObject({
  /** Cases opened / clues received from this day (China time) on. */
  from: ZDay.optional(),
  to: ZDay.optional(),
});
export type TFieldCountQuery = z.infer<typeof ZFieldCountQuery>;

export const ZProtectedObject = z.object({
  id: z.number(),
  name: z.string(),
  kind: ZProtectedObjectKind,
  kindLabel: z.string(),
  protectionLevel: z.string().nullable(),
  /** Cases in the user's reach that name it. */
  caseCount: z.number(),
});
export type TProtectedObject = z.infer<typeof ZProtectedObject>;

export const ZProtectedObjectList = z.object({ items: z.array(ZProtectedObject) });

export const ZProtectedObjectDetail = ZProtectedObject.extend({
  cases: z.array(ZCase),
  /** The clues, in the user's reach, from which those cases were opened. */
  clues: z.array(z.object({ id: z.number(), title: z.string(), receivedAt: z.string(), caseId: z.number() })),
});
export type TProtectedObjectDetail = z.infer<typeof ZProtectedObjectDetail>;

export const ZProtectedObjectBody = z.strictObject({
  name: z.string().trim().min(2, '请填写保护对象名称').max(128),
  kind: ZProtectedObjectKind,
  protectionLevel: z.string().trim().min(2).max(64).optional(),
});
export type TProtectedObjectBody = z.infer<typeof ZProtectedObjectBody>;

export const ZProtectedObjectPatch = z
  .strictObject({
    name: z.string().trim().min(2, '请填写保护对象名称').max(128).optional(),
    kind: ZProtectedObjectKind.optional(),
    /** Null clears it. */
    protectionLevel: z.string().trim().min(2).max(64).nullable().optional(),
  })
  .refine((b) => Object.keys(b).length > 0, { message: '请填写要修改的内容（名称、类别或保护级别）' });
export type TProtectedObjectPatch = z.infer<typeof ZProtectedObjectPatch>;

export const ZCaseObjectParams = z.strictObject({ id: ZIdParam, objectId: ZIdParam });

export const ZCaseProtectedObjectsBody = z.strictObject({
  objectIds: z.array(ZId).max(20),
});
