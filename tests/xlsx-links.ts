/** Test helper: hyperlinks on cells exceljs cannot write one on (a number, a formula, an error, an empty styled cell). */
import JSZip from 'jszip';

const HYPERLINK_TYPE = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink';
const RELATIONSHIPS_START =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">';

/**
 * Excel can link any cell; exceljs writes a link only on a text. The links ("B2", ...) are added to each sheet's XML and
 * relationships, by exceljs's sheet id (its file is xl/worksheets/sheet{id}.xml).
 */
export async function addHyperlinks(bytes: Uint8Array, linksBySheetId: Map<number, string[]>): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(bytes);
  for (const [sheetId, addresses] of linksBySheetId) {
    const sheetPath = `xl/worksheets/sheet${sheetId}.xml`;
    const relsPath = `xl/worksheets/_rels/sheet${sheetId}.xml.rels`;
    const links = addresses.map((address, i) => `<hyperlink ref="${address}" r:id="rIdAdded${i}"/>`).join('');
    const relationships = addresses
      .map(
        (_, i) =>
          `<Relationship Id="rIdAdded${i}" Type="${HYPERLINK_TYPE}" Target="https://example.com/${i}" TargetMode="External"/>`,
      )
      .join('');
    const sheetXml = await zip.file(sheetPath)!.async('string');
    const linkedXml = sheetXml.includes('<hyperlinks>')
      ? sheetXml.replace('<hyperlinks>', `<hyperlinks>${links}`)
      : sheetXml.replace('<pageMargins', `<hyperlinks>${links}</hyperlinks><pageMargins`);
    if (linkedXml === sheetXml) throw new Error(`no place for hyperlinks in ${sheetPath}`);
    zip.file(sheetPath, linkedXml);
    const relsXml = await zip.file(relsPath)?.async('string');
    zip.file(
      relsPath,
      relsXml
        ? relsXml.replace('</Relationships>', `${relationships}</Relationships>`)
        : `${RELATIONSHIPS_START}${relationships}</Relationships>`,
    );
  }
  return zip.generateAsync({ type: 'uint8array' });
}
