// The unzipper calls readXlsx makes (unzipper 0.10, the version exceljs 4.4 uses): the archive
// read through its central directory, each part streamed from its offset.
declare module 'unzipper' {
  import type { Readable } from 'node:stream';

  interface CentralDirectory {
    files: { path: string; stream(): Readable }[];
  }
  const unzipper: {
    Open: { file(path: string): Promise<CentralDirectory>; buffer(bytes: Buffer): Promise<CentralDirectory> };
  };
  export default unzipper;
}
