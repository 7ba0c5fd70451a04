import { describe, expect, it } from 'vitest';
import { CsvParser } from './csv-parser.ts';

const parseAll = (text: string, chunkSize = text.length) => {
  const parser = new CsvParser();
  const records: string[][] = [];
  for (let i = 0; i < text.length; i += chunkSize) records.push(...parser.push(text.slice(i, i + chunkSize)));
  records.push(...parser.end());
  return records;
};

describe('CsvParser', () => {
  const text = 'a,b,c\r\n1,"1,200.50","say ""hi"""\n2,"two\nlines",x\n"",,"z"\n3,last,row';
  const expected = [
    ['a', 'b', 'c'],
    ['1', '1,200.50', 'say "hi"'],
    ['2', 'two\nlines', 'x'],
    ['', '', 'z'],
    ['3', 'last', 'row'],
  ];

  it('handles quotes, doubled quotes, newlines inside quotes, CRLF and a missing final newline', () => {
    expect(parseAll(text)).toEqual(expected);
  });

  it('gives the same records however the text is split into chunks', () => {
    for (const size of [1, 2, 3, 5, 7, 11]) expect(parseAll(text, size)).toEqual(expected);
  });

  it('keeps a line with an unbalanced quote as it is rather than losing it', () => {
    expect(parseAll('a,b\n"open,x')).toEqual([['a', 'b'], ['"open,x']]);
  });
});
