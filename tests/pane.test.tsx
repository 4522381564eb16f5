/**
 * The task pane rendered to HTML (react-dom/server): its words in both languages, the findings grouped by
 * table with severity filter and search, and cell text shown as text, never as HTML. (Clicking, highlighting
 * and the real browser come with the Chromium end-to-end test.)
 */
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { renderToString } from 'react-dom/server';
import { EXAMPLE_WORKBOOKS } from '../scripts/examples';
import { App, FindingGroups, groupByTable } from '../src/taskpane/App';
import type { PaneActions } from '../src/taskpane/actions';
import { localeOf } from '../src/taskpane/i18n';
import type { Report } from '../src/validation';
import { check, gridOf, roundTrip } from './helpers';

const noActions: PaneActions = {
  check: async () => Promise.reject(new Error('not called')),
  select: () => Promise.resolve(),
  highlight: () => Promise.resolve(),
  clear: () => Promise.resolve(),
  insertTemplate: async () => Promise.reject(new Error('not called')),
};

const html = (element: React.JSX.Element) =>
  renderToString(<FluentProvider theme={webLightTheme}>{element}</FluentProvider>);
const all = { query: '' };

let report: Report;
beforeAll(async () => {
  report = check(await roundTrip(EXAMPLE_WORKBOOKS.find((s) => s.file.startsWith('004'))!));
});

test('the pane speaks Office’s display language, Chinese unless English', () => {
  expect(localeOf('zh-CN')).toBe('zh-CN');
  expect(localeOf('zh-TW')).toBe('zh-CN');
  expect(localeOf('en-GB')).toBe('en-US');
  expect(localeOf(undefined)).toBe('zh-CN');
  const zh = html(<App actions={noActions} locale="zh-CN" />);
  for (const text of [
    '预算绩效表检查',
    '本工作表',
    '所选区域',
    '整个工作簿',
    '检查',
    '在表中标出',
    '清除标记',
    '点击“检查”',
  ])
    expect(zh).toContain(text);
  // The whole workbook is the default scope (a check of the first sheet alone can miss every table).
  expect(/<input[^>]*checked=""[^>]*value="workbook"|<input[^>]*value="workbook"[^>]*checked=""/.test(zh)).toBe(true);
  expect(/<input[^>]*checked=""[^>]*value="sheet"|<input[^>]*value="sheet"[^>]*checked=""/.test(zh)).toBe(false);
  const en = html(<App actions={noActions} locale="en-US" />);
  for (const text of ['Budget Check', 'This sheet', 'Selection', 'Whole workbook', 'Highlight in the sheet'])
    expect(en).toContain(text);
  expect(en).not.toContain('检查范围');
});

test('findings are grouped by table in the workbook’s order, filtered by severity and search', () => {
  const groups = groupByTable(report, all, '其他', 'zh-CN');
  expect(groups.map((g) => g.findings.length).reduce((a, b) => a + b, 0)).toBe(report.findings.length);
  // A title says the sheet once: 财政拨款收支总表, not 财政拨款收支总表 · 财政拨款收支总表; no two titles alike.
  const titles = groups.map((g) => g.title);
  expect(titles.some((t) => t.startsWith('财政拨款收支总表'))).toBe(true);
  for (const title of titles) {
    const parts = title.split(' · ');
    expect(new Set(parts).size).toBe(parts.length);
  }
  for (const severity of ['error', 'warning', 'info'] as const) {
    const same = groups.filter((g) => g.severity === severity).map((g) => g.title);
    expect(new Set(same).size).toBe(same.length);
  }
  // Every error before any warning, every warning before any info.
  const order = groups.flatMap((g) => g.findings.map((f) => ['error', 'warning', 'info'].indexOf(f.severity)));
  expect(order).toEqual([...order].sort((a, b) => a - b));
  expect(groups.every((g) => g.findings.every((f) => f.severity === g.severity))).toBe(true);
  const errorsOnly = groupByTable(report, { only: 'error', query: '' }, '其他', 'zh-CN').flatMap((g) => g.findings);
  expect(errorsOnly.length).toBe(report.summary.error);
  expect(errorsOnly.every((f) => f.severity === 'error')).toBe(true);
  const searched = groupByTable(report, { query: '665' }, '其他', 'zh-CN').flatMap((g) => g.findings);
  expect(searched.map((f) => f.cell)).toEqual(['F38']);
  // Findings that belong to no table (an Excel error value outside any table) still show, under "其他".
  const loose = check(gridOf([['说明'], [{ error: '#REF!' }]], { sheet: 'S' }));
  expect(groupByTable(loose, all, '其他', 'zh-CN').map((g) => g.title)).toEqual(['其他']);
});

test('cell text is rendered as text: a cell holding <img src=x onerror=alert(1)> is shown, not run', () => {
  const hostile = check(
    gridOf(
      [
        ['一级指标', '二级指标', '三级指标', '指标值', '权重'],
        ['产出指标', '数量指标', '<img src=x onerror=alert(1)>', '天', 100],
      ],
      { sheet: 'S' },
    ),
  );
  const out = html(
    <FindingGroups groups={groupByTable(hostile, all, '其他', 'zh-CN')} locale="zh-CN" onSelect={() => undefined} />,
  );
  expect(out).toContain('&lt;img src=x onerror=alert(1)&gt;');
  expect(out).not.toContain('<img');
});

test('every template is offered for insertion, described in the pane’s language', () => {
  const { TEMPLATES } = require('../src/templates/definitions') as typeof import('../src/templates/definitions');
  const zh = html(<App actions={noActions} locale="zh-CN" />);
  const en = html(<App actions={noActions} locale="en-US" />);
  expect(zh).toContain('插入模板');
  expect(en).toContain('Insert a template');
  for (const template of TEMPLATES) {
    expect(zh).toContain(`value="${template.id}"`);
    expect(zh).toContain(template.description['zh-CN'].replace(/"/g, '&quot;'));
    expect(en).toContain(template.description['en-US'].replace(/"/g, '&quot;').replace(/'/g, '&#x27;'));
  }
});

describe('settings: the engine’s config schema, with a message per wrong field', () => {
  const { settingsToConfig, DEFAULT_SETTINGS } =
    require('../src/taskpane/Settings') as typeof import('../src/taskpane/Settings');
  test('blank fields take the profile’s values; numbers (full-width too) become options', () => {
    expect(settingsToConfig(DEFAULT_SETTINGS, 'zh-CN')).toEqual({
      config: { profile: 'national-2021', options: {} },
      errors: {},
    });
    expect(settingsToConfig({ profile: 'legacy', tolerance: '０.０１', satisfactionFloor: ' 90 ' }, 'zh-CN')).toEqual({
      config: { profile: 'legacy', options: { tolerance: 0.01, satisfactionFloor: 90 } },
      errors: {},
    });
  });
  test('a wrong field blocks the check and says why, in the pane’s language', () => {
    expect(settingsToConfig({ ...DEFAULT_SETTINGS, tolerance: '-1' }, 'zh-CN')).toEqual({
      errors: { tolerance: '容差不能为负数' },
    });
    expect(settingsToConfig({ ...DEFAULT_SETTINGS, satisfactionFloor: '120' }, 'en-US')).toEqual({
      errors: { satisfactionFloor: 'The floor is between 0 and 100' },
    });
    expect(settingsToConfig({ ...DEFAULT_SETTINGS, tolerance: '一分' }, 'zh-CN')).toEqual({
      errors: { tolerance: '请输入数字' },
    });
  });
  test('the settings offer every profile and show the profile’s values as placeholders; a wrong field shows its message', () => {
    const { PROFILES } = require('../src/validation/config') as typeof import('../src/validation/config');
    const { Settings } = require('../src/taskpane/Settings') as typeof import('../src/taskpane/Settings');
    expect(html(<App actions={noActions} locale="zh-CN" />)).toContain('设置');
    const zh = html(<Settings value={DEFAULT_SETTINGS} onChange={() => undefined} locale="zh-CN" defaultOpen />);
    for (const profile of Object.values(PROFILES))
      expect(zh.includes(profile.description['zh-CN'].replace(/"/g, '&quot;'))).toBe(true);
    expect(zh.includes('placeholder="85"')).toBe(true);
    expect(zh.includes('满意度下限应在')).toBe(false);
    const wrong = html(
      <Settings
        value={{ ...DEFAULT_SETTINGS, satisfactionFloor: '120' }}
        onChange={() => undefined}
        locale="zh-CN"
        defaultOpen
      />,
    );
    expect(wrong.includes('满意度下限应在 0 到 100 之间')).toBe(true);
  });
});

test('in a table of several projects the findings are listed by project, each under the project whose rows hold it', async () => {
  // 四川平武: one flat table of ten projects.
  const flat = check(await roundTrip(EXAMPLE_WORKBOOKS.find((s) => s.file.startsWith('003'))!));
  const groups = groupByTable(flat, all, '其他', 'zh-CN');
  const split = groups.filter((g) => g.projects && g.projects.filter((p) => p.title).length >= 2);
  expect(split.length).toBeGreaterThan(0);
  for (const group of split) {
    const table = flat.tables.find((t) => t.id === group.tableId)!;
    expect(group.projects!.flatMap((p) => p.findings)).toHaveLength(group.findings.length);
    for (const project of group.projects!.filter((p) => p.title)) {
      const rows = table
        .projects!.find((p) => p.name === project.title)!
        .rows!.split(':')
        .map(Number);
      for (const finding of project.findings) {
        const row = Number(/\d+$/.exec(finding.cell)![0]);
        expect(row >= rows[0]! && row <= rows[1]!).toBe(true);
      }
    }
  }
  const first = split[0]!;
  const rendered = html(<FindingGroups groups={[first]} locale="zh-CN" onSelect={() => undefined} />);
  for (const project of first.projects!.filter((p) => p.title))
    expect(rendered.includes(`${project.title} · ${project.findings.length} 个问题`)).toBe(true);
});

describe('the list a clerk reads', () => {
  const { sortFindings, entriesOf, ruleNameOf, skippedSheets, SIMILAR_MIN } =
    require('../src/taskpane/findings') as typeof import('../src/taskpane/findings');
  const finding = (over: Partial<Report['findings'][number]>): Report['findings'][number] => ({
    ruleId: 'value/incomplete',
    severity: 'warning',
    sheet: 'S',
    cell: 'D2',
    message: '指标值“天”缺少数值',
    messageId: 'unit-only',
    data: {},
    related: [],
    tableId: 't1',
    ...over,
  });

  test('errors first, then warnings, then info; inside a severity by sheet order, row and column', () => {
    const shuffled: Report = {
      ...report,
      sheets: [
        { sheet: 'A', tables: 1 },
        { sheet: 'B', tables: 1 },
      ],
      findings: [
        finding({ severity: 'info', sheet: 'A', cell: 'A1' }),
        finding({ severity: 'warning', sheet: 'B', cell: 'A1' }),
        finding({ severity: 'warning', sheet: 'A', cell: 'C10' }),
        finding({ severity: 'warning', sheet: 'A', cell: 'B10' }),
        finding({ severity: 'error', sheet: 'B', cell: 'AB1048576' }),
        finding({ severity: 'warning', sheet: 'A', cell: 'Z9' }),
      ],
    };
    expect(sortFindings(shuffled).map((f) => `${f.severity} ${f.sheet}!${f.cell}`)).toEqual([
      'error B!AB1048576',
      'warning A!Z9',
      'warning A!B10',
      'warning A!C10',
      'warning B!A1',
      'info A!A1',
    ]);
  });

  test('identical findings of one rule in one table fold into one entry; different words, tables or few stay apart', () => {
    const same = Array.from({ length: SIMILAR_MIN + 1 }, (_, i) => finding({ cell: `D${i + 2}` }));
    const other = finding({ cell: 'D20', message: '指标值“个”缺少数值' });
    const elsewhere = finding({ cell: 'D30', tableId: 't2' });
    const entries = entriesOf([same[0]!, other, ...same.slice(1), elsewhere]);
    expect(entries.map((e) => (e.kind === 'one' ? e.finding.cell : `${e.findings.length} alike`))).toEqual([
      `${SIMILAR_MIN + 1} alike`,
      'D20',
      'D30',
    ]);
    expect(entriesOf(same.slice(0, SIMILAR_MIN - 1)).every((e) => e.kind === 'one')).toBe(true);
    // A grouping the report carries is followed, even for two.
    const grouped = [finding({ cell: 'D2', message: 'a' }), finding({ cell: 'D9', message: 'b' })].map((f) => ({
      ...f,
      group: { key: 'g1', count: 2 },
    }));
    expect(entriesOf(grouped).map((e) => e.kind)).toEqual(['similar']);
  });

  test('the rule’s short name: the finding’s own, else the rule’s, never an empty one', () => {
    expect(ruleNameOf(finding({ ruleName: '指标值不完整' }), 'zh-CN')).toBe('指标值不完整');
    const fromMeta = ruleNameOf(finding({ ruleName: undefined }), 'zh-CN');
    expect(fromMeta).not.toBe('value/incomplete');
    expect(fromMeta).toMatch(/\p{Script=Han}/u);
    expect(ruleNameOf(finding({ ruleId: 'value/unknown-rule' }), 'zh-CN')).toBe('value/unknown-rule');
  });

  test('sheets where nothing was checked are named', () => {
    expect(
      skippedSheets({
        ...report,
        sheets: [
          { sheet: '封面', tables: 0 },
          { sheet: '情况说明', tables: 0, statements: 3 },
          { sheet: '收支总表', tables: 2 },
        ],
      }),
    ).toEqual(['封面']);
  });

  test('each item says its severity, cell, rule name and message, in its text and its accessible name; the id only in the tooltip', () => {
    const out = html(
      <FindingGroups groups={groupByTable(report, all, '其他', 'zh-CN')} locale="zh-CN" onSelect={() => undefined} />,
    );
    const first = sortFindings(report)[0]!;
    expect(first.severity).toBe('error');
    const name = ruleNameOf(first, 'zh-CN');
    const escaped = (text: string) =>
      text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
    expect(out).toContain(`aria-label="错误 ${first.cell} ${escaped(name)}：${escaped(first.message)}"`);
    expect(out).toContain(`title="规则编号 ${first.ruleId}"`);
    // The id appears nowhere but in tooltips.
    expect(out.replace(/title="[^"]*"/g, '')).not.toContain(first.ruleId);
  });
});
