/** Runs the CLI in-process, as a user would from a shell, collecting what it prints. */
import { CFB } from '@e965/xlsx';
import { join } from 'node:path';
import { EXAMPLE_WORKBOOKS } from '../scripts/examples';
import { writeWorkbook } from '../scripts/examples/render';
import { run } from '../src/cli/main';

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

export async function cli(...args: string[]): Promise<CliResult> {
  let stdout = '';
  let stderr = '';
  const code = await run(
    args,
    (t) => (stdout += t),
    (t) => (stderr += t),
  );
  return { code, stdout, stderr };
}

/** Writes the four example workbooks into `dir` (which must exist). */
export async function writeExamples(dir: string): Promise<void> {
  for (const spec of EXAMPLE_WORKBOOKS) await writeWorkbook(spec, join(dir, spec.file));
}

/**
 * A password-protected .xlsx as Excel saves it: an OLE compound file holding EncryptionInfo and EncryptedPackage
 * streams (their contents are not needed to tell it apart from an .xls, whose compound file holds a Workbook stream).
 */
function encryptedXlsx(): Buffer {
  const cfb = CFB as {
    utils: { cfb_new: () => unknown; cfb_add: (cfb: unknown, name: string, content: Uint8Array) => void };
    write: (cfb: unknown, options: { type: 'buffer' }) => Buffer;
  };
  const container = cfb.utils.cfb_new();
  cfb.utils.cfb_add(container, 'EncryptionInfo', new Uint8Array(256).fill(4));
  cfb.utils.cfb_add(container, 'EncryptedPackage', new Uint8Array(8192).fill(9));
  return cfb.write(container, { type: 'buffer' });
}

/** A password-protected .xlsx (an OLE compound file, as a legacy .xls also is, whose first bytes it shares). */
export const OLE_HEADER = encryptedXlsx();

/**
 * Writes `bytes` as the uncompressed size of the zip's first central-directory entry (a zip-bomb claim);
 * returns the size it replaced.
 */
export function claimUncompressedSize(zip: Uint8Array, bytes: number): number {
  const central = Buffer.from(zip.buffer, zip.byteOffset, zip.byteLength).indexOf(
    Buffer.from([0x50, 0x4b, 0x01, 0x02]),
  );
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  const previous = view.getUint32(central + 24, true);
  view.setUint32(central + 24, bytes, true);
  return previous;
}

/** The finding lines the text output prints under a file's header (up to the blank line after them). */
export function findingLinesOf(stdout: string, file: string): string[] {
  const lines = stdout.split('\n');
  const start = lines.findIndex((line) => line.startsWith(`${file}  `));
  if (start < 0) return [];
  const found: string[] = [];
  for (const line of lines.slice(start + 1)) {
    if (!line.startsWith('  ')) break;
    found.push(line);
  }
  return found;
}
