/**
 * The named quantities budget prose speaks of, as data: how a name in the text is recognized, which wholes
 * are made of which parts, and which funds a text may name. Names are matched on their key (nameKey).
 */
import type { Localized } from '../messages';

export type QuantityId =
  | 'sanGong'
  | 'abroad'
  | 'reception'
  | 'vehicle'
  | 'vehiclePurchase'
  | 'vehicleRunning'
  | 'runningCost'
  | 'procurement'
  | 'procurementGoods'
  | 'procurementWorks'
  | 'procurementServices'
  | 'personnel'
  | 'publicCost'
  | 'basic'
  | 'project'
  | 'expense'
  | 'income'
  | 'currentIncome'
  | 'wages'
  | 'goodsServices'
  | 'householdSubsidy'
  | 'capital';

export interface QuantityDefinition {
  id: QuantityId;
  label: Localized;
  /** Tested on the name's key, in this order: the first that matches names it. */
  pattern: RegExp;
  /**
   * A part of something larger whose identity depends on what it is a part of: 工资福利支出 of 基本支出 and of
   * 项目支出 are different amounts. Such names are compared only within the same whole.
   */
  scoped?: boolean;
  /** The same whatever fund the text names (三公经费 and 机关运行经费 are 一般公共预算 by definition). */
  anyFund?: boolean;
}

export const QUANTITIES: readonly QuantityDefinition[] = [
  {
    id: 'vehicle',
    label: { 'zh-CN': '公务用车购置及运行费', 'en-US': 'official vehicles (purchase and running)' },
    pattern: /公务(用)?车(辆)?购置(及|和|与)运行/,
    anyFund: true,
  },
  {
    id: 'vehiclePurchase',
    label: { 'zh-CN': '公务用车购置费', 'en-US': 'official vehicle purchase' },
    pattern: /公务(用)?车(辆)?购置/,
    anyFund: true,
  },
  {
    id: 'vehicleRunning',
    label: { 'zh-CN': '公务用车运行费', 'en-US': 'official vehicle running' },
    pattern: /公务(用)?车(用车)?(辆)?运行/,
    anyFund: true,
  },
  {
    id: 'sanGong',
    label: { 'zh-CN': '“三公”经费', 'en-US': '“three public expenses”' },
    pattern: /三公/,
    anyFund: true,
  },
  {
    id: 'abroad',
    label: { 'zh-CN': '因公出国（境）费', 'en-US': 'official travel abroad' },
    pattern: /因公出国|出国\(境\)费|出国境费/,
    anyFund: true,
  },
  {
    id: 'reception',
    label: { 'zh-CN': '公务接待费', 'en-US': 'official reception' },
    pattern: /公务接待/,
    anyFund: true,
  },
  {
    id: 'runningCost',
    label: { 'zh-CN': '机关运行经费', 'en-US': 'running costs of the organ' },
    pattern: /运行经费/,
    anyFund: true,
  },
  {
    id: 'procurementGoods',
    label: { 'zh-CN': '政府采购货物', 'en-US': 'procurement of goods' },
    pattern: /采购货物|货物(类)?采购/,
  },
  {
    id: 'procurementWorks',
    label: { 'zh-CN': '政府采购工程', 'en-US': 'procurement of works' },
    pattern: /采购工程|工程(类)?采购/,
  },
  {
    id: 'procurementServices',
    label: { 'zh-CN': '政府采购服务', 'en-US': 'procurement of services' },
    pattern: /采购服务|服务(类)?采购/,
  },
  { id: 'procurement', label: { 'zh-CN': '政府采购', 'en-US': 'government procurement' }, pattern: /政府采购/ },
  { id: 'personnel', label: { 'zh-CN': '人员经费', 'en-US': 'personnel costs' }, pattern: /人员经费/ },
  { id: 'publicCost', label: { 'zh-CN': '公用经费', 'en-US': 'public costs' }, pattern: /公用经费/ },
  {
    id: 'wages',
    label: { 'zh-CN': '工资福利支出', 'en-US': 'wages and benefits' },
    pattern: /工资福利/,
    scoped: true,
  },
  {
    id: 'goodsServices',
    label: { 'zh-CN': '商品和服务支出', 'en-US': 'goods and services' },
    pattern: /商品和服务/,
    scoped: true,
  },
  {
    id: 'householdSubsidy',
    label: { 'zh-CN': '对个人和家庭的补助', 'en-US': 'subsidies to individuals and households' },
    pattern: /对个人和家庭/,
    scoped: true,
  },
  {
    id: 'capital',
    label: { 'zh-CN': '资本性支出', 'en-US': 'capital expenditure' },
    pattern: /资本性支出/,
    scoped: true,
  },
  { id: 'basic', label: { 'zh-CN': '基本支出', 'en-US': 'basic expenditure' }, pattern: /基本支出/ },
  { id: 'project', label: { 'zh-CN': '项目支出', 'en-US': 'project expenditure' }, pattern: /项目支出/ },
  {
    id: 'expense',
    label: { 'zh-CN': '支出', 'en-US': 'expenditure' },
    pattern: /^(支出|总支出|支出总计|支出合计|支出总额|本年支出|本年支出合计)$/,
  },
  {
    id: 'income',
    label: { 'zh-CN': '收入', 'en-US': 'income' },
    pattern: /^(收入|总收入|收入总计|收入合计|收入总额)$/,
  },
  {
    // Without 上年结转, which 收入合计 adds.
    id: 'currentIncome',
    label: { 'zh-CN': '本年收入', 'en-US': 'this year’s income' },
    pattern: /^本年收入$/,
  },
];

const BY_ID = new Map(QUANTITIES.map((q) => [q.id, q]));

export function quantityDefinition(id: QuantityId): QuantityDefinition {
  return BY_ID.get(id)!;
}

/** Wholes that are exactly the sum of these parts (domain.md §4, §7). */
export const COMPOSITIONS: readonly { whole: QuantityId; parts: readonly QuantityId[] }[] = [
  { whole: 'sanGong', parts: ['abroad', 'reception', 'vehicle'] },
  { whole: 'vehicle', parts: ['vehiclePurchase', 'vehicleRunning'] },
  { whole: 'procurement', parts: ['procurementGoods', 'procurementWorks', 'procurementServices'] },
  { whole: 'expense', parts: ['basic', 'project'] },
  { whole: 'basic', parts: ['personnel', 'publicCost'] },
];

export function compositionOf(whole: QuantityId | undefined): readonly QuantityId[] | undefined {
  return whole === undefined ? undefined : COMPOSITIONS.find((c) => c.whole === whole)?.parts;
}

export type Fund = 'general' | 'governmentFund' | 'stateCapital' | 'specialAccount' | 'socialInsurance';

/** The funds (预算 kinds) a text or a table title may name. */
export const FUNDS: readonly { fund: Fund; label: string; pattern: RegExp }[] = [
  { fund: 'general', label: '一般公共预算', pattern: /一般公共预算/ },
  { fund: 'governmentFund', label: '政府性基金', pattern: /政府性基金/ },
  { fund: 'stateCapital', label: '国有资本经营', pattern: /国有资本经营/ },
  { fund: 'specialAccount', label: '财政专户管理资金', pattern: /财政专户|专户管理/ },
  { fund: 'socialInsurance', label: '社会保险基金', pattern: /社会保险基金/ },
];

export function fundsNamed(text: string): Fund[] {
  return FUNDS.filter((f) => f.pattern.test(text)).map((f) => f.fund);
}

export function fundLabel(fund: Fund): string {
  return FUNDS.find((f) => f.fund === fund)!.label;
}

/**
 * The key a name is compared by: years, 本年/本单位 and the like, quotes, white space and the trailing verbs and
 * words of size ("预算数为", "合计", "共计") removed. "2024年本年一般公共预算基本支出" → "一般公共预算基本支出"; but
 * "本年收入" stays apart from "收入合计".
 */
export function nameKey(name: string): string {
  let key = name
    .replace(/\s+/g, '')
    .replace(/[“”"'‘’「」『』]/g, '')
    .replace(/\d{4}年(度)?/g, '')
    .replace(
      /^(其中|包括|含|另|此外|以及|及|和|并|且|经汇总|本年度?|当年|全年|年度|本单位|本部门|我单位|我部门|本项目|该项目|部门|单位)+/,
      '',
    )
    .replace(/^(本年度?|当年|全年|年度)+/, '');
  for (;;) {
    const next = key.replace(/(为|是|达|计|共|共计|合计|总计|总额|总数|金额|数额|预算数|预算|数|安排|共有|有|:)$/, '');
    if (next === key || next === '') break;
    key = next;
  }
  // 本年收入 is this year's income without 上年结转: not 收入合计.
  if (/^(本年度?|当年)收入/.test(name.replace(/\s+/g, '').replace(/^\d{4}年(度)?/, '')) && key.startsWith('收入'))
    return `本年${key}`;
  return key;
}

/** The named quantity a name speaks of, if the vocabulary knows it. */
export function quantityIdOf(name: string): QuantityId | undefined {
  const key = nameKey(name)
    .replace(/(一般公共预算|政府性基金预算?|国有资本经营预算?)(财政拨款)?(中|安排的?)?/g, '')
    .replace(/^(财政拨款|财政资金|[区县市]?本级)+/, '');
  for (const q of QUANTITIES) if (q.pattern.test(key)) return q.id;
  return undefined;
}

/** Words that make an amount something other than this year's budget figure. */
export const NOT_THIS_YEAR =
  /上年|去年|上一年|前年|决算|执行数|实际|完成|结转|结余|调整|追加|调增|调减|累计|总投资|同期|以前年度|往年/;
