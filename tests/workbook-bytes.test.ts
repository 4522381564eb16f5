/**
 * The byte checks that run before any xlsx reader (CLI and standalone page): never throw on any bytes, and
 * name each kind of file that cannot be opened.
 */
import fc from 'fast-check';
import JSZip from 'jszip';
import { MAX_UNCOMPRESSED_BYTES, summarizeZip, workbookBytesProblem } from '../src/xlsx/workbook-bytes';
import { OLE_HEADER, claimUncompressedSize } from './cli-helpers';

async function smallZip(): Promise<Uint8Array> {
  const zip = new JSZip();
  zip.file('xl/workbook.xml', '<workbook/>');
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}

describe('workbookBytesProblem', () => {
  it('never throws, on arbitrary bytes and on zips cut or corrupted anywhere', async () => {
    const zip = await smallZip();
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 600 }), (bytes) => {
        workbookBytesProblem(bytes);
        summarizeZip(bytes);
      }),
      { numRuns: 3000 },
    );
    fc.assert(
      fc.property(fc.nat(zip.length), fc.nat(zip.length - 1), fc.nat(255), (cut, at, value) => {
        const damaged = zip.slice(0, Math.max(cut, 1));
        if (at < damaged.length) damaged[at] = value;
        const problem = workbookBytesProblem(damaged);
        if (problem) expect(['not-xlsx', 'encrypted-or-legacy', 'too-large']).toContain(problem.kind);
      }),
      { numRuns: 3000 },
    );
  });

  it('names an OLE file (password-protected or .xls), a non-zip, and a zip declaring an absurd size; a real zip passes', async () => {
    const ole = new Uint8Array([...OLE_HEADER, 0, 0, 0, 0]);
    expect(workbookBytesProblem(ole)).toEqual({ kind: 'encrypted-or-legacy' });
    expect(workbookBytesProblem(new TextEncoder().encode('一级指标,二级指标'))).toEqual({ kind: 'not-xlsx' });
    expect(workbookBytesProblem(new Uint8Array())).toEqual({ kind: 'not-xlsx' });
    const zip = await smallZip();
    expect(workbookBytesProblem(zip)).toBeUndefined();
    const bomb = zip.slice();
    const firstEntrySize = claimUncompressedSize(bomb, MAX_UNCOMPRESSED_BYTES + 1);
    const declared = summarizeZip(zip)!.uncompressedBytes - firstEntrySize + MAX_UNCOMPRESSED_BYTES + 1;
    expect(workbookBytesProblem(bomb)).toEqual({ kind: 'too-large', uncompressedBytes: declared });
  });

  it('reads a view into a larger buffer at its own offset', async () => {
    const zip = await smallZip();
    const padded = new Uint8Array(zip.length + 10);
    padded.set(zip, 10);
    expect(summarizeZip(padded.subarray(10))).toEqual(summarizeZip(zip));
  });
});
