import type { ColumnEvidence } from '../model';
import type { SheetView } from '../sheet';
import { IndicatorColumn, comparatorOf, directionOf, level1KindOf, level2KindOf, valueTypeOf } from '../vocabulary';
import { IndicatorHeader, pathText } from './headers';

/** What a column's body cells hold, counted over the table's body rows. */
interface ColumnProfile {
  filled: number;
  comparators: number;
  valueTypes: number;
  directions: number;
  /** 一级 names that are no 二级 name, and 二级 names that are no 一级 name (成本指标 is both). */
  level1Only: number;
  level2Only: number;
  numbers: number;
}

/** A share of a column's filled cells at or above which its content decides its role. */
const DECIDING_SHARE = 0.6;
/** The three roles forms swap under one header word (指标性质 holds 定量/定性 in one form, ≥/≤ or 正向/反向 in others). */
const NATURE_ROLES: readonly IndicatorColumn[] = ['comparator', 'valueType', 'direction'];

/**
 * The columns of an indicator table, settled against its body: the header names a role, the cells below
 * confirm it or overrule it. Header words that forms use for different things (指标性质: 定量/定性, ≥/≤ or
 * 正向/反向; 指标方向: "=" or 正向), a 一级 column that holds 二级 names, twin columns (二级指标(长期) |
 * 二级指标(年度)) and a comparator column with no name of its own are decided by their contents.
 */
export function settleIndicatorColumns(
  view: SheetView,
  header: IndicatorHeader,
  bodyRows: readonly number[],
): { columns: Partial<Record<IndicatorColumn, number>>; evidence: ColumnEvidence[] } {
  const profiles = new Map<number, ColumnProfile>();
  const profileOf = (col: number): ColumnProfile => {
    let profile = profiles.get(col);
    if (!profile) {
      profile = profileColumn(view, col, bodyRows);
      profiles.set(col, profile);
    }
    return profile;
  };
  const why = new Map<number, string>();
  const columns: Partial<Record<IndicatorColumn, number>> = {};
  const taken = new Set<number>();
  const assign = (role: IndicatorColumn, col: number, reason: string) => {
    columns[role] = col;
    taken.add(col);
    why.set(col, reason);
  };

  // 1. Each role named once: its column. Named twice or more: the column whose body holds more, then the one
  //    nearest the 三级 column (the 年度 half of 长期 | 年度 twins).
  const byRole = new Map<IndicatorColumn, number[]>();
  for (const candidate of header.candidates) {
    const list = byRole.get(candidate.role) ?? [];
    if (!list.includes(candidate.col)) list.push(candidate.col);
    byRole.set(candidate.role, list);
  }
  const order: IndicatorColumn[] = [
    'level3',
    'value',
    ...[...byRole.keys()].filter((r) => r !== 'level3' && r !== 'value'),
  ];
  for (const role of order) {
    const cols = (byRole.get(role) ?? []).filter((c) => !taken.has(c));
    if (cols.length === 0) continue;
    if (cols.length === 1) {
      assign(role, cols[0]!, 'header');
      continue;
    }
    const anchor = columns.level3 ?? columns.value;
    const best = [...cols].sort(
      (a, b) =>
        profileOf(b).filled - profileOf(a).filled ||
        (anchor === undefined ? a - b : Math.abs(a - anchor) - Math.abs(b - anchor)),
    )[0]!;
    assign(role, best, `header (of ${cols.length} columns so named, the one with the most content)`);
  }

  // 2. 指标性质 / 指标方向 / 符号: what the cells hold decides between comparator, 定量/定性 and 正向/反向.
  const nature = NATURE_ROLES.map((role) => ({ role, col: columns[role] })).filter(
    (n): n is { role: IndicatorColumn; col: number } => n.col !== undefined,
  );
  const settledNature: Partial<Record<IndicatorColumn, number>> = {};
  for (const { role, col } of nature) {
    const held = natureHeld(profileOf(col));
    const settled = held ?? role;
    if (settledNature[settled] !== undefined) continue;
    settledNature[settled] = col;
    if (held && held !== role) why.set(col, `content (${describeNature(held)}), though the header names ${role}`);
  }
  for (const role of NATURE_ROLES) columns[role] = settledNature[role];

  // 3. A column with no role whose cells are comparators (a "=" column under an unknown or empty header).
  if (columns.comparator === undefined) {
    for (let c = header.left; c <= header.right + 1; c++) {
      if (taken.has(c) || Object.values(columns).includes(c)) continue;
      const profile = profileOf(c);
      if (profile.filled >= 2 && profile.comparators / profile.filled >= DECIDING_SHARE) {
        columns.comparator = c;
        why.set(c, 'content (comparators)');
        break;
      }
    }
  }

  // 4. A 一级 column that holds 二级 names (数量指标, 质量指标 …) and a 二级 column that holds none: the form
  //    calls its 二级 and 三级 columns 一级 and 二级.
  const level1 = columns.level1;
  const level2 = columns.level2;
  if (level1 !== undefined && level2 !== undefined && columns.level3 === undefined) {
    const p1 = profileOf(level1);
    const p2 = profileOf(level2);
    if (p1.filled > 0 && p1.level2Only / p1.filled >= 0.5 && p1.level1Only === 0 && p2.level2Only === 0) {
      delete columns.level1;
      columns.level2 = level1;
      columns.level3 = level2;
      why.set(level1, 'content (二级 names under a 一级 header)');
      why.set(level2, 'content (三级 names under a 二级 header)');
    }
  }

  const evidence: ColumnEvidence[] = [];
  const roleOfCol = new Map<number, IndicatorColumn>();
  for (const [role, col] of Object.entries(columns) as [IndicatorColumn, number | undefined][]) {
    if (col !== undefined) roleOfCol.set(col, role);
  }
  for (const col of header.fundSources) roleOfCol.set(col, 'fundSource' as IndicatorColumn);
  for (const [col, path] of [...header.paths].sort((a, b) => a[0] - b[0])) {
    const role = roleOfCol.get(col);
    evidence.push({
      col,
      path,
      role,
      why: role ? (why.get(col) ?? 'header') : `no role for "${pathText(path)}"`,
    });
  }
  for (const [col, role] of roleOfCol) {
    if (!header.paths.has(col)) evidence.push({ col, path: [], role, why: why.get(col) ?? 'content' });
  }
  evidence.sort((a, b) => a.col - b.col);
  // A fresh object: the deletes above leave `columns` slow to read, and the builder reads it for every row.
  const settled: Partial<Record<IndicatorColumn, number>> = {};
  for (const [role, col] of Object.entries(columns) as [IndicatorColumn, number | undefined][]) {
    if (col !== undefined) settled[role] = col;
  }
  return { columns: settled, evidence };
}

/** Enough body rows to tell what a column holds; a table of 10⁵ rows says nothing more than its first thousand. */
const PROFILE_ROWS = 1000;

function profileColumn(view: SheetView, col: number, allRows: readonly number[]): ColumnProfile {
  const rows = allRows.length > PROFILE_ROWS ? allRows.slice(0, PROFILE_ROWS) : allRows;
  const profile: ColumnProfile = {
    filled: 0,
    comparators: 0,
    valueTypes: 0,
    directions: 0,
    level1Only: 0,
    level2Only: 0,
    numbers: 0,
  };
  for (const r of rows) {
    const text = view.text(r, col);
    if (text === '') continue;
    profile.filled++;
    if (view.number(r, col) !== null) {
      profile.numbers++;
      continue;
    }
    const comparator = comparatorOf(text);
    if (comparator !== undefined && comparator !== '定性' && !/正向|反向/.test(text)) profile.comparators++;
    if (valueTypeOf(text) !== undefined) profile.valueTypes++;
    if (directionOf(text) !== undefined) profile.directions++;
    const l1 = level1KindOf(text) !== undefined;
    const l2 = level2KindOf(text) !== undefined;
    if (l1 && !l2) profile.level1Only++;
    if (l2 && !l1) profile.level2Only++;
  }
  return profile;
}

function natureHeld(profile: ColumnProfile): IndicatorColumn | undefined {
  if (profile.filled === 0) return undefined;
  const shares: [IndicatorColumn, number][] = [
    ['comparator', profile.comparators],
    ['valueType', profile.valueTypes],
    ['direction', profile.directions],
  ];
  const [role, count] = shares.sort((a, b) => b[1] - a[1])[0]!;
  return count / profile.filled >= DECIDING_SHARE ? role : undefined;
}

function describeNature(role: IndicatorColumn): string {
  return role === 'comparator' ? '≥ ≤ =' : role === 'valueType' ? '定量/定性' : '正向/反向';
}
