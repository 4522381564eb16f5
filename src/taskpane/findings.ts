/**
 * The findings list as the pane shows it: worst first, filtered to one severity or a search, grouped by table
 * (and by project in a table of several), identical findings of one rule in one table folded into one entry.
 * Pure functions of the report: the components only draw what these return.
 */
import {
  ALL_KINDS,
  SEVERITIES,
  parseCellAddress,
  type Finding,
  type Locale,
  type Report,
  type Severity,
} from '../validation';

export interface ListFilter {
  /** Only this severity ("只看错误"); all when undefined. */
  only?: Severity;
  query: string;
}

/** Identical findings shown as one entry ("同类 40 处"), or one finding. */
export type Entry = { kind: 'one'; finding: Finding } | { kind: 'similar'; key: string; findings: Finding[] };

export interface Group {
  key: string;
  /** Every finding of a group has this severity. */
  severity: Severity;
  /** The table the findings lie in; none for findings outside every table ("其他"). */
  tableId?: string;
  title: string;
  findings: Finding[];
  /** For a table of several projects: its findings by project (rows outside every project come first, untitled). */
  projects?: { title?: string; findings: Finding[] }[];
}

/** Findings the pane folds into one entry when it finds at least this many identical ones (the report may group fewer). */
export const SIMILAR_MIN = 3;

const ruleNames = new Map(ALL_KINDS.map((kind) => [kind.id, kind.meta.name]));

/** The rule's short name for people: the finding's own, else the rule's, else (an unknown id) the id itself. */
export function ruleNameOf(finding: Finding, locale: Locale): string {
  return finding.ruleName ?? ruleNames.get(finding.ruleId)?.[locale] ?? finding.ruleId;
}

/** Errors, then warnings, then info; inside a severity by the workbook's sheet order, row and column. */
export function sortFindings(report: Report): Finding[] {
  const sheetOrder = new Map(report.sheets.map((s, i) => [s.sheet, i]));
  const position = (f: Finding) => {
    const { row, col } = parseCellAddress(f.cell);
    return [SEVERITIES.indexOf(f.severity), sheetOrder.get(f.sheet) ?? sheetOrder.size, row, col];
  };
  const keyed = report.findings.map((finding, index) => ({ finding, key: position(finding), index }));
  keyed.sort((a, b) => {
    for (let i = 0; i < a.key.length; i++) if (a.key[i] !== b.key[i]) return a.key[i]! - b.key[i]!;
    return a.index - b.index;
  });
  return keyed.map((k) => k.finding);
}

/** Sheets on which nothing was checked: no table recognized and no statement of a text read. */
export function skippedSheets(report: Report): string[] {
  return report.sheets.filter((s) => s.tables === 0 && (s.statements ?? 0) === 0).map((s) => s.sheet);
}

/**
 * Findings by severity, then by table: every error before any warning, every warning before any info ("the worst
 * first"); inside a severity the tables in the report's order and their findings by sheet, row and column. Filtered
 * to one severity and by search text.
 */
export function groupByTable(report: Report | undefined, filter: ListFilter, other: string, locale: Locale): Group[] {
  if (!report) return [];
  const needle = filter.query.trim().toLowerCase();
  const visible = sortFindings(report).filter(
    (f) =>
      (filter.only === undefined || f.severity === filter.only) &&
      (needle === '' ||
        `${f.sheet}!${f.cell} ${f.ruleId} ${ruleNameOf(f, locale)} ${f.message}`.toLowerCase().includes(needle)),
  );
  const titles = tableTitles(report, locale);
  const tables = new Map(report.tables.map((table, index) => [table.id, { table, index }]));
  const groups = new Map<string, Group & { order: number }>();
  for (const finding of visible) {
    const known = finding.tableId ? tables.get(finding.tableId) : undefined;
    const key = `${finding.severity}:${known ? known.table.id : ''}`;
    let group = groups.get(key);
    if (!group) {
      group = {
        key,
        severity: finding.severity,
        ...(known ? { tableId: known.table.id } : {}),
        title: known ? titles.get(known.table.id)! : other,
        findings: [],
        order: SEVERITIES.indexOf(finding.severity) * (tables.size + 1) + (known ? known.index : tables.size),
      };
      groups.set(key, group);
    }
    group.findings.push(finding);
  }
  const ordered = [...groups.values()].sort((a, b) => a.order - b.order);
  for (const group of ordered) {
    const table = group.tableId ? tables.get(group.tableId)!.table : undefined;
    const projects = (table?.projects ?? []).filter((p) => p.rows !== undefined);
    if (projects.length > 1) group.projects = byProject(group.findings, projects);
  }
  return ordered.map(({ order: _order, ...group }) => group);
}

/**
 * Each table's title, said once: the table's own title when it holds the sheet's name, the sheet's name when the
 * title says no more, else both. Tables that would still read alike (a project per table, the two sides of a
 * 收支总表) are told apart by their project, their side, or at last their range.
 */
function tableTitles(report: Report, locale: Locale): Map<string, string> {
  const squash = (text: string) => text.replace(/\s+/g, '');
  const titles = new Map<string, string>();
  for (const table of report.tables) {
    const own = table.title ? squash(table.title) : '';
    const sheet = squash(table.sheet);
    const spaced = table.title?.replace(/\s+/g, ' ').trim() ?? '';
    titles.set(
      table.id,
      own === '' || sheet.includes(own) ? table.sheet : own.includes(sheet) ? spaced : `${table.sheet} · ${spaced}`,
    );
  }
  const repeated = () => {
    const counts = new Map<string, number>();
    for (const title of titles.values()) counts.set(title, (counts.get(title) ?? 0) + 1);
    return report.tables.filter((t) => counts.get(titles.get(t.id)!)! > 1);
  };
  const sides = {
    income: locale === 'zh-CN' ? '收入' : 'income',
    expense: locale === 'zh-CN' ? '支出' : 'expenditure',
  };
  for (const table of repeated()) {
    const project = table.projects?.length === 1 ? table.projects[0]!.name?.replace(/\s+/g, '') : undefined;
    const side = table.layout.endsWith(':income')
      ? sides.income
      : table.layout.endsWith(':expense')
        ? sides.expense
        : undefined;
    const extra = project ?? side;
    if (extra) titles.set(table.id, `${titles.get(table.id)!} · ${extra}`);
  }
  for (const table of repeated()) titles.set(table.id, `${titles.get(table.id)!} · ${table.range}`);
  return titles;
}

function byProject(
  findings: Finding[],
  projects: { name?: string; rows?: string }[],
): { title?: string; findings: Finding[] }[] {
  const spans = projects.map((p, i) => {
    const [first, last] = p.rows!.split(':').map(Number);
    return { title: p.name ?? `#${i + 1}`, first: first!, last: last!, findings: [] as Finding[] };
  });
  const outside: Finding[] = [];
  for (const finding of findings) {
    const row = parseCellAddress(finding.cell).row + 1;
    (spans.find((s) => row >= s.first && row <= s.last)?.findings ?? outside).push(finding);
  }
  return [{ findings: outside }, ...spans].filter((s) => s.findings.length > 0);
}

/** The report's own grouping of identical findings, when it carries one (`group.key`, shared by its members). */
function reportGroup(finding: Finding): string | undefined {
  return finding.group ? `report:${finding.group.key}` : undefined;
}

/**
 * A list of findings as entries: findings the report groups, or (without a grouping from the report) at least
 * SIMILAR_MIN findings of one rule in one table saying the same words, become one entry where the first stood.
 */
export function entriesOf(findings: readonly Finding[]): Entry[] {
  const keyOf = (f: Finding) => reportGroup(f) ?? `${f.severity}|${f.tableId ?? ''}|${f.ruleId}|${f.message}`;
  const members = new Map<string, Finding[]>();
  for (const finding of findings) {
    const key = keyOf(finding);
    const list = members.get(key);
    if (list) list.push(finding);
    else members.set(key, [finding]);
  }
  const entries: Entry[] = [];
  const placed = new Set<string>();
  for (const finding of findings) {
    const key = keyOf(finding);
    const same = members.get(key)!;
    const fold = same.length >= (key.startsWith('report:') ? 2 : SIMILAR_MIN);
    if (!fold) entries.push({ kind: 'one', finding });
    else if (!placed.has(key)) {
      placed.add(key);
      entries.push({ kind: 'similar', key, findings: same });
    }
  }
  return entries;
}
