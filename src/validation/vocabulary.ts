/**
 * The words the recognizer knows: column-name synonyms, form labels, and the indicator framework.
 * All keys are in textKey form (normalized, no white space, half-width punctuation).
 */
import { textKey } from './normalize';

export type IndicatorColumn =
  | 'level1'
  | 'level2'
  | 'level3'
  | 'value'
  | 'unit'
  | 'weight'
  | 'comparator'
  | 'direction'
  | 'valueType'
  | 'standard'
  | 'core'
  | 'actual'
  | 'score'
  | 'deviation'
  | 'level1Score'
  | 'level2Score'
  | 'unitName'
  | 'projectName'
  | 'budget'
  | 'target';

const INDICATOR_HEADERS: Record<IndicatorColumn, readonly string[]> = {
  level1: ['一级指标', '一级', '一级指标名称'],
  level2: ['二级指标', '二级', '二级指标名称'],
  level3: [
    '三级指标',
    '三级',
    '三级指标名称',
    '指标名称',
    '指标',
    '绩效指标名称',
    '具体指标',
    '指标内容',
    '三级指标内容',
  ],
  value: [
    '指标值',
    '指标值及单位',
    '目标值',
    '数值',
    '指标数值',
    '目标数值',
    '值',
    '年度指标值',
    '指标目标值',
    '年度目标值',
    '绩效指标值',
    '预期目标值',
    '预期指标值',
    '指标值(包含数字及文字描述)',
    '全年指标值',
    '年度指标值及单位',
  ],
  unit: ['度量单位', '计量单位', '指标单位', '单位(计量)'],
  weight: ['权重', '指标权重', '分值', '权重(%)', '权重(分)', '指标分值', '分值权重', '权重分值', '分值(分)'],
  comparator: ['指标性质', '计算符号', '符号', '比较符号', '运算符号', '指标值符号', '比较符', '指标值性质'],
  direction: ['指标方向性', '指标方向', '方向性', '指标方向性(正向/反向)'],
  valueType: ['指标值类型', '指标类型', '定量/定性', '定性/定量', '指标值属性'],
  standard: ['绩效标准', '评分标准', '评(计)分标准', '指标解释', '评分规则', '计分方法'],
  core: ['是否核心指标', '核心指标'],
  actual: [
    '实际完成值',
    '完成值',
    '全年实际值',
    '实际值',
    '全年实际完成值',
    '年度实际完成值',
    '实际完成指标值',
    '实际达到值',
    '实际完成数',
  ],
  score: ['得分', '自评得分', '实际得分', '评分', '得分(分)'],
  deviation: [
    '偏差原因分析及改进措施',
    '偏差原因分析',
    '偏差原因',
    '偏差原因及改进措施',
    '偏差原因分析及整改措施',
    '未完成原因及拟采取的改进措施',
    '未完成原因分析',
    '未完成原因',
  ],
  level1Score: ['一级指标分值', '一级指标权重', '一级分值', '一级权重'],
  level2Score: ['二级指标分值', '二级指标权重', '二级分值', '二级权重'],
  unitName: ['单位名称', '预算单位', '部门名称', '单位'],
  projectName: ['项目名称', '项目支出名称', '专项资金名称', '项目'],
  budget: [
    '预算数',
    '预算金额',
    '项目金额',
    '资金总额',
    '年度预算',
    '年度资金总额',
    '预算数(万元)',
    '预算金额(万元)',
    '年度预算数',
    '项目预算',
    '项目预算数',
    '项目总预算',
    '项目资金',
    '项目资金总额',
  ],
  target: ['年度目标', '绩效目标', '年度绩效目标', '项目年度目标', '总体目标'],
};

const INDICATOR_LOOKUP = buildLookup(INDICATOR_HEADERS);

/** Every indicator column role, for a config's vocabulary schema. */
export const INDICATOR_COLUMNS = Object.keys(INDICATOR_HEADERS) as [IndicatorColumn, ...IndicatorColumn[]];

/**
 * Column names a profile or a config adds to the built-in ones: a province's own wording is data, not code
 * ({ "indicatorColumns": { "weight": ["考核分值"] }, "amountColumns": { "total": ["经费合计"] } }).
 */
export interface VocabularyExtension {
  indicatorColumns?: Partial<Record<IndicatorColumn, readonly string[]>>;
  amountColumns?: Partial<Record<AmountColumn, readonly string[]>>;
}

// The extension in force while one workbook is recognized (see withVocabulary); recognition is synchronous.
let extraIndicatorLookup: Map<string, IndicatorColumn> | undefined;
let extraAmountLookup: Map<string, AmountColumn> | undefined;

/** Runs `recognize` with the extension's names known besides the built-in ones (they win where both name a column). */
export function withVocabulary<T>(extension: VocabularyExtension | undefined, recognize: () => T): T {
  if (!extension) return recognize();
  const saved = [extraIndicatorLookup, extraAmountLookup] as const;
  extraIndicatorLookup = buildLookup(extension.indicatorColumns ?? {});
  extraAmountLookup = buildLookup(extension.amountColumns ?? {});
  try {
    return recognize();
  } finally {
    [extraIndicatorLookup, extraAmountLookup] = saved;
  }
}

/** The indicator-table column a header cell names, or undefined. "单位" and "项目" alone are ambiguous: resolved by the caller. */
export function indicatorColumnOf(rawKey: string): IndicatorColumn | undefined {
  const key = headerKey(rawKey);
  const direct =
    extraIndicatorLookup?.get(key) ?? INDICATOR_LOOKUP.get(key) ?? INDICATOR_LOOKUP.get(stripParenthetical(key));
  if (direct) return direct;
  if (/^指标值/.test(key)) return 'value';
  if (/^(偏差|未完成|未达标)原因/.test(key)) return 'deviation';
  // 当年预期实现值, 2024年度指标值, 计划目标值: a target value; not 实际值/完成值 (self-evaluation) or 分值 (weight).
  if (/(指标|目标|预期|实现|计划|年度)值$/.test(key) && !/(实际|完成|分)值$/.test(key)) return 'value';
  if (/^(指标)?权重/.test(key) || /^分值/.test(key) || /^三级指标(权重|分值)/.test(key)) return 'weight';
  return undefined;
}

export type AmountColumn =
  | 'total'
  | 'basic'
  | 'project'
  | 'personnel'
  | 'publicCost'
  | 'source'
  | 'abroad'
  | 'vehicle'
  | 'vehiclePurchase'
  | 'vehicleRunning'
  | 'reception'
  | 'otherExpense'
  | 'amount';

const AMOUNT_HEADERS: Record<AmountColumn, readonly string[]> = {
  total: ['合计', '总计', '小计', '合计数'],
  basic: ['基本支出'],
  project: ['项目支出'],
  personnel: ['人员经费', '人员支出'],
  publicCost: ['公用经费', '日常公用经费', '公用支出'],
  source: [
    '一般公共预算',
    '一般公共预算拨款',
    '一般公共预算资金',
    '一般公共预算财政拨款',
    '政府性基金预算',
    '政府性基金预算拨款',
    '政府性基金',
    '国有资本经营预算',
    '国有资本经营预算拨款',
    '财政专户管理资金',
    '财政专户',
    '事业收入',
    '事业单位经营收入',
    '上级补助收入',
    '附属单位上缴收入',
    '其他收入',
    '上年结转',
    '用事业基金弥补收支差额',
  ],
  abroad: ['因公出国(境)费', '因公出国(境)费用', '因公出国(境)经费'],
  vehicle: ['公务用车购置及运行费', '公务用车购置及运行维护费', '公务用车购置及运行维护经费'],
  vehiclePurchase: ['公务用车购置费', '公务用车购置', '购置费', '车辆购置费'],
  vehicleRunning: [
    '公务用车运行费',
    '公务用车运行维护费',
    '公务用车运行维护',
    '运行费',
    '运行维护费',
    '车辆运行维护费',
  ],
  reception: ['公务接待费', '公务接待'],
  otherExpense: ['上缴上级支出', '事业单位经营支出', '经营支出', '对附属单位补助支出', '对下级单位补助支出'],
  amount: [
    '预算数',
    '金额',
    '预算金额',
    '本年预算',
    '本年预算数',
    '年初预算数',
    '预算数(万元)',
    '金额(万元)',
    '全年预算数',
    '全年执行数',
    '全年实际执行数',
    '当年金额',
    '实际执行数',
    '执行数',
    '决算数',
    '调整预算数',
    '上年预算数',
    '上年决算数',
  ],
};

const AMOUNT_LOOKUP = buildLookup(AMOUNT_HEADERS);

/** Every amount column role, for a config's vocabulary schema. */
export const AMOUNT_COLUMNS = Object.keys(AMOUNT_HEADERS) as [AmountColumn, ...AmountColumn[]];

export function amountColumnOf(rawKey: string): AmountColumn | undefined {
  const key = headerKey(rawKey);
  const direct = extraAmountLookup?.get(key) ?? AMOUNT_LOOKUP.get(key) ?? AMOUNT_LOOKUP.get(stripParenthetical(key));
  if (direct) return direct;
  if (/^\d{4}年(度)?(实际)?(预算数|预算|基本支出|项目支出|执行数|决算数|支出数|金额|预算金额)$/.test(key))
    return 'amount';
  const bare = stripParenthetical(key);
  for (const [pattern, role] of AMOUNT_PATTERNS) if (pattern.test(bare)) return role;
  return undefined;
}

/**
 * Header names that qualify a known column name ("一般公共预算支出合计", "一般公共预算基本支出", "财政拨款收入"):
 * read by their last word when no name matches exactly.
 */
const AMOUNT_PATTERNS: readonly [RegExp, AmountColumn][] = [
  [/^[^增减]{0,16}(合计|总计)(数)?$/, 'total'],
  [/^[^增减]{0,16}基本支出(合计|小计)?$/, 'basic'],
  [/^[^增减]{0,16}项目支出(合计|小计)?$/, 'project'],
  [/^[^增减]{0,12}(人员经费|人员支出)$/, 'personnel'],
  [/^[^增减]{0,12}(公用经费|公用支出)$/, 'publicCost'],
  [/^[^增减合计总]{0,16}(拨款)?收入$/, 'source'],
];

/** The lines of a 预算执行 block of a 绩效自评表 (年初预算数 | 全年预算数 | 全年执行数), by header. */
export type ExecutionColumn = 'initialBudget' | 'budget' | 'executed';

const EXECUTION_COLUMNS: readonly [ExecutionColumn, RegExp][] = [
  ['initialBudget', /^年初(预算|预算数|预算金额)$/],
  ['budget', /^(全年|调整后?|年度)(预算|预算数|预算金额)$/],
  ['executed', /^(全年)?(实际)?(执行数|执行金额|支出数)$|^实际支出(数)?$/],
];

export function executionColumnOf(rawKey: string): ExecutionColumn | undefined {
  const key = stripParenthetical(headerKey(rawKey));
  for (const [role, pattern] of EXECUTION_COLUMNS) if (pattern.test(key)) return role;
  return undefined;
}

/** 10号 grades of a 定性 result: 达成 (80–100 % of the points), 部分达成 (60–80 %), 未达成 (0–60 %). */
export type Grade = 'met' | 'partly' | 'unmet';

export function gradeOf(text: string): Grade | undefined {
  const key = textKey(text);
  if (/^(未达成|未完成|未达到|未实现)(预期)?(指标|目标)?(值)?$/.test(key)) return 'unmet';
  if (/^(部分达成|基本达成|部分完成|基本完成|部分实现|基本实现|部分达到|基本达到)(预期)?(指标|目标)?(值)?$/.test(key))
    return 'partly';
  if (/^(达成|完成|达到|实现|已完成|已达成|全部完成|全部达成)(预期)?(指标|目标)?(值)?$/.test(key)) return 'met';
  return undefined;
}

/** The tables of a 部门预算公开 set (财预〔2016〕143号 and later templates), by what their titles say. */
export const DISCLOSURE_KINDS = [
  'incomeExpense',
  'income',
  'expense',
  'fiscalIncomeExpense',
  'generalExpense',
  'generalBasic',
  'sanGong',
  'governmentFund',
  'stateCapital',
] as const;
export type DisclosureTable = (typeof DISCLOSURE_KINDS)[number];

/** In the order of the 公开 templates; the first pattern a title matches decides. */
export const DISCLOSURE_TABLES: readonly { kind: DisclosureTable; name: string; pattern: RegExp }[] = [
  { kind: 'fiscalIncomeExpense', name: '财政拨款收支总表', pattern: /财政拨款收支(预算)?总表/ },
  { kind: 'incomeExpense', name: '收支总表', pattern: /收支(预算)?总表/ },
  { kind: 'income', name: '收入总表', pattern: /收入(预算)?总表/ },
  { kind: 'expense', name: '支出总表', pattern: /支出(预算)?总表/ },
  { kind: 'sanGong', name: '一般公共预算“三公”经费支出表', pattern: /三公/ },
  {
    kind: 'generalBasic',
    name: '一般公共预算基本支出表',
    pattern: /一般公共预算(财政拨款)?基本支出.{0,12}表/,
  },
  { kind: 'generalExpense', name: '一般公共预算支出表', pattern: /一般公共预算(财政拨款)?支出.{0,12}表/ },
  {
    kind: 'governmentFund',
    name: '政府性基金预算支出表',
    pattern: /政府性基金(预算)?(财政拨款)?(支出)?(功能分类)?(预算)?表/,
  },
  {
    kind: 'stateCapital',
    name: '国有资本经营预算支出表',
    pattern: /国有资本经营(预算)?(财政拨款)?(支出)?(功能分类)?(预算)?表/,
  },
];

export function disclosureTableOf(title: string): DisclosureTable | undefined {
  const key = textKey(title).replace(/[“”"‘’']/g, '');
  return DISCLOSURE_TABLES.find((t) => t.pattern.test(key))?.kind;
}

/**
 * A figure one table of a 公开 set states: the table (by kind), the column (the first of these roles it has, or
 * the one whose header matches) and the row (the table's total row unless a label or an 经济分类 code is given).
 */
export interface DisclosureFigure {
  table: DisclosureTable;
  column: readonly AmountColumn[] | RegExp;
  /** A row labelled like this, else the total row; or the row of this 经济分类 code (no row, no figure). */
  row?: { label: RegExp } | { code: string };
  name: { 'zh-CN': string; 'en-US': string };
}

/**
 * Figures two tables of a 公开 set both state. `equal`: the same amount; `covers`: the claim is the whole of
 * which the counterpart is a part (the 三公 table's 公务接待费 covers 基本支出's 30217, and 项目支出 may add to it).
 */
export interface DisclosureTie {
  id: string;
  claim: DisclosureFigure;
  counterpart: DisclosureFigure;
  relation: 'equal' | 'covers';
}

const GENERAL_BASIC_WHOLE: readonly AmountColumn[] = ['total', 'basic'];

/** The 三公 parts and the 部门预算支出经济分类 款 that hold them (财政部 支出经济分类科目). */
const SAN_GONG_ECONOMIC: readonly { role: AmountColumn; code: string; zh: string; en: string }[] = [
  { role: 'abroad', code: '30212', zh: '因公出国（境）费', en: 'travel abroad' },
  { role: 'reception', code: '30217', zh: '公务接待费', en: 'official reception' },
  { role: 'vehicleRunning', code: '30231', zh: '公务用车运行维护费', en: 'official vehicle running' },
  { role: 'vehiclePurchase', code: '31013', zh: '公务用车购置', en: 'official vehicle purchase' },
];

/** A 三公 part against its 经济分类 款 in a table of `table`'s kind. */
function sanGongTie(
  part: (typeof SAN_GONG_ECONOMIC)[number],
  table: DisclosureTable,
  column: readonly AmountColumn[],
  tableName: string,
  relation: DisclosureTie['relation'],
): DisclosureTie {
  return {
    id: `san-gong-${part.code}-${table}`,
    claim: {
      table: 'sanGong',
      column: [part.role],
      name: { 'zh-CN': `“三公”经费表的${part.zh}`, 'en-US': `the ${part.en} of the 三公 table` },
    },
    counterpart: {
      table,
      column,
      row: { code: part.code },
      name: {
        'zh-CN': `${tableName}中 ${part.code} ${part.zh}`,
        'en-US': `${part.code} (${part.en}) in the ${tableName}`,
      },
    },
    relation,
  };
}

export const DISCLOSURE_TIES: readonly DisclosureTie[] = [
  {
    id: 'general-expense',
    claim: {
      table: 'generalExpense',
      column: ['total'],
      name: { 'zh-CN': '一般公共预算支出表的合计', 'en-US': 'the total of the 一般公共预算 expenditure table' },
    },
    counterpart: {
      table: 'fiscalIncomeExpense',
      column: /^一般公共预算/,
      row: { label: /本年支出/ },
      name: {
        'zh-CN': '财政拨款收支总表中一般公共预算的支出',
        'en-US': 'the 一般公共预算 expenditure in the 财政拨款收支总表',
      },
    },
    relation: 'equal',
  },
  {
    id: 'general-basic',
    claim: {
      table: 'generalBasic',
      column: GENERAL_BASIC_WHOLE,
      name: { 'zh-CN': '一般公共预算基本支出表的合计', 'en-US': 'the total of the 基本支出 table' },
    },
    counterpart: {
      table: 'generalExpense',
      column: ['basic'],
      name: { 'zh-CN': '一般公共预算支出表的基本支出', 'en-US': 'the 基本支出 of the 一般公共预算 expenditure table' },
    },
    relation: 'equal',
  },
  // 机关运行经费 is the 公用经费 of the 行政 units (and 参公 事业单位): all of it, or part of a department's.
  {
    id: 'running-cost',
    claim: {
      table: 'generalBasic',
      column: ['publicCost'],
      name: { 'zh-CN': '基本支出表的公用经费', 'en-US': 'the 公用经费 of the 基本支出 table' },
    },
    counterpart: {
      table: 'sanGong',
      column: /^机关运行经费/,
      name: { 'zh-CN': '“三公”经费表中的机关运行经费', 'en-US': 'the 机关运行经费 in the 三公 table' },
    },
    relation: 'covers',
  },
  // Only the 基本支出 part of a 三公 figure is in the 基本支出表; a 一般公共预算支出 table by 经济分类 holds it all.
  ...SAN_GONG_ECONOMIC.map((part) => sanGongTie(part, 'generalBasic', GENERAL_BASIC_WHOLE, '基本支出表', 'covers')),
  ...SAN_GONG_ECONOMIC.map((part) => sanGongTie(part, 'generalExpense', ['total'], '一般公共预算支出表', 'equal')),
];

/** A note that says its table is empty: "本表为空表", "本部门无政府性基金预算收支", "此表无数据". */
export const EMPTY_TABLE_NOTE = /空表|无数据|本表无|此表无|无(相关|此项)?.{0,16}(收支|收入|支出|安排|拨款|预算)/;

/** Code columns of budget tables: one column, or 类 | 款 | 项. */
export function codeColumnOf(rawKey: string): 'code' | 'class' | 'section' | 'item' | undefined {
  const key = headerKey(rawKey);
  if (/^(功能分类|经济分类|支出功能分类|支出经济分类|部门经济分类|政府经济分类)?(科目)?(编码|代码)$/.test(key))
    return 'code';
  if (key === '类') return 'class';
  if (key === '款') return 'section';
  if (key === '项') return 'item';
  return undefined;
}

/** Label (name) columns of amount tables. */
export function labelColumnOf(rawKey: string): boolean {
  const key = headerKey(rawKey);
  return /^(科目名称|功能分类科目名称|经济分类科目名称|功能分类科目|经济分类科目|支出功能分类科目|部门经济分类科目|政府经济分类科目|科目|项目|收入项目|支出项目|支出项目名称|项目名称|项目\(按功能分类\)|项目\(按经济分类\)|收入|支出)$/.test(
    key,
  );
}

/**
 * A header cell's name without the marks forms add to it: "*指标值" (required), "★三级指标", "指标值(必填)".
 */
export function headerKey(key: string): string {
  if (!HEADER_MARKS.test(key)) return key;
  return key
    .replace(/^[*★☆△▲※#]+/, '')
    .replace(/[*]+$/, '')
    .replace(/\((?:必填|选填|可选|[A-Z](?:[/÷*+-][A-Z])?|长期|中期|年度|当年|本年)\)$/, '');
}

const HEADER_MARKS = /^[*★☆△▲※#]|[*]$|\((?:必填|选填|可选|[A-Z](?:[/÷*+-][A-Z])?|长期|中期|年度|当年|本年)\)$/;

/**
 * Columns of amount tables that are known but never added up: rates, shares, scores, notes. Numbers under
 * them are understood, not "unrecognized".
 */
export type InfoColumnKind = 'rate' | 'share' | 'points' | 'score' | 'change' | 'note' | 'separate';

const INFO_COLUMNS: readonly [InfoColumnKind, RegExp][] = [
  ['rate', /^(预算)?执行率$|^完成率$/],
  ['share', /^(占比|比例|比重|所占比例|占总额比例|构成比)$/],
  ['points', /^(分值|权重|标准分|分数)$/],
  ['score', /^(得分|自评得分|评分)$/],
  [
    'change',
    /^(增减幅度|增减率|增长率|增幅|变动率|增减%|增减比例|增、减幅度|增减金额|增、减金额|增减额|增减数|增减变动)$/,
  ],
  ['note', /^(备注|说明|测算依据|测算\(公式\)依据|测算过程|资金用途|用途|依据)$/],
  // An amount of its own beside the table's parts (三公 表's 机关运行经费), never one of them.
  ['separate', /^机关运行经费(预算数|支出|决算数)?$/],
];

export function infoColumnOf(rawKey: string): InfoColumnKind | undefined {
  const key = stripParenthetical(headerKey(rawKey));
  for (const [kind, pattern] of INFO_COLUMNS) if (pattern.test(key)) return kind;
  return undefined;
}

/** Columns of an indicator table's project block that split its budget by source (资金来源 › 本级财政资金). */
const FUND_SOURCE_NAMES =
  /^(本级财政资金|本级资金|本级财政|上级补助资金|上级补助|上级资金|上级转移支付|其他资金|其他|财政拨款|财政资金|一般公共预算|一般公共预算资金|政府性基金|政府性基金预算|财政专户|自有资金|自筹资金|单位自筹|中央资金|省级资金|市级资金|县级资金|中央财政资金|省级财政资金|市级财政资金|县级财政资金)$/;

export function isFundSourceName(rawKey: string): boolean {
  return FUND_SOURCE_NAMES.test(stripParenthetical(headerKey(rawKey)));
}

/**
 * Names of header groups: cells merged over several columns that name them together (资金来源 over 本级 |
 * 上级 | 其他; 比上年增减情况 over 增减金额 | 增减幅度).
 */
const GROUP_HEADER_NAMES: readonly RegExp[] = [
  /^(资金来源|资金构成|收入|支出|收入项目|支出项目|本年收入|本年支出|财政拨款|财政拨款收入|财政拨款支出)$/,
  /^(其中|科目|预算科目|项目|指标值|绩效指标|指标|目标值|权重|分值)$/,
  /比上年增减|比上年增、减|增减情况|增减变动/,
  /^[“"]?三公[”"]?经费/,
  /(预算数|决算数|执行数|金额|经费)$/,
  /^(本年|年度|部门)?(收入|支出)(预算|决算)(数)?$/,
  /^(长期|年度|中期)(指标|目标)?$/,
  /^\d{4}年(度)?(预算|决算)?数?$/,
];

export function isGroupHeaderName(rawKey: string): boolean {
  const key = headerKey(rawKey);
  return GROUP_HEADER_NAMES.some((pattern) => pattern.test(key));
}

/** 序号 / 行次 columns: row numbers, never amounts. */
export function serialColumnOf(rawKey: string): boolean {
  return /^(序号|行次|编号|序列|顺序号|No\.?)$/i.test(headerKey(rawKey));
}

export function stripParenthetical(key: string): string {
  return key.replace(/\((?:万元|元|%|分|单位:?万元|单位:?元)\)$/, '').replace(/[:：]$/, '');
}

/** Money unit named in a header key, "(万元)" or "(元)". */
export function moneyUnitInKey(key: string): '万元' | '元' | undefined {
  if (/\(万元\)|单位:?万元|万元\)?$/.test(key)) return '万元';
  if (/\(元\)|单位:?元$/.test(key)) return '元';
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// The indicator framework (domain.md §3).

export type Level1Kind = 'output' | 'cost' | 'benefit' | 'satisfaction';

const LEVEL1_NAMES: Record<Level1Kind, readonly string[]> = {
  output: ['产出指标', '产出'],
  cost: ['成本指标', '成本'],
  benefit: ['效益指标', '效益'],
  satisfaction: [
    '满意度指标',
    '满意度',
    '服务对象满意度指标',
    '服务对象满意度',
    '社会公众或服务对象满意度指标',
    '社会公众或服务对象满意度',
    '社会公众或服务对象满意度指标(满意度指标)',
  ],
};
const LEVEL1_LOOKUP = buildLookup(LEVEL1_NAMES);

/** "产出指标", "产出指标(50分)", "成本指标(0-20)分" → kind; anything else → undefined. */
export function level1KindOf(text: string): Level1Kind | undefined {
  return memo(level1Memo, text, level1KindUncached);
}

const level1Memo = new Map<string, Level1Kind | undefined>();
const level2Memo = new Map<string, Level2Kind | undefined>();
const MEMO_LIMIT = 10_000;

const level1KindUncached = (text: string) => LEVEL1_LOOKUP.get(stripScore(textKey(text)));
const level2KindUncached = (text: string) => LEVEL2_LOOKUP.get(stripScore(textKey(text)));

/** The same few 一级/二级 names repeat on every row: each is worked out once. */
function memo<T>(cache: Map<string, T>, key: string, compute: (key: string) => T): T {
  const cached = cache.get(key);
  if (cached !== undefined || cache.has(key)) return cached as T;
  const value = compute(key);
  if (cache.size >= MEMO_LIMIT) cache.clear();
  cache.set(key, value);
  return value;
}

export type Level2Kind =
  | 'quantity'
  | 'quality'
  | 'timeliness'
  | 'cost'
  | 'economicCost'
  | 'socialCost'
  | 'ecoCost'
  | 'economicBenefit'
  | 'socialBenefit'
  | 'ecoBenefit'
  | 'sustainability'
  | 'satisfaction';

const LEVEL2_NAMES: Record<Level2Kind, readonly string[]> = {
  quantity: ['数量指标', '数量'],
  quality: ['质量指标', '质量'],
  timeliness: ['时效指标', '时效'],
  cost: ['成本指标', '成本'],
  economicCost: ['经济成本指标', '经济成本'],
  socialCost: ['社会成本指标', '社会成本'],
  ecoCost: ['生态环境成本指标', '生态环境成本', '生态成本指标'],
  economicBenefit: ['经济效益指标', '经济效益'],
  socialBenefit: ['社会效益指标', '社会效益'],
  ecoBenefit: ['生态效益指标', '生态效益'],
  sustainability: ['可持续影响指标', '可持续影响', '可持续发展指标'],
  satisfaction: [
    '服务对象满意度指标',
    '服务对象满意度',
    '满意度指标',
    '社会公众或服务对象满意度指标',
    '社会公众或服务对象满意度',
  ],
};
const LEVEL2_LOOKUP = buildLookup(LEVEL2_NAMES);

export function level2KindOf(text: string): Level2Kind | undefined {
  return memo(level2Memo, text, level2KindUncached);
}

/** The score a 一级/二级 name declares: "产出指标(50分)" → 50; "成本指标(0-20)分" → undefined (a range). */
export function declaredScore(text: string): number | undefined {
  return memo(declaredScoreMemo, text, parseDeclaredScore);
}

const declaredScoreMemo = new Map<string, number | undefined>();

function parseDeclaredScore(text: string): number | undefined {
  const key = textKey(text);
  const match = DECLARED_SCORE.exec(key) ?? /(\d+(?:\.\d+)?)分$/.exec(key);
  if (!match) return undefined;
  return Number(match[1]);
}

/** "(50分)", "(权重50)", "(分值:50分)", "(权重50%)": a score a 一级/二级 name declares (a range 40-50 is none). */
const DECLARED_SCORE = /\((?:权重|分值|权重分值|满分)?:?(\d+(?:\.\d+)?)(?:分|%)?\)分?$/;
/** Any score written after a name, a range included: "(40-50)分", "(0-20)分", "(权重40-50分)". */
const ANY_SCORE = /\((?:权重|分值|权重分值|满分)?:?\d+(?:\.\d+)?(?:-\d+(?:\.\d+)?)?(?:分|%)?\)分?$/;

function stripScore(key: string): string {
  return key
    .replace(/^([一二三四五六七八九十]+[、.．]|\d+[、.．]|[(（][一二三四五六七八九十\d]+[)）])/, '')
    .replace(ANY_SCORE, '')
    .replace(/\d+(?:\.\d+)?分$/, '');
}

export type ComparatorOrQualitative = '≥' | '≤' | '=' | '>' | '<' | '定性';

/** Comparator cell or prefix: ≥ ≤ = > < (and >=, ＞＝, 大于等于 …), or 定性. */
export function comparatorOf(text: string): ComparatorOrQualitative | undefined {
  return memo(comparatorMemo, text, comparatorUncached);
}

const comparatorMemo = new Map<string, ComparatorOrQualitative | undefined>();

function comparatorUncached(text: string): ComparatorOrQualitative | undefined {
  const key = textKey(text);
  if (/^(≥|≧|⩾|≮|>=|=>|大于等于|不低于|不少于|正向)$/.test(key)) return '≥';
  if (/^(≤|≦|⩽|≯|<=|=<|小于等于|不高于|不超过|不多于|反向)$/.test(key)) return '≤';
  if (/^(=|==|等于)$/.test(key)) return '=';
  if (/^(>|大于)$/.test(key)) return '>';
  if (/^(<|小于)$/.test(key)) return '<';
  if (/^定性$/.test(key)) return '定性';
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// Form (label → value) fields of the header block above an indicator table.

export type FormField =
  | 'name'
  | 'total'
  | 'generalBudget'
  | 'governmentFund'
  | 'specialAccount'
  | 'otherFunds'
  | 'budgetFunds'
  | 'ownFunds'
  | 'localFunds'
  | 'upperFunds'
  | 'carryOver'
  | 'basic'
  | 'project'
  | 'budgetExecutionWeight'
  | 'unknownAmount'
  | 'unitLabel'
  | 'supervisor'
  | 'yearTarget'
  | 'period';

const FORM_LABELS: Record<FormField, readonly string[]> = {
  name: [
    '项目名称',
    '项目支出名称',
    '专项资金名称',
    '部门名称',
    '部门(单位)名称',
    '单位名称',
    '项目(专项资金)名称',
    '名称',
  ],
  total: [
    '资金总额',
    '项目资金',
    '年度本级预算金额',
    '预算金额',
    '当年预算',
    '年度预算',
    '年度资金总额',
    '项目资金总额',
    '部门支出预算数',
    '预算总额',
    '项目总金额',
    '年度预算数',
    '当年预算数',
    '年度金额',
  ],
  generalBudget: [
    '一般公共预算',
    '一般公共预算拨款',
    '一般公共预算资金',
    '财政拨款',
    '当年财政拨款',
    '财政资金',
    '本年财政拨款',
  ],
  governmentFund: ['政府性基金拨款', '政府性基金', '政府性基金预算', '政府性基金预算拨款'],
  specialAccount: ['纳入专户管理的非税收入拨款', '财政专户管理资金', '专户资金', '纳入专户管理的非税收入'],
  otherFunds: ['其他资金', '其他', '其他收入'],
  budgetFunds: ['预算资金'],
  ownFunds: ['自有资金'],
  localFunds: ['本级安排', '本级资金', '本级财政资金'],
  upperFunds: ['上级补助', '上级补助资金', '上级转移支付'],
  basic: ['基本支出'],
  project: ['项目支出'],
  budgetExecutionWeight: [
    '预算执行率权重',
    '预算执行率分值',
    '预算执行率(权重)',
    '预算执行率(分值)',
    '预算执行率权重(分)',
  ],
  carryOver: ['上年结转', '上年结转资金', '上年结余', '上年结转结余'],
  unitLabel: ['预算部门', '项目实施单位', '编制单位', '填报单位', '预算单位', '实施单位'],
  supervisor: ['主管部门', '业务主管部门', '主管部门及其编码', '项目主管部门'],
  yearTarget: ['年度目标', '本年度绩效目标', '当年绩效目标', '整体绩效目标', '年度绩效目标', '当年整体绩效目标'],
  period: ['项目支出实施期', '项目起止时间', '实施期'],
  unknownAmount: [],
};
const FORM_LOOKUP = buildLookup(FORM_LABELS);

/** The form field a label names: "一、预算资金" → budgetFunds, "年度本级预算金额(万元)" → total. */
export function formFieldOf(label: string): FormField | undefined {
  const key = stripParenthetical(
    textKey(label)
      .replace(/^(其中|含)[:：]?/, '')
      .replace(/^[一二三四五六七八九十]+[、.]/, '')
      .replace(/^\d+[、.]/, '')
      .replace(/\(盖章\)/g, ''),
  ).replace(/\(万元\)|\(元\)/g, '');
  return FORM_LOOKUP.get(key);
}

/** Preferred source of a project's unit: the implementing unit, then the unit that filed the form. */
export const UNIT_LABEL_PREFERENCE: readonly string[] = [
  '预算部门',
  '项目实施单位',
  '实施单位',
  '预算单位',
  '编制单位',
  '填报单位',
];

/** Rows that end a table: the next form's first label, footers, notes. */
export function isTableStopLabel(key: string): boolean {
  return /^(项目名称|项目支出名称|专项资金名称|部门名称|部门\(单位\)名称|填表人|填报人|其他需说明的问题|(主管|财政)?部门审核意见|(主管|财政)?部门审批意见|审核意见|单位负责人|编制单位|填报单位|附件\d|表[一二三四五六七八九十\d]+$|\(?备注|注[:：]|说明[:：])/.test(
    key,
  );
}

/** A title row: "2023年项目支出绩效目标表", "一般公共预算财政拨款支出预算表". */
export function isTitleText(key: string): boolean {
  const bare = key.replace(/\([^()]*\)$/, '');
  return /(目标表|预算表|总表|支出表|收入表|申报表|自评表|情况表|明细表|公开表)$/.test(bare) && key.length <= 40;
}

function buildLookup<K extends string>(table: Partial<Record<K, readonly string[]>>): Map<string, K> {
  const lookup = new Map<string, K>();
  for (const [kind, names] of Object.entries(table) as [K, readonly string[]][]) {
    for (const name of names) {
      const key = textKey(name);
      if (!lookup.has(key)) lookup.set(key, kind);
    }
  }
  return lookup;
}

/** 指标值类型 cells: "定量", "定量指标" → quantitative; "定性", "定性指标" → qualitative. */
export function valueTypeOf(text: string): 'quantitative' | 'qualitative' | undefined {
  const key = textKey(text);
  if (/^定量(指标)?$/.test(key)) return 'quantitative';
  if (/^定性(指标)?$/.test(key)) return 'qualitative';
  return undefined;
}

/** 指标方向性: "正向指标", "越大越好" → positive; "反向指标", "越小越好" → negative; anything else → undefined. */
export function directionOf(text: string): 'positive' | 'negative' | undefined {
  return memo(directionMemo, text, directionUncached);
}

const directionMemo = new Map<string, 'positive' | 'negative' | undefined>();

function directionUncached(text: string): 'positive' | 'negative' | undefined {
  const key = textKey(text);
  if (/^(正向|越大越好|越高越好|高优)/.test(key)) return 'positive';
  if (/^(反向|越小越好|越低越好|低优)/.test(key)) return 'negative';
  return undefined;
}
