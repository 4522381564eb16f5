/**
 * Reads a zip's central directory (without inflating anything) to refuse files whose declared
 * uncompressed size is absurd before exceljs would try to inflate them into memory.
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
export function summarizeZip(bytes: Buffer): ZipSummary | undefined {
  const searchFrom = Math.max(0, bytes.length - 22 - 0xffff);
  let eocd = -1;
  for (let i = bytes.length - 22; i >= searchFrom; i--) {
    if (bytes.readUInt32LE(i) === EOCD_SIGNATURE) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return undefined;
  const entries = bytes.readUInt16LE(eocd + 10);
  let offset = bytes.readUInt32LE(eocd + 16);
  let uncompressedBytes = 0;
  for (let i = 0; i < entries; i++) {
    if (offset + 46 > bytes.length || bytes.readUInt32LE(offset) !== CENTRAL_SIGNATURE) return undefined;
    const size = bytes.readUInt32LE(offset + 24);
    // 0xFFFFFFFF: a ZIP64 size, larger than 4 GB.
    uncompressedBytes += size === 0xffffffff ? Number.MAX_SAFE_INTEGER / 2 : size;
    offset += 46 + bytes.readUInt16LE(offset + 28) + bytes.readUInt16LE(offset + 30) + bytes.readUInt16LE(offset + 32);
  }
  return { entries, uncompressedBytes };
}
