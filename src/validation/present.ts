/**
 * How findings are presented: one finding per cause, the worst first. Pure: findings in, findings out.
 *
 * - A rounding residue that shows in several totals of one table (across a row, up a hierarchy) is one finding;
 *   the other totals become its related cells and are listed in `folded`.
 * - Findings that follow from values copied from the weight column (a 10 % satisfaction, a cost above the budget
 *   on the same rows) are folded into the copied-weight finding.
 * - Findings of one rule with one message in one table carry a `group` (key and count), so that a list can show
 *   "同类 40 处" once instead of 40 lines.
 */
import { parseRangeAddress, splitSheetRef } from './address';
import type { Locale } from './config';
import type { Finding, FoldedFinding } from './report';

/**
 * Rules that judge the value itself, so that a value copied from its weight (satisfaction 10 %, a cost of 10 万元)
 * trips them as a consequence of the copy. A "≥" on a cost (direction/cost-comparator) is not among them: the sign
 * is not copied from the weight, and is wrong whatever the value.
 */
const FOLLOWS_COPIED_WEIGHTS = new Set(['value/satisfaction-floor', 'direction/cost-over-budget']);

const ROUNDING_KINDS = new Set(['sum/rounding', 'text/rounding']);

const SEVERITY_RANK = { error: 0, warning: 1, info: 2 } as const;

export function presentFindings(findings: readonly Finding[], locale: Locale): Finding[] {
  const folded = new Set<Finding>();
  const out = findings.map((f) => ({ ...f }));
  foldRounding(out, folded, locale);
  foldCopiedWeights(out, folded);
  const shown = out.filter((f) => !folded.has(f));
  markGroups(shown);
  return shown;
}

/** Rounding findings of one table that share a row, or where one total is a part of another, are one cause. */
function foldRounding(findings: Finding[], folded: Set<Finding>, locale: Locale): void {
  const byTable = new Map<string, Finding[]>();
  for (const f of findings) {
    if (!ROUNDING_KINDS.has(f.ruleId)) continue;
    const key = `${f.sheet}\u0000${f.tableId ?? ''}\u0000${f.ruleId}`;
    const list = byTable.get(key) ?? [];
    list.push(f);
    byTable.set(key, list);
  }
  for (const list of byTable.values()) {
    if (list.length < 2) continue;
    const parent = list.map((_, i) => i);
    const root = (i: number): number => (parent[i] === i ? i : (parent[i] = root(parent[i]!)));
    for (let a = 0; a < list.length; a++) {
      for (let b = a + 1; b < list.length; b++) {
        if (sameCause(list[a]!, list[b]!)) parent[root(a)] = root(b);
      }
    }
    const components = new Map<number, Finding[]>();
    list.forEach((f, i) => {
      const members = components.get(root(i)) ?? [];
      members.push(f);
      components.set(root(i), members);
    });
    for (const members of components.values()) {
      if (members.length < 2) continue;
      members.sort(byPosition);
      const [primary, ...rest] = members as [Finding, ...Finding[]];
      fold(primary, rest, folded);
      const cells = rest.map((f) => f.cell).filter((cell) => cell !== primary.cell);
      if (cells.length > 0) primary.message += alsoAt(cells, locale);
    }
  }
}

function alsoAt(cells: string[], locale: Locale): string {
  const unique = [...new Set(cells)];
  const listed = unique.slice(0, 4).join(locale === 'zh-CN' ? '、' : ', ');
  const more = unique.length > 4;
  if (locale === 'zh-CN') return `（同一尾差还使 ${listed}${more ? ` 等 ${unique.length} 处` : ''} 不平）`;
  return ` (the same residue also shows at ${listed}${more ? ` and ${unique.length - 4} more` : ''})`;
}

function sameCause(a: Finding, b: Finding): boolean {
  if (rowOf(a.cell) === rowOf(b.cell)) return true;
  return covers(a, b.cell) || covers(b, a.cell);
}

/** Whether one of the finding's related ranges on its own sheet holds the cell. */
function covers(finding: Finding, cell: string): boolean {
  const { row, col } = position(cell);
  return relatedRanges(finding).some((r) => row >= r.top && row <= r.bottom && col >= r.left && col <= r.right);
}

function relatedRanges(finding: Finding) {
  const ranges = [];
  for (const address of finding.related) {
    const { sheet, ref } = splitSheetRef(address);
    if (sheet !== undefined && sheet !== finding.sheet) continue;
    try {
      ranges.push(parseRangeAddress(ref));
    } catch {
      // A whole-column or unusual reference: not a cell range this check needs.
    }
  }
  return ranges;
}

/** A satisfaction floor, a "≥" on a cost or a cost above the budget on a row whose values were copied from weights. */
function foldCopiedWeights(findings: Finding[], folded: Set<Finding>): void {
  for (const primary of findings) {
    if (primary.ruleId !== 'value/copied-weight' || folded.has(primary)) continue;
    const rows = new Set([rowOf(primary.cell)]);
    for (const r of relatedRanges(primary)) for (let row = r.top; row <= r.bottom; row++) rows.add(row);
    const followers = findings.filter(
      (f) =>
        FOLLOWS_COPIED_WEIGHTS.has(f.ruleId) &&
        !folded.has(f) &&
        f.sheet === primary.sheet &&
        (f.tableId === undefined || primary.tableId === undefined || f.tableId === primary.tableId) &&
        rows.has(rowOf(f.cell)),
    );
    if (followers.length > 0) fold(primary, followers, folded);
  }
}

function fold(primary: Finding, rest: readonly Finding[], folded: Set<Finding>): void {
  const related = new Set(primary.related);
  const list: FoldedFinding[] = [...(primary.folded ?? [])];
  for (const f of rest) {
    folded.add(f);
    if (f.cell !== primary.cell && !covers(primary, f.cell)) related.add(f.cell);
    for (const r of f.related) related.add(r);
    list.push({
      ruleId: f.ruleId,
      ruleName: f.ruleName,
      severity: f.severity,
      cell: f.cell,
      messageId: f.messageId,
      message: f.message,
    });
    if (SEVERITY_RANK[f.severity] < SEVERITY_RANK[primary.severity]) primary.severity = f.severity;
  }
  primary.related = [...related];
  primary.folded = list;
}

/** Findings of one rule and message in one table: each carries the group's key and size. */
function markGroups(findings: Finding[]): void {
  const counts = new Map<string, number>();
  const keyOf = (f: Finding) => `${f.ruleId}|${f.messageId}|${f.sheet}|${f.tableId ?? ''}`;
  for (const f of findings) counts.set(keyOf(f), (counts.get(keyOf(f)) ?? 0) + 1);
  for (const f of findings) {
    const count = counts.get(keyOf(f))!;
    if (count > 1) f.group = { key: keyOf(f), count };
  }
}

function byPosition(a: Finding, b: Finding): number {
  const pa = position(a.cell);
  const pb = position(b.cell);
  return pa.row - pb.row || pa.col - pb.col;
}

function rowOf(cell: string): number {
  return position(cell).row;
}

function position(cell: string): { row: number; col: number } {
  const range = parseRangeAddress(cell);
  return { row: range.top, col: range.left };
}
