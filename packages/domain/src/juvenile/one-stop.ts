import { z } from 'zod';
import type * as states from '../states.ts';

/** Functions of the one-stop centre (一站式办案场所), as the seed lists them. */
export const oneStopFunctions = {
  inquiry: '询问',
  medicalExam: '身体检查',
  counselling: '心理疏导',
  forensics: '取证鉴定',
  shelter: '救助庇护',
} as const satisfies Record<(typeof states.oneStopFunctionIds)[number], string>;
export type TOneStopFunction = keyof typeof oneStopFunctions;
export const ZOneStopFunction = z.enum(
  Object.keys(oneStopFunctions) as [TOneStopFunction, ...TOneStopFunction[]],
);

/** Rooms of the centre; the installation may rename them later, bookings keep the id. */
export const oneStopRooms = {
  inquiryRoom: '询问室（同步录音录像）',
  examRoom: '身体检查室',
  counsellingRoom: '心理疏导室',
  forensicsRoom: '取证鉴定室',
  restRoom: '休息庇护室',
} as const satisfies Record<(typeof states.oneStopRoomIds)[number], string>;
export type TOneStopRoom = keyof typeof oneStopRooms;
export const ZOneStopRoom = z.enum(Object.keys(oneStopRooms) as [TOneStopRoom, ...TOneStopRoom[]]);

export interface Slot {
  readonly startsAt: Date;
  readonly endsAt: Date;
}

/** Half-open intervals: a session ending at 10:00 and one starting at 10:00 do not overlap. */
export function overlaps(a: Slot, b: Slot): boolean {
  return a.startsAt < b.endsAt && b.startsAt < a.endsAt;
}

/** null when the slot is sensible; otherwise the Chinese reason. */
export function slotProblem(slot: Slot): string | null {
  if (!(slot.endsAt > slot.startsAt)) return '结束时间须晚于开始时间';
  if (slot.endsAt.getTime() - slot.startsAt.getTime() > 12 * 3_600_000) return '一次预约不能超过 12 小时';
  return null;
}
