/** One contributing row: where it came from and its cleaned values (dates ISO, amounts in yuan). */
export interface Evidence {
  role: string;
  file: string;
  row: number;
  values: Record<string, string | number | null>;
}

/** A subject found by a model; reviewed by a person before it may become a clue. */
export interface Hit {
  /** the matching key: the normalised id number, or a vehicle's frame/motor number */
  subject: string;
  idNumber: string | null;
  name: string | null;
  /** contributing fact rows (payments, pension months …) */
  count: number;
  /** yuan with 2 decimals; null when the model sums no amount */
  amount: number | null;
  confidence: 'exact' | { suspected: number };
  explanation: string;
  evidence: Evidence[];
}

/** A hit without its evidence rows: what a run knows before anyone reads them. */
export type HitSummary = Omit<Hit, 'evidence'>;

export interface RunProgress {
  stage: 'import' | 'match' | 'explain' | 'done';
  role?: string;
  file?: string;
  rowsRead?: number;
  bytesRead?: number;
  totalBytes?: number;
}

/**
 * On hits made by runModel: the evidence as DuckDB wrote it (JSON arrays as UTF-8, one per role), until the
 * `evidence` property is set. Lets writers copy it out without building millions of objects.
 */
export const evidenceJson: unique symbol = Symbol('evidenceJson');
