/**
 * What the bytes of a file say before any xlsx reader sees them: an .xlsx (a zip), a password-protected
 * workbook or legacy .xls (an OLE compound file), something else, or a zip whose declared uncompressed size
 * is absurd (a zip bomb, or a sheet too large to hold in memory). Reads the zip's central directory without
 * inflating anything. No Node APIs: used by the CLI and by the standalone page in the browser.
 */

/**
 * More than this in total, uncompressed, is refused. Real budget workbooks are a few MB (a 100k-row list is
 * about 80 MB); exceljs holds every cell in memory, and a 335 MB sheet already needs about 5 GB.
 */
export const MAX_UNCOMPRESSED_BYTES = 200 * 1024 * 1024;
const EOCD_SIGNATURE = 0x06054b50;
const CENTRAL_SIGNATURE = 0x02014b50;

export interface ZipSummary {
  entries: number;
  uncompressedBytes: number;
}

/** Undefined when the central directory cannot be found (left to the xlsx reader to report as corrupt). */
export function summarizeZip(data: Uint8Array): ZipSummary | undefined {
  const bytes = new DataView(data.buffer, data.byteOffset, data.byteLength);
  if (data.length < 22) return undefined;
  const searchFrom = Math.max(0, data.length - 22 - 0xffff);
  let eocd = -1;
  for (let i = data.length - 22; i >= searchFrom; i--) {
    if (bytes.getUint32(i, true) === EOCD_SIGNATURE) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return undefined;
  const entries = bytes.getUint16(eocd + 10, true);
  let offset = bytes.getUint32(eocd + 16, true);
  let uncompressedBytes = 0;
  for (let i = 0; i < entries; i++) {
    if (offset + 46 > data.length || bytes.getUint32(offset, true) !== CENTRAL_SIGNATURE) return undefined;
    const size = bytes.getUint32(offset + 24, true);
    // 0xFFFFFFFF: a ZIP64 size, larger than 4 GB.
    uncompressedBytes += size === 0xffffffff ? Number.MAX_SAFE_INTEGER / 2 : size;
    offset +=
      46 + bytes.getUint16(offset + 28, true) + bytes.getUint16(offset + 30, true) + bytes.getUint16(offset + 32, true);
  }
  return { entries, uncompressedBytes };
}

export type WorkbookBytesProblem =
  { kind: 'encrypted-or-legacy' } | { kind: 'not-xlsx' } | { kind: 'too-large'; uncompressedBytes: number };

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

function startsWith(data: Uint8Array, magic: readonly number[]): boolean {
  return data.length >= magic.length && magic.every((byte, i) => data[i] === byte);
}

/** Why the bytes cannot be an .xlsx to open, or undefined (a corrupt zip is left to the reader to report). */
export function workbookBytesProblem(data: Uint8Array): WorkbookBytesProblem | undefined {
  // Excel saves a password-protected .xlsx as an OLE compound file, like a legacy .xls.
  if (startsWith(data, OLE_MAGIC)) return { kind: 'encrypted-or-legacy' };
  if (!startsWith(data, ZIP_MAGIC)) return { kind: 'not-xlsx' };
  const zip = summarizeZip(data);
  if (zip && zip.uncompressedBytes > MAX_UNCOMPRESSED_BYTES)
    return { kind: 'too-large', uncompressedBytes: zip.uncompressedBytes };
  return undefined;
}
