import type { FormValue } from '../model';
import { MoneyUnit, parseAmountText, textKey } from '../normalize';
import type { SheetView } from '../sheet';
import { FormField, formFieldOf, moneyUnitInKey } from '../vocabulary';

const TEXT_FIELDS: ReadonlySet<FormField> = new Set(['name', 'unitLabel', 'supervisor', 'yearTarget', 'period']);
const INLINE_AMOUNT_TEST = /[:：]\s*[+-]?\d/;
const INLINE_AMOUNT = /([^\s:：,，;；]+?)\s*[:：]\s*([+-]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?)\s*(万元|万|元)?/g;

/**
 * Reads the label → value block above an indicator table (rows top..bottom): "项目名称 | X",
 * "年度本级预算金额 | 232.03", and values written inside one cell, "资金总额：582.03万元".
 */
export function readFormBlock(
  view: SheetView,
  top: number,
  bottom: number,
  skipRows: ReadonlySet<number> = new Set(),
): FormValue[] {
  const values: FormValue[] = [];
  for (let r = top; r <= bottom; r++) {
    if (skipRows.has(r)) continue;
    const cols = view.filledColumns(r);
    for (let i = 0; i < cols.length; i++) {
      const c = cols[i]!;
      const text = view.text(r, c);
      const raw = rawText(view, r, c);
      let foundInline = false;
      for (const match of text.matchAll(INLINE_AMOUNT)) {
        const field = formFieldOf(match[1]!);
        if (!field || TEXT_FIELDS.has(field)) continue;
        const amount = parseAmountText(match[2]! + (match[3] ?? ''));
        if (!amount) continue;
        values.push({
          field,
          label: match[1]!,
          amount: amount.value,
          unit: amount.unit,
          text: raw,
          sheet: view.name,
          row: r,
          col: c,
        });
        foundInline = true;
      }
      if (foundInline) continue;
      const labelled = /^([^:：]+)[:：]\s*(.*)$/.exec(text);
      if (labelled) {
        const field = formFieldOf(labelled[1]!);
        if (field && TEXT_FIELDS.has(field)) {
          let valueText = labelled[2]!
            .replace(/\(盖章\)/g, '')
            .replace(/单位[:：].*$/, '')
            .trim();
          let at = { row: r, col: c };
          if (valueText === '') {
            const next = nextValueCell(view, r, cols, i, bottom);
            if (next) {
              valueText = view.text(next.row, next.col);
              at = next;
            }
          }
          if (valueText !== '') values.push({ field, label: labelled[1]!, text: valueText, sheet: view.name, ...at });
          continue;
        }
      }
      const field = formFieldOf(text);
      if (!field) {
        // An amount under a label the checker does not know ("上年结余调剂 | 20"): kept, so that the
        // sum rules know the split is not complete.
        const next = cols[i + 1];
        if (
          next !== undefined &&
          isValueAfter(view, r, c, next) &&
          /[\u4e00-\u9fff]/.test(text) &&
          !/编码|代码|电话|编号|号码|邮编|日期|时间/.test(text) &&
          view.number(r, next) !== null
        ) {
          values.push({
            field: 'unknownAmount',
            label: text,
            amount: view.number(r, next)!,
            text: view.text(r, next),
            sheet: view.name,
            row: r,
            col: next,
          });
        }
        continue;
      }
      // "政府性基金拨款：" with nothing after the colon: a label whose value is blank.
      if (/[:：]$/.test(text)) continue;
      // The value is the cell right after the label (and after the label's merged range).
      const valueCol = cols[i + 1];
      if (valueCol === undefined || !isValueAfter(view, r, c, valueCol)) continue;
      if (formFieldOf(view.text(r, valueCol)) || INLINE_AMOUNT_TEST.test(view.text(r, valueCol))) continue;
      const valueText = view.text(r, valueCol);
      const unit: MoneyUnit | undefined = moneyUnitInKey(textKey(text));
      if (TEXT_FIELDS.has(field)) {
        values.push({ field, label: text, text: valueText, sheet: view.name, row: r, col: valueCol });
      } else {
        const amount = parseAmountText(valueText);
        values.push({
          field,
          label: text,
          amount: amount?.value,
          unit: amount?.unit ?? unit,
          text: rawText(view, r, valueCol),
          sheet: view.name,
          row: r,
          col: valueCol,
        });
      }
      i++;
    }
  }
  return values;
}

/**
 * Whether the next filled cell `next` is the value of the label at `col`: right after the label's merged range, or
 * after a blank spacer column or two (PDF conversions leave empty columns inside forms).
 */
function isValueAfter(view: SheetView, row: number, col: number, next: number): boolean {
  const first = view.mergeRight(row, col) + 1;
  return next >= first && next - first <= 2;
}

/** "编制单位：" with its value alone on the next row. */
function nextValueCell(view: SheetView, row: number, cols: number[], index: number, bottom: number) {
  const right = cols[index + 1];
  if (right !== undefined) return { row, col: right };
  if (row + 1 > bottom) return undefined;
  const below = view.filledColumns(row + 1);
  const text = below.length === 1 ? view.text(row + 1, below[0]!) : '';
  if (text !== '' && !formFieldOf(text) && !/^(金额)?单位[:：]/.test(text)) return { row: row + 1, col: below[0]! };
  return undefined;
}

function rawText(view: SheetView, row: number, col: number): string {
  const value = view.raw(row, col);
  return typeof value === 'string' ? value : view.text(row, col);
}

/** "单位：万元", "金额单位：元" in the rows top..bottom. */
export function findMoneyUnit(view: SheetView, top: number, bottom: number): MoneyUnit | undefined {
  for (let r = bottom; r >= Math.max(0, top); r--) {
    for (const c of view.filledColumns(r)) {
      // "单位：万元", "金额单位：元", "(单位：万元)", "单位 ：万元"; not "编制单位：元阳县…".
      const match = /(?:^|[^\u4e00-\u9fff]|金额)单\s*位\s*[:：]\s*(万元|元)(?![\u4e00-\u9fff])/.exec(view.text(r, c));
      if (match) return match[1] as MoneyUnit;
    }
  }
  return undefined;
}
