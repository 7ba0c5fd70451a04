/** Why a run cannot start or finish: stable code, Chinese message for the user. */
export type CollideErrorCode =
  | 'unknownModel'
  | 'badSpec'
  | 'missingInput'
  | 'missingFile'
  | 'badFile'
  | 'missingColumn'
  /** a spreadsheet beyond the reader's limits (size, compression ratio, rows, columns, time, memory) */
  | 'tooLarge';

export class CollideError extends Error {
  readonly code: CollideErrorCode;

  constructor(code: CollideErrorCode, message: string) {
    super(message);
    this.code = code;
    this.name = 'CollideError';
  }
}
