/**
 * What the bytes of a workbook hold, found before any spreadsheet reader sees them, so that no reader (SheetJS for the
 * grids, exceljs for an annotated copy) is ever handed a file whose cost is out of proportion to its content:
 * - the zip's central directory is parsed (junk before it and ZIP64 sizes allowed); a `PK` file whose directory
 *   cannot be parsed is refused;
 * - every part is inflated in small steps and the output counted, so a zip that under-declares its sizes is stopped
 *   at the cap, whatever its directory says;
 * - the package must be a workbook with at least one sheet (a renamed .docx is not);
 * - each sheet's XML is scanned as it inflates: cell and row references beyond Excel's grid are corrupt input; merged
 *   areas and data-validation areas are counted before a reader expands them cell by cell.
 * - an .ods (or flat .fods) is scanned for repeated cells (one cell element may stand for millions) before SheetJS
 *   expands them; an .xlsb is inflated under the same cap;
 * - an OLE compound file (.xls, WPS .et, or an encrypted .xlsx) must hold a workbook stream and no encrypted package;
 * - text (.csv, SpreadsheetML 2003 or HTML saved as .xls) is decoded (UTF-8, UTF-16, else GB18030) and size-capped.
 * No Node APIs: used by the CLI and by the standalone page in the browser.
 */
import { CFB } from '@e965/xlsx';
import { Inflate } from 'fflate';
import { type CellRange } from '../validation';

export const EXCEL_MAX_ROWS = 1_048_576;
export const EXCEL_MAX_COLUMNS = 16_384;

export const PRECHECK_LIMITS = {
  /**
   * More than this in total, inflated, is refused. Real budget workbooks are a few MB (a 100k-row list is about
   * 80 MB); a reader holds every cell in memory.
   */
  uncompressedBytes: 200 * 1024 * 1024,
  /** Cells covered by the merged areas of one sheet (each clipped to the cells present); merges past it are skipped. */
  mergedCells: 2_000_000,
  /** More merges than this on a sheet are not handed to exceljs, whose merging is quadratic in their number. */
  readerMerges: 5_000,
  /** Data-validation cells of a workbook carried into an annotated copy; exceljs expands them cell by cell. */
  validationCells: 100_000,
  /**
   * Cells an .ods may stand for once its repeated cells are expanded (SheetJS makes one object each): about what
   * 200 MB of .xlsx XML holds.
   */
  expandedCells: 5_000_000,
} as const;

/** The formats read, by what the bytes are (never by the file's name alone). */
export type SpreadsheetFormat = 'xlsx' | 'xlsb' | 'ods' | 'xls' | 'xml' | 'csv';

/** Why the bytes are not a workbook to read. */
export type WorkbookProblem =
  | { kind: 'encrypted' }
  /** The bytes are no spreadsheet; `extension` is the file's (".xlsx"), when known. */
  | { kind: 'not-xlsx'; extension?: string }
  /** `format` is the file's extension (".xls"), when known: ".xlsx" is said otherwise. */
  | { kind: 'corrupt'; detail: string; format?: string }
  | { kind: 'too-large'; uncompressedBytes: number; declared: boolean }
  | { kind: 'too-many-cells'; cells: number }
  | { kind: 'not-workbook' }
  | { kind: 'out-of-range'; sheet: string; ref: string };

export class WorkbookProblemError extends Error {
  constructor(readonly problem: WorkbookProblem) {
    super(problem.kind);
    this.name = 'WorkbookProblemError';
  }
}

export interface SheetScan {
  /** The sheet's name, as the workbook lists it. */
  name: string;
  /** The sheet's part in the package ("xl/worksheets/sheet1.xml"). */
  part: string;
  /** Cell elements in the XML. */
  cells: number;
  /** The last row and column (1-based) of any cell element; 0 when there is none. */
  lastRow: number;
  lastColumn: number;
  /** Merged areas kept (0-based), within the sheet's budget of merged cells. */
  merges: CellRange[];
  /** Merged areas that were too large to keep: the first few addresses, and how many in all. */
  skippedMerges: { examples: string[]; count: number };
  /** Cells covered by the sheet's data validations, as declared (a whole column is 1,048,576 cells). */
  validationCells: number;
}

export interface WorkbookScan {
  /** What the zip holds: an .xlsx/.xlsm (sheets scanned), an .xlsb or an .ods (inflated under the cap). */
  format: 'xlsx' | 'xlsb' | 'ods';
  /** The sheets of an .xlsx; none for the other formats. */
  sheets: SheetScan[];
  /** Bytes of every part, inflated. */
  uncompressedBytes: number;
  /** The package holds a VBA project (an .xlsm): an annotated copy cannot carry it. */
  hasMacros: boolean;
}

const EOCD_SIGNATURE = 0x06054b50;
const ZIP64_LOCATOR_SIGNATURE = 0x07064b50;
const ZIP64_EOCD_SIGNATURE = 0x06064b50;
const CENTRAL_SIGNATURE = 0x02014b50;
const LOCAL_SIGNATURE = 0x04034b50;
const ZIP_MAGIC = [0x50, 0x4b];
const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
/** Compressed bytes inflated per step: at most about 1,000 times as much comes out of one step. */
const INFLATE_STEP = 16 * 1024;

export interface ZipEntry {
  name: string;
  method: number;
  encrypted: boolean;
  compressedSize: number;
  uncompressedSize: number;
  /** Where the entry's data starts in the file. */
  dataStart: number;
}

function startsWith(data: Uint8Array, magic: readonly number[]): boolean {
  return data.length >= magic.length && magic.every((byte, i) => data[i] === byte);
}

function corrupt(detail: string): WorkbookProblemError {
  return new WorkbookProblemError({ kind: 'corrupt', detail });
}

/** A little-endian u64 that must fit a safe integer. */
function u64(view: DataView, at: number): number {
  return view.getUint32(at, true) + view.getUint32(at + 4, true) * 0x1_0000_0000;
}

/**
 * The zip's entries from its central directory. Bytes before the zip (a self-extractor stub, junk) are allowed, as
 * zip readers allow them: offsets are shifted by what precedes the directory. Throws a 'corrupt' problem otherwise.
 */
export function readZipDirectory(data: Uint8Array): ZipEntry[] {
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  if (data.length < 22) throw corrupt('too short for a zip');
  let eocd = -1;
  for (let i = data.length - 22, stop = Math.max(0, data.length - 22 - 0xffff); i >= stop; i--) {
    if (view.getUint32(i, true) === EOCD_SIGNATURE) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw corrupt('no zip directory');
  let count = view.getUint16(eocd + 10, true);
  let size = view.getUint32(eocd + 12, true);
  let offset = view.getUint32(eocd + 16, true);
  let directoryEnd = eocd;
  if (count === 0xffff || size === 0xffffffff || offset === 0xffffffff) {
    const locator = eocd - 20;
    if (locator < 0 || view.getUint32(locator, true) !== ZIP64_LOCATOR_SIGNATURE) throw corrupt('no ZIP64 directory');
    // The ZIP64 record sits just before its locator; its recorded offset may be shifted like the others.
    const record = locator - 56;
    if (record < 0 || view.getUint32(record, true) !== ZIP64_EOCD_SIGNATURE) throw corrupt('no ZIP64 directory');
    count = u64(view, record + 32);
    size = u64(view, record + 40);
    offset = u64(view, record + 48);
    directoryEnd = record;
  }
  const start = directoryEnd - size;
  const shift = start - offset;
  if (start < 0 || shift < 0) throw corrupt('zip directory out of bounds');
  const entries: ZipEntry[] = [];
  const decoder = new TextDecoder();
  let at = start;
  for (let i = 0; i < count; i++) {
    if (at + 46 > directoryEnd || view.getUint32(at, true) !== CENTRAL_SIGNATURE)
      throw corrupt('zip directory damaged');
    const flags = view.getUint16(at + 8, true);
    const method = view.getUint16(at + 10, true);
    let compressedSize = view.getUint32(at + 20, true);
    let uncompressedSize = view.getUint32(at + 24, true);
    const nameLength = view.getUint16(at + 28, true);
    const extraLength = view.getUint16(at + 30, true);
    const commentLength = view.getUint16(at + 32, true);
    let localOffset = view.getUint32(at + 42, true);
    if (at + 46 + nameLength + extraLength + commentLength > directoryEnd) throw corrupt('zip directory damaged');
    const name = decoder.decode(data.subarray(at + 46, at + 46 + nameLength));
    // ZIP64 extended information: the 64-bit values of the fields that hold 0xFFFFFFFF, in this order.
    for (let e = at + 46 + nameLength, end = e + extraLength; e + 4 <= end;) {
      const id = view.getUint16(e, true);
      const length = view.getUint16(e + 2, true);
      if (e + 4 + length > end) break;
      if (id === 0x0001) {
        let field = e + 4;
        if (uncompressedSize === 0xffffffff && field + 8 <= e + 4 + length) {
          uncompressedSize = u64(view, field);
          field += 8;
        }
        if (compressedSize === 0xffffffff && field + 8 <= e + 4 + length) {
          compressedSize = u64(view, field);
          field += 8;
        }
        if (localOffset === 0xffffffff && field + 8 <= e + 4 + length) localOffset = u64(view, field);
      }
      e += 4 + length;
    }
    const local = localOffset + shift;
    if (local + 30 > data.length || view.getUint32(local, true) !== LOCAL_SIGNATURE)
      throw corrupt(`zip entry ${name} damaged`);
    const dataStart = local + 30 + view.getUint16(local + 26, true) + view.getUint16(local + 28, true);
    if (dataStart + compressedSize > data.length) throw corrupt(`zip entry ${name} truncated`);
    entries.push({ name, method, encrypted: (flags & 1) !== 0, compressedSize, uncompressedSize, dataStart });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/**
 * A raw-deflate decoder that stops at `maxOutput` bytes, throwing a RangeError past it (compared by name: Node's
 * zlib throws it from another realm under jest): Node's zlib (native, several
 * times faster) where there is one; fflate's streaming decoder in small steps otherwise (the browser).
 */
export type InflateRaw = (input: Uint8Array, maxOutput: number) => Uint8Array;

/** Inflates entries one after the other, counting every byte that comes out against one cap. */
class CappedInflater {
  total = 0;
  constructor(
    private readonly data: Uint8Array,
    private readonly cap: number,
    private readonly inflateRaw?: InflateRaw,
  ) {}

  /** Feeds the entry's inflated bytes to `sink` in pieces; throws 'too-large' as soon as the total passes the cap. */
  inflate(entry: ZipEntry, sink: (piece: Uint8Array) => void): void {
    const input = this.data.subarray(entry.dataStart, entry.dataStart + entry.compressedSize);
    if (entry.encrypted) throw new WorkbookProblemError({ kind: 'encrypted' });
    const take = (piece: Uint8Array) => {
      this.total += piece.length;
      if (this.total > this.cap)
        throw new WorkbookProblemError({ kind: 'too-large', uncompressedBytes: this.total, declared: false });
      sink(piece);
    };
    if (entry.method === 0) {
      for (let i = 0; i < input.length; i += INFLATE_STEP) take(input.subarray(i, i + INFLATE_STEP));
      return;
    }
    if (entry.method !== 8) throw corrupt(`zip entry ${entry.name}: compression method ${entry.method} not supported`);
    if (this.inflateRaw) {
      let output: Uint8Array;
      try {
        output = this.inflateRaw(input, this.cap - this.total + 1);
      } catch (error) {
        if ((error as Error | undefined)?.name === 'RangeError')
          throw new WorkbookProblemError({ kind: 'too-large', uncompressedBytes: this.cap + 1, declared: false });
        throw corrupt(`zip entry ${entry.name}: ${error instanceof Error ? error.message : String(error)}`);
      }
      for (let i = 0; i < output.length; i += 1024 * 1024) take(output.subarray(i, i + 1024 * 1024));
      if (output.length === 0) take(output);
      return;
    }
    const inflater = new Inflate((piece) => {
      take(piece);
    });
    try {
      for (let i = 0; i < input.length; i += INFLATE_STEP)
        inflater.push(input.subarray(i, i + INFLATE_STEP), i + INFLATE_STEP >= input.length);
      if (input.length === 0) inflater.push(new Uint8Array(0), true);
    } catch (error) {
      if (error instanceof WorkbookProblemError) throw error;
      throw corrupt(`zip entry ${entry.name}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  text(entry: ZipEntry): string {
    const decoder = new TextDecoder();
    let text = '';
    this.inflate(entry, (piece) => (text += decoder.decode(piece, { stream: true })));
    return text + decoder.decode();
  }
}

/** "/xl/workbook.xml", "xl/./worksheets/../worksheets/sheet1.xml" → "xl/workbook.xml", "xl/worksheets/sheet1.xml". */
function resolvePart(base: string, target: string): string {
  const parts = target.startsWith('/') ? [] : base.split('/').slice(0, -1);
  for (const piece of target.replace(/^\/+/, '').split('/')) {
    if (piece === '..') parts.pop();
    else if (piece !== '.' && piece !== '') parts.push(piece);
  }
  return parts.join('/');
}

function relsOf(part: string): string {
  const slash = part.lastIndexOf('/');
  return `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
}

const ATTRIBUTE_PATTERNS = new Map<string, RegExp>();

function attribute(tag: string, name: string): string | undefined {
  let pattern = ATTRIBUTE_PATTERNS.get(name);
  if (!pattern) ATTRIBUTE_PATTERNS.set(name, (pattern = new RegExp(`[\\s:]${name}\\s*=\\s*("([^"]*)"|'([^']*)')`)));
  const match = pattern.exec(tag);
  return match ? (match[2] ?? match[3]) : undefined;
}

/** XML character references and the five entities, as a sheet name or attribute holds them. */
export function unescapeXml(text: string): string {
  return text.replace(/&(lt|gt|quot|apos|amp|#x[0-9a-fA-F]+|#\d+);/g, (_, e: string) => {
    if (e === 'lt') return '<';
    if (e === 'gt') return '>';
    if (e === 'quot') return '"';
    if (e === 'apos') return "'";
    if (e === 'amp') return '&';
    return String.fromCodePoint(e[1] === 'x' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10));
  });
}

/** Relationship id → target, from a .rels part. */
function relationships(xml: string, base: string): Map<string, { type: string; target: string }> {
  const map = new Map<string, { type: string; target: string }>();
  for (const match of xml.matchAll(/<(?:\w+:)?Relationship\b[^>]*>/g)) {
    const id = attribute(match[0], 'Id');
    const target = attribute(match[0], 'Target');
    if (id !== undefined && target !== undefined && attribute(match[0], 'TargetMode') !== 'External')
      map.set(id, { type: attribute(match[0], 'Type') ?? '', target: resolvePart(base, unescapeXml(target)) });
  }
  return map;
}

/** 1-based column of "AB" (letters only); Infinity when longer than any column. */
function columnNumber(letters: string): number {
  if (letters.length > 3) return Infinity;
  let n = 0;
  for (let i = 0; i < letters.length; i++) n = n * 26 + (letters.charCodeAt(i) - 64);
  return n;
}

const CELL_REF = /^\$?([A-Za-z]+)\$?(\d+)$/;

/** "B7" → { row: 7, column: 2 } (1-based); undefined when not a reference. */
function parseRef(ref: string): { row: number; column: number } | undefined {
  const match = CELL_REF.exec(ref);
  if (!match) return undefined;
  return { column: columnNumber(match[1]!.toUpperCase()), row: Number(match[2]) };
}

function inGrid(cell: { row: number; column: number }): boolean {
  return cell.row >= 1 && cell.row <= EXCEL_MAX_ROWS && cell.column >= 1 && cell.column <= EXCEL_MAX_COLUMNS;
}

/** "A1:C3" or "A1" → 1-based corners, or undefined. */
function parseArea(ref: string): { top: number; left: number; bottom: number; right: number } | undefined {
  const [from, to = from] = ref.split(':');
  const a = parseRef(from ?? '');
  const b = parseRef(to ?? '');
  if (!a || !b) return undefined;
  return {
    top: Math.min(a.row, b.row),
    bottom: Math.max(a.row, b.row),
    left: Math.min(a.column, b.column),
    right: Math.max(a.column, b.column),
  };
}

/** The tags of a sheet that matter for cost, however the XML is prefixed; matched up to the end of the tag. */
const SHEET_TAG = /<(?:[A-Za-z_][\w.-]*:)?(row|c|mergeCell|dataValidation|dimension)(?=[\s/>])[^>]*>?/g;

/** Scans a sheet's XML piece by piece as it is inflated; never holds the whole part. */
class SheetScanner {
  private readonly decoder = new TextDecoder();
  private carry = '';
  private row = 0;
  private column = 0;
  private mergedCells = 0;
  readonly scan: SheetScan;

  constructor(name: string, part: string) {
    this.scan = {
      name,
      part,
      cells: 0,
      lastRow: 0,
      lastColumn: 0,
      merges: [],
      skippedMerges: { examples: [], count: 0 },
      validationCells: 0,
    };
  }

  push(piece: Uint8Array): void {
    this.feed(this.carry + this.decoder.decode(piece, { stream: true }));
  }

  finish(): void {
    this.feed(this.carry + this.decoder.decode());
  }

  private outOfRange(ref: string): never {
    throw new WorkbookProblemError({ kind: 'out-of-range', sheet: this.scan.name, ref });
  }

  private feed(text: string): void {
    this.carry = '';
    SHEET_TAG.lastIndex = 0;
    for (let match = SHEET_TAG.exec(text); match; match = SHEET_TAG.exec(text)) {
      const tag = match[0];
      if (!tag.endsWith('>')) {
        // The tag goes on in the next piece.
        this.carry = text.slice(match.index);
        return;
      }
      this.tag(match[1]!, tag);
    }
    // A "<" at the very end may open a tag of interest.
    const open = text.lastIndexOf('<');
    if (open >= 0 && text.length - open < 64 && text.indexOf('>', open) < 0) this.carry = text.slice(open);
  }

  private tag(name: string, tag: string): void {
    const scan = this.scan;
    if (name === 'c') {
      const ref = attribute(tag, 'r');
      if (ref === undefined) this.column++;
      else {
        const cell = parseRef(ref);
        if (!cell) return;
        if (!inGrid(cell)) this.outOfRange(ref);
        this.row = cell.row;
        this.column = cell.column;
      }
      if (this.column > EXCEL_MAX_COLUMNS || this.row > EXCEL_MAX_ROWS) this.outOfRange(`R${this.row}C${this.column}`);
      scan.cells++;
      if (this.row > scan.lastRow) scan.lastRow = this.row;
      if (this.column > scan.lastColumn) scan.lastColumn = this.column;
    } else if (name === 'row') {
      const r = attribute(tag, 'r');
      this.row = r === undefined ? this.row + 1 : Number(r);
      this.column = 0;
      if (!(this.row >= 1 && this.row <= EXCEL_MAX_ROWS)) this.outOfRange(`${r ?? this.row}:${r ?? this.row}`);
    } else if (name === 'mergeCell') {
      this.merge(attribute(tag, 'ref') ?? '');
    } else if (name === 'dataValidation') {
      for (const ref of (attribute(tag, 'sqref') ?? '').split(/\s+/)) {
        const area = parseArea(ref);
        if (area)
          scan.validationCells +=
            (Math.min(area.bottom, EXCEL_MAX_ROWS) - area.top + 1) *
            (Math.min(area.right, EXCEL_MAX_COLUMNS) - area.left + 1);
      }
    } else if (name === 'dimension') {
      const ref = attribute(tag, 'ref') ?? '';
      for (const corner of ref.split(':')) {
        const cell = parseRef(corner);
        if (cell && !inGrid(cell)) this.outOfRange(ref);
      }
    }
  }

  private merge(ref: string): void {
    const area = parseArea(ref);
    if (!area) return;
    if (!inGrid({ row: area.bottom, column: area.right }) || !inGrid({ row: area.top, column: area.left }))
      this.outOfRange(ref);
    const scan = this.scan;
    // What a merge costs is the cells it covers among those present: the sheet's extent of cells.
    const rows = Math.max(0, Math.min(area.bottom, scan.lastRow) - area.top + 1);
    const columns = Math.max(0, Math.min(area.right, scan.lastColumn) - area.left + 1);
    const cost = rows * columns;
    if (this.mergedCells + cost > PRECHECK_LIMITS.mergedCells) {
      scan.skippedMerges.count++;
      if (scan.skippedMerges.examples.length < 3) scan.skippedMerges.examples.push(ref);
      return;
    }
    this.mergedCells += cost;
    scan.merges.push({ top: area.top - 1, left: area.left - 1, bottom: area.bottom - 1, right: area.right - 1 });
  }
}

const OFFICE_DOCUMENT = /\/officeDocument$/;
const WORKSHEET = /\/worksheet$/;

/**
 * Checks and scans a workbook's bytes; throws WorkbookProblemError when they must not be read. Each part is inflated
 * once; only the sheets' cost figures are kept.
 */
export function precheckWorkbook(
  data: Uint8Array,
  options: { limits?: typeof PRECHECK_LIMITS; inflateRaw?: InflateRaw } = {},
): WorkbookScan {
  const limits = options.limits ?? PRECHECK_LIMITS;
  // Excel saves a password-protected .xlsx as an OLE compound file, like an .xls (precheckSpreadsheet tells them apart).
  if (startsWith(data, OLE_MAGIC)) throw new WorkbookProblemError({ kind: 'encrypted' });
  if (!startsWith(data, ZIP_MAGIC)) throw new WorkbookProblemError({ kind: 'not-xlsx' });
  const entries = readZipDirectory(data);
  const declared = entries.reduce((sum, entry) => sum + entry.uncompressedSize, 0);
  if (declared > limits.uncompressedBytes)
    throw new WorkbookProblemError({ kind: 'too-large', uncompressedBytes: declared, declared: true });
  const byName = new Map(entries.map((entry) => [entry.name.replace(/^\/+/, ''), entry]));
  const inflater = new CappedInflater(data, limits.uncompressedBytes, options.inflateRaw);
  const done = new Set<ZipEntry>();
  const text = (part: string): string | undefined => {
    const entry = byName.get(part);
    if (!entry) return undefined;
    done.add(entry);
    return inflater.text(entry);
  };

  const rootRels = text('_rels/.rels');
  const officeDocument = rootRels
    ? [...relationships(rootRels, '').values()].find((rel) => OFFICE_DOCUMENT.test(rel.type))?.target
    : undefined;
  const workbookPart = officeDocument ?? 'xl/workbook.xml';
  if (/\.bin$/i.test(workbookPart) && byName.has(workbookPart)) return inflateAll('xlsb', byName, inflater, done);
  if (!byName.has(workbookPart) && byName.has('content.xml')) {
    const mimetype = text('mimetype');
    if (mimetype !== undefined && !mimetype.includes('opendocument.spreadsheet'))
      throw new WorkbookProblemError({ kind: 'not-workbook' });
    const scanner = new RepeatScanner(limits.expandedCells);
    const content = byName.get('content.xml')!;
    done.add(content);
    inflater.inflate(content, (piece) => {
      scanner.push(piece);
    });
    scanner.finish();
    return inflateAll('ods', byName, inflater, done);
  }
  const workbookXml = text(workbookPart);
  if (workbookXml === undefined || !/<(?:\w+:)?workbook\b/.test(workbookXml))
    throw new WorkbookProblemError({ kind: 'not-workbook' });
  const workbookRels = relationships(text(relsOf(workbookPart)) ?? '', workbookPart);
  const sheets: SheetScanner[] = [];
  for (const match of workbookXml.matchAll(/<(?:\w+:)?sheet\b[^>]*>/g)) {
    const rel = workbookRels.get(attribute(match[0], 'id') ?? '');
    if (!rel || !WORKSHEET.test(rel.type) || !byName.has(rel.target)) continue;
    sheets.push(new SheetScanner(unescapeXml(attribute(match[0], 'name') ?? ''), rel.target));
  }
  if (sheets.length === 0) throw new WorkbookProblemError({ kind: 'not-workbook' });

  const scanners = new Map(sheets.map((scanner) => [scanner.scan.part, scanner]));
  let hasMacros = false;
  for (const [name, entry] of byName) {
    if (done.has(entry) || name.endsWith('/')) continue;
    if (/(^|\/)vbaProject\.bin$/i.test(name)) hasMacros = true;
    const scanner = scanners.get(name);
    if (scanner) {
      inflater.inflate(entry, (piece) => {
        scanner.push(piece);
      });
      scanner.finish();
    } else inflater.inflate(entry, () => undefined);
  }
  return {
    format: 'xlsx',
    sheets: sheets.map((scanner) => scanner.scan),
    uncompressedBytes: inflater.total,
    hasMacros,
  };
}

/** Inflates every part not yet inflated, under the cap: an .xlsb or an .ods, whose sheets are not scanned. */
function inflateAll(
  format: 'xlsb' | 'ods',
  byName: Map<string, ZipEntry>,
  inflater: CappedInflater,
  done: Set<ZipEntry>,
): WorkbookScan {
  let hasMacros = false;
  for (const [name, entry] of byName) {
    if (done.has(entry) || name.endsWith('/')) continue;
    if (/(^|\/)vbaProject\.bin$/i.test(name)) hasMacros = true;
    inflater.inflate(entry, () => undefined);
  }
  return { format, sheets: [], uncompressedBytes: inflater.total, hasMacros };
}

/** An OpenDocument table's row and cell tags (and 标文通's 行 and 数据, which SheetJS reads alike). */
const REPEAT_TAG = /<(?:[A-Za-z_][\w.-]*:)?(table-row|table-cell|行|数据)(?=[\s/>])[^>]*>?/g;

/**
 * Counts the cells an OpenDocument table stands for once SheetJS expands its repeated cells: a cell with content,
 * repeated over 16,384 columns in a row repeated 1,048,576 times, is 17 billion cells in a few bytes. Empty cells
 * (self-closing tags) are skipped by SheetJS and cost nothing. Throws 'too-many-cells' past the limit.
 */
export class RepeatScanner {
  private readonly decoder = new TextDecoder();
  private carry = '';
  private rowRepeat = 1;
  cells = 0;

  constructor(private readonly limit: number) {}

  push(piece: Uint8Array): void {
    this.feed(this.carry + this.decoder.decode(piece, { stream: true }));
  }

  finish(): void {
    this.feed(this.carry + this.decoder.decode());
  }

  /** Scans text already decoded (a flat .fods). */
  scanText(text: string): void {
    this.feed(text);
  }

  private feed(text: string): void {
    this.carry = '';
    REPEAT_TAG.lastIndex = 0;
    for (let match = REPEAT_TAG.exec(text); match; match = REPEAT_TAG.exec(text)) {
      const tag = match[0];
      if (!tag.endsWith('>')) {
        this.carry = text.slice(match.index);
        return;
      }
      if (match[1] === 'table-row' || match[1] === '行') {
        this.rowRepeat = Math.max(1, Number(attribute(tag, 'number-rows-repeated') ?? 1) || 1);
      } else if (!tag.endsWith('/>')) {
        const columns = Math.max(1, Number(attribute(tag, 'number-columns-repeated') ?? 1) || 1);
        this.cells += this.rowRepeat * columns;
        if (this.cells > this.limit) throw new WorkbookProblemError({ kind: 'too-many-cells', cells: this.cells });
      }
    }
    const open = text.lastIndexOf('<');
    if (open >= 0 && text.length - open < 64 && text.indexOf('>', open) < 0) this.carry = text.slice(open);
  }
}

/** What the pre-check found, for the reader: the format, the scan of a zip, the decoded text of a text format. */
export interface SpreadsheetCheck {
  format: SpreadsheetFormat;
  scan?: WorkbookScan;
  text?: string;
}

const TEXT_EXTENSIONS = ['.csv', '.txt'];
/** Names under which systems save SpreadsheetML 2003 or HTML tables, or LibreOffice a flat .fods. */
const MARKUP_EXTENSIONS = ['.xls', '.et', '.xml', '.fods', '.htm', '.html', '.csv', '.txt'];
const OLE_WORKBOOK_STREAMS = ['Workbook', 'Book', 'WORKBOOK', 'BOOK'];

/** ".xls" of "预算.XLS"; undefined without a name or an extension. */
export function extensionOf(fileName: string | undefined): string | undefined {
  const match = fileName === undefined ? null : /\.[^./\\]+$/.exec(fileName);
  return match ? match[0].toLowerCase() : undefined;
}

/**
 * Checks any spreadsheet's bytes before a reader sees them and says what they are. `fileName` decides only whether
 * text may be read as a table (a .csv may; an .xlsx that is text is no spreadsheet). Throws WorkbookProblemError.
 */
export function precheckSpreadsheet(
  data: Uint8Array,
  options: { fileName?: string; limits?: typeof PRECHECK_LIMITS; inflateRaw?: InflateRaw } = {},
): SpreadsheetCheck {
  const limits = options.limits ?? PRECHECK_LIMITS;
  const extension = extensionOf(options.fileName);
  const withFormat = (error: unknown): unknown => {
    if (error instanceof WorkbookProblemError && error.problem.kind === 'corrupt' && extension !== undefined)
      return new WorkbookProblemError({ ...error.problem, format: extension });
    return error;
  };
  if (startsWith(data, ZIP_MAGIC)) {
    try {
      const scan = precheckWorkbook(data, options);
      return { format: scan.format, scan };
    } catch (error) {
      throw withFormat(error);
    }
  }
  if (data.length > limits.uncompressedBytes)
    throw new WorkbookProblemError({ kind: 'too-large', uncompressedBytes: data.length, declared: true });
  if (startsWith(data, OLE_MAGIC)) {
    try {
      precheckCompound(data);
    } catch (error) {
      throw withFormat(error);
    }
    return { format: 'xls' };
  }
  // An Excel 2.x–4.x worksheet: a bare BIFF stream, starting with its BOF record.
  if (data.length >= 4 && data[0] === 0x09 && data[1]! <= 0x08 && data[2]! >= 4 && data[3] === 0)
    return { format: 'xls' };
  const text = decodeText(data);
  if (text === undefined) throw new WorkbookProblemError({ kind: 'not-xlsx', extension });
  if (/^\s*</.test(text)) {
    if (extension !== undefined && !MARKUP_EXTENSIONS.includes(extension))
      throw new WorkbookProblemError({ kind: 'not-xlsx', extension });
    new RepeatScanner(limits.expandedCells).scanText(text);
    return { format: 'xml', text };
  }
  if (extension !== undefined && !TEXT_EXTENSIONS.includes(extension))
    throw new WorkbookProblemError({ kind: 'not-xlsx', extension });
  return { format: 'csv', text };
}

/** A compound file (or a zip) as SheetJS's container reader gives it: each entry's path and content. */
export interface Container {
  FullPaths: string[];
  FileIndex: { content?: Uint8Array }[];
}

/** SheetJS's container reader (OLE compound files and zips); its type declarations leave it untyped. */
export function readContainer(data: Uint8Array, type: 'array' | 'buffer'): Container {
  return (CFB as { read(data: Uint8Array, options: { type: string }): Container }).read(data, { type });
}

/**
 * An OLE compound file must be a workbook: an encrypted .xlsx (an EncryptedPackage stream) or a file without a
 * Workbook/Book stream (a Word .doc, a damaged file) is refused before SheetJS reads it. The container holds no
 * compression: its cost is its size, checked by the caller.
 */
function precheckCompound(data: Uint8Array): void {
  let names: string[];
  try {
    names = readContainer(data, 'array').FullPaths.map((path) => path.replace(/\/$/, '').split('/').pop() ?? '');
  } catch (error) {
    // SheetJS's container reader names a damaged compound file oddly ("Unsupported ZIP encryption"): said plainly.
    throw corrupt(`damaged OLE compound file${error instanceof Error ? ` (${error.message})` : ''}`);
  }
  if (names.some((name) => name === 'EncryptedPackage' || name === 'EncryptionInfo'))
    throw new WorkbookProblemError({ kind: 'encrypted' });
  if (!names.some((name) => OLE_WORKBOOK_STREAMS.includes(name)))
    throw new WorkbookProblemError({ kind: 'not-workbook' });
}

/**
 * Text in UTF-8 or UTF-16 (by its byte-order mark), else in GB18030 (what Chinese Windows and 一体化 exports use);
 * undefined for bytes that are not text (a NUL in the first 64 KB).
 */
function decodeText(data: Uint8Array): string | undefined {
  if (data[0] === 0xff && data[1] === 0xfe) return new TextDecoder('utf-16le').decode(data.subarray(2));
  if (data[0] === 0xfe && data[1] === 0xff) return new TextDecoder('utf-16be').decode(data.subarray(2));
  if (data.subarray(0, 64 * 1024).includes(0)) return undefined;
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(data);
  } catch {
    try {
      return new TextDecoder('gb18030', { fatal: true }).decode(data);
    } catch {
      return undefined;
    }
  }
}
