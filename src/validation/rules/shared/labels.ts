import type { Localized } from '../../messages';
import type { AmountRow, AmountTable } from '../../model';
import { displayName } from '../../normalize';

/** How a row is named in messages: "201 一般公共服务支出", "收入合计", or "第 7 行". */
export function rowName(row: AmountRow): Localized {
  const name = rowLabel(row);
  if (name !== '') return { 'zh-CN': name, 'en-US': name };
  return { 'zh-CN': `第 ${row.row + 1} 行`, 'en-US': `row ${row.row + 1}` };
}

/** The row's code and label, "201 一般公共服务支出" ("" when it has neither). */
export function rowLabel(row: AmountRow): string {
  return [row.code ?? '', row.label ? displayName(row.label.text) : ''].filter((s) => s !== '').join(' ');
}

export function columnHeader(table: AmountTable, col: number): string {
  return table.columns.find((c) => c.col === col)?.header.replace(/\s+/g, '') ?? '';
}
