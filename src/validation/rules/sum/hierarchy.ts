import type { AmountRow, AmountTable, NumberCell } from '../../model';
import { sumDecimals } from '../../decimal';
import { defineRule, ruleOptions, type RuleContext } from '../types';
import { MISMATCH_MESSAGE, BLANK_TOTAL_MESSAGE, addsUpExactly, compareSum } from '../shared/compare';
import { columnHeader, rowName } from '../shared/labels';

export const hierarchyRule = defineRule({
  id: 'sum/hierarchy',
  defaultSeverity: 'error',
  meta: {
    name: { 'zh-CN': '上级科目不等于下级之和', 'en-US': 'Parent line ≠ sum of its children' },
    description: {
      'zh-CN':
        '科目层级逐级相加：类 = Σ 款，款 = Σ 项，合计 = Σ 类（每个末级只加一次）；收支总表中合计 = Σ 一级项目，“一、本年收入”= Σ 其下各项。',
      'en-US':
        'Classification codes add up level by level: 类 = Σ 款, 款 = Σ 项, total = Σ 类 (each leaf counted once); in 收支总表, the total = Σ numbered items and each numbered item = Σ its sub-items.',
    },
    why: {
      'zh-CN': '纵向不平说明漏填、重复填列或把上级与下级一起相加。',
      'en-US':
        'A column that does not add down means a missing or duplicated line, or a parent added together with its children.',
    },
    messages: { mismatch: MISMATCH_MESSAGE, 'blank-total': BLANK_TOTAL_MESSAGE },
    examples: {
      fail: '201 一般公共服务支出 418.06，其下 20103 为 418.16',
      pass: '合计 500.75 = 201 418.06 + 208 49.81 + 210 12.43 + 221 20.45',
    },
    options: ruleOptions('tolerance', 'roundingUnit'),
  },
  check(context) {
    for (const table of context.model.tables) {
      if (table.kind !== 'amounts' || table.layout === 'flat') continue;
      const children = new Map<number, AmountRow[]>();
      table.rows.forEach((row) => {
        if (row.kind !== 'item' || row.parent === undefined) return;
        const list = children.get(row.parent) ?? [];
        list.push(row);
        children.set(row.parent, list);
      });
      table.rows.forEach((row, index) => {
        const kids = children.get(index);
        if (!kids || row.kind !== 'item') return;
        if (kids.some((kid) => kid.partOf)) {
          compareColumns(
            context,
            table,
            row,
            kids,
            { 'zh-CN': `“其中”各项之和`, 'en-US': 'the sum of its “of which” lines' },
            true,
          );
          return;
        }
        compareColumns(context, table, row, kids, {
          'zh-CN': `其下 ${kids.length} 个${levelWord(kids[0]!)}之和`,
          'en-US': `the sum of its ${kids.length} sub-lines`,
        });
      });
      for (const { total, parts } of totalClaims(table)) {
        if (parts.length === 0) continue;
        const label =
          total.kind === 'subtotal'
            ? { 'zh-CN': `以上 ${parts.length} 项之和`, 'en-US': `the sum of the ${parts.length} lines above` }
            : {
                'zh-CN': `${parts.length} 个${levelWord(parts[parts.length - 1]!)}之和`,
                'en-US': `the sum of its ${parts.length} top-level lines`,
              };
        compareColumns(context, table, total, parts, label);
      }
    }
  },
});

/**
 * What each 合计/总计/小计 row adds up. Top-level lines count once, between total rows:
 * 小计 = the lines since the previous 小计 or total; a total = the 小计s and the lines not inside a
 * 小计 since the previous total, plus that total when this one is a running 总计 after a 合计
 * (本年收入合计 + 上年结转 = 收入总计). A total above all its lines (部门收支总表) adds the lines below it.
 */
function totalClaims(table: AmountTable): { total: AmountRow; parts: AmountRow[] }[] {
  const isTop = (row: AmountRow) =>
    row.kind === 'item' && row.parent === undefined && (table.layout === 'labels' || row.code !== undefined);
  const claims: { total: AmountRow; parts: AmountRow[] }[] = [];
  let segment: AmountRow[] = [];
  let sinceSubtotal: AmountRow[] = [];
  let previousTotal: AmountRow | undefined;
  let pendingTop: AmountRow | undefined;
  const segmentParts = () => [...segment.filter((r) => r.kind === 'subtotal'), ...sinceSubtotal];
  for (const row of table.rows) {
    if (row.kind === 'subtotal') {
      claims.push({ total: row, parts: sinceSubtotal });
      segment.push(row);
      sinceSubtotal = [];
    } else if (row.kind === 'total') {
      if (pendingTop) {
        claims.push({ total: pendingTop, parts: segmentParts() });
        pendingTop = undefined;
        previousTotal = undefined;
      }
      if (segment.length === 0 && sinceSubtotal.length === 0) {
        pendingTop = row;
      } else {
        const running = previousTotal && isRunningTotal(previousTotal, row) ? [previousTotal] : [];
        claims.push({ total: row, parts: [...running, ...segmentParts()] });
        previousTotal = row;
      }
      segment = [];
      sinceSubtotal = [];
    } else if (isTop(row)) {
      segment.push(row);
      sinceSubtotal.push(row);
    }
  }
  if (pendingTop) claims.push({ total: pendingTop, parts: segmentParts() });
  return claims;
}

/** How the lines being added are called: 类/款/项 for classification codes, 项目 otherwise. */
function levelWord(row: AmountRow): string {
  if (row.code?.length === 3) return '类级科目';
  if (row.code?.length === 5) return '款级科目';
  if (row.code?.length === 7) return '项级科目';
  return row.kind === 'item' && row.parent === undefined ? '一级项目' : '下级项目';
}

/** 收入总计 after 本年收入合计 includes it; two 合计 rows are two separate blocks. */
function isRunningTotal(previous: AmountRow, current: AmountRow): boolean {
  const label = (row: AmountRow) => row.label?.text ?? '';
  return /总计/.test(label(current)) && !/总计/.test(label(previous));
}

function compareColumns(
  context: RuleContext,
  table: AmountTable,
  parent: AmountRow,
  kids: AmountRow[],
  partsLabel: { 'zh-CN': string; 'en-US': string },
  partial = false,
): void {
  const anyError = parent.errorColumns.size > 0 || kids.some((row) => row.errorColumns.size > 0);
  for (const column of table.columns) {
    if (
      !anyError &&
      addsUpExactly(
        parent.amounts.value(column.col),
        kids.map((kid) => kid.amounts.value(column.col)),
      )
    )
      continue;
    const parts: (NumberCell | null | undefined)[] = kids.map((kid) => kid.amounts.get(column.col));
    const total = parent.amounts.get(column.col);
    // "其中" lines are part of their parent, not all of it: only more than the parent is wrong.
    if (partial && sumDecimals(parts.filter((p): p is NumberCell => !!p).map((p) => p.value)).lte(total?.value ?? 0))
      continue;
    const header = columnHeader(table, column.col);
    compareSum(context, {
      totalAt: { sheet: table.sheet, row: parent.row, col: column.col },
      total,
      parts,
      subject: () => {
        const name = rowName(parent);
        return { 'zh-CN': `“${name['zh-CN']}”的${header}`, 'en-US': `${header} of “${name['en-US']}”` };
      },
      partsLabel,
      tableId: table.id,
      unverifiable: anyError && [parent, ...kids].some((row) => row.errorColumns.has(column.col)),
    });
  }
}
