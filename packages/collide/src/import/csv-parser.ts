/**
 * Incremental CSV parser (RFC 4180: quoted fields, doubled quotes, newlines inside quotes, CRLF).
 * Lines without a quote take a fast path (indexOf + split); a quoted record goes through a small
 * state machine. Feed text chunks, collect records.
 */
export class CsvParser {
  private pending = '';
  private readonly records: string[][] = [];

  private readonly delimiterCode: number;

  private readonly delimiter: string;

  constructor(delimiter = ',') {
    this.delimiter = delimiter;
    this.delimiterCode = delimiter.charCodeAt(0);
  }

  /** Parses what it can of `chunk` and returns the complete records found so far. */
  push(chunk: string): string[][] {
    const text = this.pending + chunk;
    let start = 0;
    let quote = -1; // next quote at or after start (searched again only once passed)
    for (;;) {
      const newline = text.indexOf('\n', start);
      if (newline < 0) break;
      if (quote !== Number.POSITIVE_INFINITY && quote < start) {
        quote = text.indexOf('"', start);
        if (quote < 0) quote = Number.POSITIVE_INFINITY;
      }
      if (quote < newline) {
        const end = this.parseQuoted(text, start);
        if (end < 0) break; // record continues in the next chunk
        start = end;
        continue;
      }
      const line =
        text.charCodeAt(newline - 1) === 13 ? text.slice(start, newline - 1) : text.slice(start, newline);
      this.records.push(line.split(this.delimiter));
      start = newline + 1;
    }
    this.pending = text.slice(start);
    return this.take();
  }

  /** The last record when the text does not end with a newline. */
  end(): string[][] {
    if (this.pending !== '') {
      const text = this.pending.endsWith('\n') ? this.pending : `${this.pending}\n`;
      this.pending = '';
      const end = this.parseQuoted(text, 0);
      if (end < 0) this.records.push([text.slice(0, -1)]); // unbalanced quote: keep the raw line
    }
    return this.take();
  }

  private take(): string[][] {
    const out = this.records.splice(0);
    return out;
  }

  /** Parses one record from `start`; returns the index after its newline, or -1 if incomplete. */
  private parseQuoted(text: string, start: number): number {
    const fields: string[] = [];
    let i = start;
    for (;;) {
      if (text.charCodeAt(i) === 34) {
        // quoted field: jump from quote to quote
        let field = '';
        let from = i + 1;
        for (;;) {
          const quote = text.indexOf('"', from);
          if (quote < 0 || quote + 1 >= text.length) return -1;
          field += text.slice(from, quote);
          if (text.charCodeAt(quote + 1) === 34) {
            field += '"';
            from = quote + 2;
            continue;
          }
          i = quote + 1;
          break;
        }
        // anything between the closing quote and the delimiter is kept, as spreadsheets do
        const end = this.fieldEnd(text, i);
        if (end < 0) return -1;
        fields.push(field + text.slice(i, end));
        i = end;
      } else {
        const end = this.fieldEnd(text, i);
        if (end < 0) return -1;
        fields.push(text.slice(i, end));
        i = end;
      }
      const code = text.charCodeAt(i);
      if (code === this.delimiterCode) {
        i++;
        continue;
      }
      this.records.push(fields);
      if (code === 13) {
        if (i + 1 >= text.length) return -1;
        return text.charCodeAt(i + 1) === 10 ? i + 2 : i + 1;
      }
      return i + 1;
    }
  }

  /** Index of the delimiter or line end closing an unquoted field at `from`, or -1 if not yet read. */
  private fieldEnd(text: string, from: number): number {
    for (let i = from; i < text.length; i++) {
      const code = text.charCodeAt(i);
      if (code === this.delimiterCode || code === 10 || code === 13) return i;
    }
    return -1;
  }
}
