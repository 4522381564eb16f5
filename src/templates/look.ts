/**
 * How the templates look and print, as the official forms do: one CJK font family (宋体 body, 黑体 title),
 * thin borders on the form, centred bold headers, right-aligned amounts, A4 with a page-number footer.
 * Both renderers (exceljs for the CLI, Office.js for the add-in) take the look from here.
 */
import type { CellRole } from './plan';

export const BODY_FONT = '宋体';
export const TITLE_FONT = '黑体';
/** GB2312: a program without 宋体/黑体 substitutes a Chinese font of its own instead of a Latin one. */
export const CHINESE_CHARSET = 134;
export const BODY_SIZE = 11;
export const TITLE_SIZE = 18;
export const NOTE_COLOR = 'FF808080';

export interface CellLook {
  font: { name: string; size: number; bold: boolean; color?: string };
  horizontal: 'left' | 'center' | 'right';
  /** Indent from the border, in the program's indent steps (about one character). */
  indent: number;
  wrap: boolean;
  border: boolean;
}

const body = (bold = false) => ({ name: BODY_FONT, size: BODY_SIZE, bold });

export const LOOKS: Record<CellRole, CellLook> = {
  title: {
    font: { name: TITLE_FONT, size: TITLE_SIZE, bold: false },
    horizontal: 'center',
    indent: 0,
    wrap: false,
    border: false,
  },
  unit: { font: body(), horizontal: 'right', indent: 0, wrap: false, border: false },
  header: { font: body(true), horizontal: 'center', indent: 0, wrap: true, border: true },
  label: { font: body(), horizontal: 'center', indent: 0, wrap: true, border: true },
  subtext: { font: body(), horizontal: 'left', indent: 2, wrap: true, border: true },
  text: { font: body(), horizontal: 'left', indent: 1, wrap: true, border: true },
  center: { font: body(), horizontal: 'center', indent: 0, wrap: true, border: true },
  number: { font: body(), horizontal: 'right', indent: 1, wrap: false, border: true },
  total: { font: body(true), horizontal: 'center', indent: 0, wrap: true, border: true },
  totalNumber: { font: body(true), horizontal: 'right', indent: 1, wrap: false, border: true },
  status: { font: body(), horizontal: 'left', indent: 0, wrap: false, border: false },
  note: {
    font: { name: BODY_FONT, size: 10, bold: false, color: NOTE_COLOR },
    horizontal: 'left',
    indent: 0,
    wrap: false,
    border: false,
  },
};

/** Page footer: 第 1 页，共 2 页 (Excel's header/footer codes, which LibreOffice and WPS read too). */
export const FOOTER = '&C第 &P 页，共 &N 页';
/** Margins in inches: 1 cm left and right, so that a form fits the width at its printed size. */
export const MARGINS = { left: 0.4, right: 0.4, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 };

/** Excel column widths are in characters of the default font's digits (Calibri 11: 7 px = 5.25 pt). */
export const POINTS_PER_WIDTH = 5.25;

const WIDE = /[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f]/;

/** The width of a text in points at a font size: a Chinese character (or full-width sign) is 1 em, others about ½. */
export function textPoints(text: string, size: number): number {
  let width = 0;
  for (const char of text) width += WIDE.test(char) ? size : size * 0.55;
  return width;
}

/** The room for text in a column of `width` characters: the column less the cell's margins and indent. */
export function innerPoints(width: number, indent: number): number {
  return width * POINTS_PER_WIDTH - 4 - indent * POINTS_PER_WIDTH * 1.5;
}

/** The height in points of a row holding `lines` lines of text at a font size. */
export function rowPoints(lines: number, size: number): number {
  return Math.ceil(lines * size * 1.3 + 4);
}
