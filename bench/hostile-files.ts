/**
 * Small files that once hung or crashed the checker (issue 12), written from scratch as an attacker or an unlucky
 * user would make them: a few KB each. Used by `npm run bench:hostile` and by the tests.
 */
import { zipSync, strToU8, type Zippable } from 'fflate';
import { deflateRawSync } from 'node:zlib';

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const PACKAGE_RELS = 'http://schemas.openxmlformats.org/package/2006/relationships';
const OFFICE_RELS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

export interface SheetXml {
  name: string;
  /** The inside of <sheetData>. */
  rows: string;
  /** XML after </sheetData> (mergeCells, dataValidations …). */
  after?: string;
  /** XML before <sheetData> (dimension …). */
  before?: string;
}

const xmlEscape = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** The parts of a minimal .xlsx (no styles, inline strings): what Excel, exceljs and SheetJS all open. */
export function workbookParts(sheets: readonly SheetXml[]): Zippable {
  const parts: Zippable = {
    '[Content_Types].xml': strToU8(
      `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>${sheets.map((_, i) => `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`).join('')}</Types>`,
    ),
    '_rels/.rels': strToU8(
      `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="${PACKAGE_RELS}"><Relationship Id="rId1" Type="${OFFICE_RELS}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    ),
    'xl/workbook.xml': strToU8(
      `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="${MAIN}" xmlns:r="${OFFICE_RELS}"><sheets>${sheets.map((s, i) => `<sheet name="${xmlEscape(s.name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join('')}</sheets></workbook>`,
    ),
    'xl/_rels/workbook.xml.rels': strToU8(
      `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="${PACKAGE_RELS}">${sheets.map((_, i) => `<Relationship Id="rId${i + 1}" Type="${OFFICE_RELS}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`).join('')}</Relationships>`,
    ),
  };
  sheets.forEach((sheet, i) => {
    parts[`xl/worksheets/sheet${i + 1}.xml`] = strToU8(
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="${MAIN}">${sheet.before ?? ''}<sheetData>${sheet.rows}</sheetData>${sheet.after ?? ''}</worksheet>`,
    );
  });
  return parts;
}

export function xlsxOf(sheets: readonly SheetXml[]): Uint8Array {
  return zipSync(workbookParts(sheets), { level: 6 });
}

/** An inline-string cell. */
export const textCell = (ref: string, text: string) =>
  `<c r="${ref}" t="inlineStr"><is><t>${xmlEscape(text)}</t></is></c>`;
export const numberCell = (ref: string, value: number) => `<c r="${ref}"><v>${value}</v></c>`;

/** A small real table above whatever a hostile file adds: the checker has something to say about it. */
const TABLE_ROWS = [
  `<row r="1">${textCell('A1', '科目编码')}${textCell('B1', '科目名称')}${textCell('C1', '合计')}${textCell('D1', '基本支出')}${textCell('E1', '项目支出')}</row>`,
  `<row r="2">${textCell('A2', '合计')}${numberCell('C2', 100)}${numberCell('D2', 60)}${numberCell('E2', 45)}</row>`,
].join('');

export interface HostileFile {
  name: string;
  /** What the file is, in a few words. */
  what: string;
  bytes: () => Uint8Array;
}

/** Inflated size of each padding part of a bomb. */
const BOMB_PART_BYTES = 64 * 1024 * 1024;

/**
 * A real workbook with padding parts of zeros, `bytes` in all once inflated, whose directory says each part is 1 KB:
 * a reader trusting the directory inflates all of it.
 */
export function underDeclaredBomb(bytes: number): Uint8Array {
  let zip = xlsxOf([{ name: 'Sheet1', rows: TABLE_ROWS }]);
  const zeros = deflateRawSync(Buffer.alloc(BOMB_PART_BYTES), { level: 9 });
  for (let i = 0; i * BOMB_PART_BYTES < bytes; i++) zip = appendEntry(zip, `xl/media/padding${i}.bin`, zeros, 1024);
  return zip;
}

/** Adds one deflated entry (declaring `declaredSize` bytes inflated) to a zip made by fflate. */
function appendEntry(zip: Uint8Array, name: string, deflated: Buffer, declaredSize: number): Uint8Array {
  const data = Buffer.from(zip);
  const eocd = data.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  const entries = data.readUInt16LE(eocd + 10);
  const directorySize = data.readUInt32LE(eocd + 12);
  const directoryOffset = data.readUInt32LE(eocd + 16);
  const nameBytes = Buffer.from(name);
  const crc = 0; // Never checked before the size is: a reader that inflates it all fails only at the end.
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(20, 4);
  local.writeUInt16LE(8, 8);
  local.writeUInt32LE(crc, 14);
  local.writeUInt32LE(deflated.length, 18);
  local.writeUInt32LE(declaredSize, 22);
  local.writeUInt16LE(nameBytes.length, 26);
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0);
  central.writeUInt16LE(20, 4);
  central.writeUInt16LE(20, 6);
  central.writeUInt16LE(8, 10);
  central.writeUInt32LE(crc, 16);
  central.writeUInt32LE(deflated.length, 20);
  central.writeUInt32LE(declaredSize, 24);
  central.writeUInt16LE(nameBytes.length, 28);
  central.writeUInt32LE(directoryOffset, 42);
  const newEntryOffset = directoryOffset;
  const before = data.subarray(0, directoryOffset);
  const directory = data.subarray(directoryOffset, directoryOffset + directorySize);
  const newDirectoryOffset = newEntryOffset + local.length + nameBytes.length + deflated.length;
  const end = Buffer.from(data.subarray(eocd, eocd + 22));
  end.writeUInt16LE(entries + 1, 8);
  end.writeUInt16LE(entries + 1, 10);
  end.writeUInt32LE(directorySize + central.length + nameBytes.length, 12);
  end.writeUInt32LE(newDirectoryOffset, 16);
  end.writeUInt16LE(0, 20);
  return Buffer.concat([before, local, nameBytes, deflated, directory, central, nameBytes, end]);
}

export function withJunkBefore(zip: Uint8Array, junk = 4096): Uint8Array {
  const prefix = Buffer.alloc(junk, 0x20);
  prefix.write('PK junk before the zip, as a self-extractor stub has');
  return Buffer.concat([prefix, Buffer.from(zip)]);
}

const validation = (sqref: string) =>
  `<dataValidations count="1"><dataValidation type="list" allowBlank="1" sqref="${sqref}"><formula1>"是,否"</formula1></dataValidation></dataValidations>`;

/** The files of issue 12, each with the table above it. */
export const HOSTILE_FILES: HostileFile[] = [
  {
    name: 'three-corners.xlsx',
    what: 'cells at A1, XFD1 and XFD1048576',
    bytes: () =>
      xlsxOf([
        {
          name: '角落',
          rows: `${TABLE_ROWS.replace('</row>', `${numberCell('XFD1', 1)}</row>`)}<row r="1048576">${numberCell('XFD1048576', 2)}</row>`,
        },
      ]),
  },
  {
    name: 'column-xfd.xlsx',
    what: '20,000 cells in column XFD',
    bytes: () => {
      const rows = [TABLE_ROWS];
      for (let r = 3; r < 20_003; r++) rows.push(`<row r="${r}">${numberCell(`XFD${r}`, r)}</row>`);
      return xlsxOf([{ name: 'XFD', rows: rows.join('') }]);
    },
  },
  {
    name: 'row-beyond-excel.xlsx',
    what: 'one cell at row 99,999,999',
    bytes: () => xlsxOf([{ name: '越界', rows: `${TABLE_ROWS}<row r="99999999">${numberCell('A99999999', 1)}</row>` }]),
  },
  {
    name: 'merge-whole-sheet.xlsx',
    what: 'one merge A1:XFD1048576',
    bytes: () =>
      xlsxOf([
        {
          name: '全合并',
          rows: `${TABLE_ROWS}<row r="1048576">${numberCell('XFD1048576', 1)}</row>`,
          after: '<mergeCells count="1"><mergeCell ref="A1:XFD1048576"/></mergeCells>',
        },
      ]),
  },
  {
    name: 'merges-50000.xlsx',
    what: '50,000 merges',
    bytes: () => {
      const merges: string[] = [];
      for (let r = 3; r < 50_003; r++) merges.push(`<mergeCell ref="F${r}:G${r}"/>`);
      return xlsxOf([
        {
          name: '合并',
          rows: `${TABLE_ROWS}<row r="50002">${numberCell('G50002', 1)}</row>`,
          after: `<mergeCells count="${merges.length}">${merges.join('')}</mergeCells>`,
        },
      ]);
    },
  },
  {
    name: 'validation-2-columns.xlsx',
    what: 'a data validation over 2 whole columns',
    bytes: () => xlsxOf([{ name: '有效性', rows: TABLE_ROWS, after: validation('F1:G1048576') }]),
  },
  {
    name: 'validation-10-columns.xlsx',
    what: 'a data validation over 10 whole columns',
    bytes: () => xlsxOf([{ name: '有效性', rows: TABLE_ROWS, after: validation('F1:O1048576') }]),
  },
  {
    name: 'validation-whole-sheet.xlsx',
    what: 'a data validation over A1:XFD1048576',
    bytes: () => xlsxOf([{ name: '有效性', rows: TABLE_ROWS, after: validation('A1:XFD1048576') }]),
  },
  {
    name: 'bomb-under-declared.xlsx',
    what: 'a 1 GB part whose directory says 1 KB',
    bytes: () => underDeclaredBomb(1024 * 1024 * 1024),
  },
  {
    name: 'bomb-junk-before.xlsx',
    what: 'the same bomb with junk bytes before the zip',
    bytes: () => withJunkBefore(underDeclaredBomb(1024 * 1024 * 1024)),
  },
];

/** A zip that is not a workbook: the parts of a .docx. */
export function docxBytes(): Uint8Array {
  return zipSync({
    '[Content_Types].xml': strToU8(
      '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>',
    ),
    '_rels/.rels': strToU8(
      `<?xml version="1.0"?><Relationships xmlns="${PACKAGE_RELS}"><Relationship Id="rId1" Type="${OFFICE_RELS}/officeDocument" Target="word/document.xml"/></Relationships>`,
    ),
    'word/document.xml': strToU8(
      '<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>预算</w:t></w:r></w:p></w:body></w:document>',
    ),
  });
}

/** A workbook part listing no sheet. */
export function noSheetBytes(): Uint8Array {
  const parts = workbookParts([]);
  return zipSync(parts);
}
