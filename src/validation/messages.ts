import Decimal from 'decimal.js';
import type { Locale } from './config';

/** Severity names as users read them. */
/** Fill colours by severity (RGB hex): the pane's highlights, the standalone grid and the annotated copies. */
export const SEVERITY_FILLS: Record<'error' | 'warning' | 'info', string> = {
  error: 'FFC7CE',
  warning: 'FFEB9C',
  info: 'DDEBF7',
};

export const SEVERITY_LABELS: Record<Locale, Record<'error' | 'warning' | 'info', string>> = {
  'zh-CN': { error: '错误', warning: '警告', info: '提示' },
  'en-US': { error: 'error', warning: 'warning', info: 'info' },
};

export interface Localized {
  'zh-CN': string;
  'en-US': string;
}

export type MessageValue = string | number | Decimal | Localized;
export type MessageData = Record<string, MessageValue>;

export function isLocalized(value: unknown): value is Localized {
  return typeof value === 'object' && value !== null && 'zh-CN' in value && 'en-US' in value;
}

export function renderValue(value: MessageValue, locale: Locale): string | number {
  if (isLocalized(value)) return value[locale];
  if (Decimal.isDecimal(value)) return value.toString();
  return value;
}

/**
 * "权重合计为 {actual}" + { actual: 90 } → "权重合计为 90". An unknown placeholder stays visible. A quoted
 * placeholder whose value is a position, not a name ("第 28 行指标", "row 28"), loses its quotes; a number
 * placed right after or before a Chinese character gets a space ("但 2 个", not "但2 个").
 */
export function formatMessage(template: string, data: Record<string, string | number>): string {
  return template.replace(
    /(“?)\{(\w+)\}(”?)/g,
    (whole, open: string, name: string, close: string, offset: number, all: string) => {
      if (!(name in data)) return whole;
      const value = String(data[name]);
      if (open && close && POSITION_NOT_NAME.test(value)) return spaced(all, offset, whole.length, value);
      return `${open}${open ? value : spaced(all, offset, whole.length, value)}${close}`;
    },
  );
}

const POSITION_NOT_NAME = /^(第 \d+ 行|row \d+|the (indicator|project) (on|from) row \d+)/;
const CJK_LETTER = /[\u3400-\u9fff]/;

function spaced(all: string, offset: number, length: number, value: string): string {
  const before = all[offset - 1] ?? '';
  const after = all[offset + length] ?? '';
  const head = CJK_LETTER.test(before) && /^[\d+-]/.test(value) ? ' ' : '';
  const tail = CJK_LETTER.test(after) && /\d$/.test(value) ? ' ' : '';
  return `${head}${value}${tail}`;
}

/** Money as the tables print it: two decimals ("500.75", "299.30"). */
export function money(value: Decimal): string {
  return value.toFixed(Math.max(2, value.decimalPlaces()));
}

/** A weight or score: as few decimals as it has ("90", "12.5"). */
export function plain(value: Decimal): string {
  return value.toString();
}
