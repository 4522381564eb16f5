/** Runs the CLI in-process, as a user would from a shell, collecting what it prints. */
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

/** The first bytes of an OLE compound file: how Excel saves a password-protected .xlsx, and a legacy .xls. */
export const OLE_HEADER = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);

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
