/**
 * A template's look on the sheet the add-in inserts, as the CLI's file has it (src/templates/look.ts): fonts,
 * alignment and borders by role, the heights of wrapped rows, no gridlines, and the print setup (print area,
 * margins, centred, page-number footer). Queued on the caller's request context: no sync of its own.
 */
/* global Excel */
import { parseRangeAddress } from '../validation';
import { FOOTER, LOOKS, MARGINS } from '../templates/look';
import type { RenderPlan } from '../templates/plan';

const POINTS_PER_INCH = 72;
const ALIGNMENT = { left: 'Left', center: 'Center', right: 'Right' } as const;
const EDGES = ['EdgeTop', 'EdgeBottom', 'EdgeLeft', 'EdgeRight'] as const;

export function applyTemplateLook(sheet: Excel.Worksheet, plan: RenderPlan): void {
  // In the plan's order: a later range's role overrides an earlier one's, as in the CLI's file.
  for (const { range, role } of plan.roles) {
    const look = LOOKS[role];
    const format = sheet.getRange(range).format;
    format.font.name = look.font.name;
    format.font.size = look.font.size;
    format.font.bold = look.font.bold;
    if (look.font.color) format.font.color = `#${look.font.color.slice(2)}`;
    format.horizontalAlignment = ALIGNMENT[look.horizontal];
    format.verticalAlignment = 'Center';
    format.wrapText = look.wrap;
    if (look.indent > 0) format.indentLevel = look.indent;
    if (look.border) {
      const r = parseRangeAddress(range);
      // Inside borders only where a range has more than one column or row.
      const edges = [
        ...EDGES,
        ...(r.right > r.left ? (['InsideVertical'] as const) : []),
        ...(r.bottom > r.top ? (['InsideHorizontal'] as const) : []),
      ];
      for (const edge of edges) {
        const border = format.borders.getItem(edge);
        border.style = 'Continuous';
        border.weight = 'Thin';
        border.color = '#000000';
      }
    }
  }
  for (const { row, height } of plan.rowHeights) sheet.getRange(`${row}:${row}`).format.rowHeight = height;
  sheet.showGridlines = false;
  const layout = sheet.pageLayout;
  layout.setPrintArea(plan.printArea);
  layout.centerHorizontally = true;
  layout.leftMargin = MARGINS.left * POINTS_PER_INCH;
  layout.rightMargin = MARGINS.right * POINTS_PER_INCH;
  layout.topMargin = MARGINS.top * POINTS_PER_INCH;
  layout.bottomMargin = MARGINS.bottom * POINTS_PER_INCH;
  layout.headerMargin = MARGINS.header * POINTS_PER_INCH;
  layout.footerMargin = MARGINS.footer * POINTS_PER_INCH;
  // Office.js takes the footer by section: the "&C" of the file's footer is this property.
  layout.headersFooters.defaultForAllPages.centerFooter = FOOTER.replace(/^&C/, '');
}
