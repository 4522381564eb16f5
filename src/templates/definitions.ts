/**
 * The standard tables as data. Each template is a list of parts (title, form rows, an indicator block, an
 * amount table …) that build.ts turns into a RenderPlan.
 */
import { type ProfileId } from '../validation';

export type FormRow =
  | { label: string; kind: 'text'; lines?: number }
  | { label: string; kind: 'amount'; sumOf?: string[]; value?: number }
  /** 预算执行率's points when scored outside the table; left blank, so the status accepts what the profile does. */
  | { label: string; kind: 'weight' };

export interface IndicatorBlock {
  kind: 'indicators';
  /** Rows given their 一级 / 二级 in advance, as a guide the user can change. */
  prefill: [string, string][];
  blankRows: number;
  profile: ProfileId;
}

export interface FlatList {
  kind: 'flat';
  rows: number;
}

export interface CodeTable {
  kind: 'code';
  classification: '功能分类' | '经济分类';
  /** Amount columns, the first being the row total of the others. */
  amounts: string[];
  rows: number;
}

export interface SanGongTable {
  kind: 'sangong';
}

export interface SummaryTable {
  kind: 'summary';
  income: { label: string; children?: string[] }[];
  expense: { label: string; children?: number }[];
}

export interface TemplateDefinition {
  id: string;
  sheetName: string;
  title: string;
  description: { 'zh-CN': string; 'en-US': string };
  unitLine: string;
  form: FormRow[];
  body: IndicatorBlock | FlatList | CodeTable | SanGongTable | SummaryTable;
}

const NATIONAL_PREFILL: [string, string][] = [
  ['产出指标', '数量指标'],
  ['产出指标', '数量指标'],
  ['产出指标', '质量指标'],
  ['产出指标', '时效指标'],
  ['成本指标', '经济成本指标'],
  ['效益指标', '经济效益指标'],
  ['效益指标', '社会效益指标'],
  ['效益指标', '可持续影响指标'],
  ['满意度指标', '服务对象满意度指标'],
];

const LEGACY_PREFILL: [string, string][] = [
  ['产出指标', '数量指标'],
  ['产出指标', '数量指标'],
  ['产出指标', '质量指标'],
  ['产出指标', '时效指标'],
  ['产出指标', '成本指标'],
  ['效益指标', '经济效益指标'],
  ['效益指标', '社会效益指标'],
  ['效益指标', '可持续影响指标'],
  ['满意度指标', '服务对象满意度指标'],
];

const PROJECT_FORM: FormRow[] = [
  { label: '项目名称', kind: 'text' },
  { label: '主管部门', kind: 'text' },
  { label: '实施单位', kind: 'text' },
  { label: '年度资金总额（万元）', kind: 'amount', sumOf: ['其中：财政拨款（万元）', '其他资金（万元）'] },
  { label: '其中：财政拨款（万元）', kind: 'amount' },
  { label: '其他资金（万元）', kind: 'amount' },
  { label: '预算执行率权重', kind: 'weight' },
  { label: '年度绩效目标', kind: 'text', lines: 3 },
];

export const TEMPLATES: readonly TemplateDefinition[] = [
  {
    id: 'project-2021',
    sheetName: '项目支出绩效目标表',
    title: '项目支出绩效目标表',
    description: {
      'zh-CN': '项目支出绩效目标表（2021 年全国指标体系：成本指标为一级指标）',
      'en-US': 'Project performance targets (2021 national framework: 成本 is a 一级 indicator)',
    },
    unitLine: '单位：万元',
    form: PROJECT_FORM,
    body: { kind: 'indicators', prefill: NATIONAL_PREFILL, blankRows: 6, profile: 'national-2021' },
  },
  {
    id: 'project-legacy',
    sheetName: '项目支出绩效目标表（旧版）',
    title: '项目支出绩效目标表',
    description: {
      'zh-CN': '项目支出绩效目标表（旧版指标体系：成本指标在产出指标下）',
      'en-US': 'Project performance targets (older framework: 成本 under 产出)',
    },
    unitLine: '单位：万元',
    form: PROJECT_FORM,
    body: { kind: 'indicators', prefill: LEGACY_PREFILL, blankRows: 6, profile: 'legacy' },
  },
  {
    id: 'department',
    sheetName: '部门整体支出绩效目标表',
    title: '部门整体支出绩效目标表',
    description: { 'zh-CN': '部门整体支出绩效目标表', 'en-US': 'Whole-department performance targets' },
    unitLine: '单位：万元',
    form: [
      { label: '部门名称', kind: 'text' },
      {
        label: '资金总额（万元）',
        kind: 'amount',
        sumOf: ['一般公共预算（万元）', '政府性基金拨款（万元）', '其他资金（万元）'],
      },
      { label: '一般公共预算（万元）', kind: 'amount' },
      { label: '政府性基金拨款（万元）', kind: 'amount' },
      { label: '其他资金（万元）', kind: 'amount' },
      { label: '基本支出（万元）', kind: 'amount' },
      { label: '项目支出（万元）', kind: 'amount' },
      { label: '整体绩效目标', kind: 'text', lines: 3 },
    ],
    body: { kind: 'indicators', prefill: NATIONAL_PREFILL, blankRows: 6, profile: 'national-2021' },
  },
  {
    id: 'project-list',
    sheetName: '项目支出绩效目标申报表',
    title: '部门预算项目支出绩效目标申报表',
    description: {
      'zh-CN': '项目支出绩效目标申报表（每行一个指标，如四川平武）',
      'en-US': 'Project targets as a flat list, one row per indicator',
    },
    unitLine: '金额单位：万元',
    form: [],
    body: { kind: 'flat', rows: 60 },
  },
  {
    id: 'function-budget',
    sheetName: '一般公共预算支出表',
    title: '一般公共预算财政拨款支出预算表',
    description: {
      'zh-CN': '一般公共预算财政拨款支出预算表（功能分类 类/款/项）',
      'en-US': 'General budget expenditure by function (类/款/项)',
    },
    unitLine: '单位：万元',
    form: [],
    body: { kind: 'code', classification: '功能分类', amounts: ['合计', '基本支出', '项目支出'], rows: 60 },
  },
  {
    id: 'economic-basic',
    sheetName: '基本支出预算表',
    title: '一般公共预算基本支出预算表',
    description: {
      'zh-CN': '一般公共预算基本支出预算表（经济分类 类/款）',
      'en-US': 'Basic expenditure by economic classification (类/款)',
    },
    unitLine: '单位：万元',
    form: [],
    body: { kind: 'code', classification: '经济分类', amounts: ['合计', '人员经费', '公用经费'], rows: 60 },
  },
  {
    id: 'sangong',
    sheetName: '三公经费预算表',
    title: '一般公共预算“三公”经费支出表',
    description: { 'zh-CN': '“三公”经费预算表', 'en-US': 'The three public expenses (三公经费)' },
    unitLine: '单位：万元',
    form: [],
    body: { kind: 'sangong' },
  },
  {
    id: 'fiscal-summary',
    sheetName: '财政拨款收支总表',
    title: '财政拨款收支总表',
    description: { 'zh-CN': '财政拨款收支总表', 'en-US': 'Fiscal appropriation income and expenditure summary' },
    unitLine: '单位：万元',
    form: [],
    body: {
      kind: 'summary',
      income: [
        { label: '一、本年收入', children: ['一般公共预算资金', '政府性基金预算资金', '国有资本经营预算资金'] },
        { label: '二、上年结转', children: ['一般公共预算拨款', '政府性基金预算拨款', '国有资本经营预算拨款'] },
      ],
      expense: [{ label: '一、本年支出', children: 8 }, { label: '二、结转下年' }],
    },
  },
];

export function templateById(id: string): TemplateDefinition | undefined {
  return TEMPLATES.find((t) => t.id === id);
}
