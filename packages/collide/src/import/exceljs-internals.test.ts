import { createRequire } from 'node:module';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { exceljsVersion } from './read-xlsx.ts';

// readXlsx drives private methods of exceljs's streaming reader (see WorkbookReaderParts): an
// upgrade of exceljs must be a deliberate change of the pinned version, checked here first.
describe('the exceljs internals readXlsx relies on', () => {
  it('is the pinned exceljs version', () => {
    const installed = createRequire(import.meta.url)('exceljs/package.json') as { version: string };
    expect(installed.version).toBe(exceljsVersion);
  });

  it.each(['_parseRels', '_parseWorkbook', '_parseSharedStrings', '_parseStyles', '_parseWorksheet'])(
    'WorkbookReader still has %s',
    (method) => {
      const prototype = ExcelJS.stream.xlsx.WorkbookReader.prototype as unknown as Record<string, unknown>;
      expect(typeof prototype[method]).toBe('function');
    },
  );
});
