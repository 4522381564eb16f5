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

/** "权重合计为 {actual}" + { actual: 90 } → "权重合计为 90". An unknown placeholder stays visible. */
export function formatMessage(template: string, data: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in data ? String(data[name]) : whole));
}

/** Money as the tables print it: two decimals ("500.75", "299.30"). */
export function money(value: Decimal): string {
  return value.toFixed(Math.max(2, value.decimalPlaces()));
}

/** A weight or score: as few decimals as it has ("90", "12.5"). */
export function plain(value: Decimal): string {
  return value.toString();
}
