export { cleanAmount, formatYuan } from './amount.ts';
export { chineseDate, cleanDate, daysFromParts, isoFromDays, parseDateDays } from './date.ts';
export { cleanIdNumber, type IdNumberResult, idBirthDate, idCheckCharacter, idRegion } from './id-number.ts';
export { cleanMonth, parseMonthDays } from './month.ts';
export { cleanName } from './name.ts';
export { type CleanResult, cleaned, refused } from './result.ts';
export { cleanText, cleanVehicleCode } from './vehicle.ts';
export { cellText, removeSpaces, toHalfWidth } from './width.ts';
