import { z } from 'zod';
import { AMOUNT_COLUMNS, DISCLOSURE_KINDS, INDICATOR_COLUMNS, type VocabularyExtension } from './vocabulary';

export const SEVERITIES = ['error', 'warning', 'info'] as const;
export type Severity = (typeof SEVERITIES)[number];

export const SeveritySettingSchema = z.enum(['off', 'info', 'warning', 'error']);
export type SeveritySetting = z.infer<typeof SeveritySettingSchema>;

export const LOCALES = ['zh-CN', 'en-US'] as const;
export type Locale = (typeof LOCALES)[number];

/** Every option a rule may read, with its meaning: rules pick theirs (ruleOptions in rules/types.ts). */
export const OPTION_FIELDS = {
  /** Money differences up to this (in the table's own unit) are not reported at all. */
  tolerance: z.number().min(0),
  /** The smallest unit amounts are rounded to (0.01 for 万元 or 元 with two decimals). */
  roundingUnit: z.number().positive(),
  /** What a project's 三级 weights must add up to. */
  weightTotal: z.number().positive(),
  /** Accept weightTotal − budgetExecutionWeight when 预算执行率 carries those points outside the table. */
  acceptBudgetExecutionWeight: z.boolean(),
  /** Require it: the region puts 预算执行率 outside every table (weights total 90). */
  requireBudgetExecutionWeight: z.boolean(),
  /** The weight 预算执行率 carries when a table does not state it. */
  budgetExecutionWeight: z.number().min(0),
  /** An optional per-一级 split of the weights, e.g. { output: 50, benefit: 30, satisfaction: 10 }. */
  level1Split: z
    .object({
      output: z.number().min(0).optional(),
      cost: z.number().min(0).optional(),
      benefit: z.number().min(0).optional(),
      satisfaction: z.number().min(0).optional(),
    })
    .strict()
    .optional(),
  /** A satisfaction target below this (in %) is suspect. */
  satisfactionFloor: z.number().min(0).max(100),
  /** Every project needs a 成本指标 (the 2021 national framework) or not (older templates). */
  requireCostIndicator: z.boolean(),
  /** The tables a 公开 set must hold (the 8 of 财预〔2016〕143号; newer templates add stateCapital). */
  disclosureTables: z.array(z.enum(DISCLOSURE_KINDS)).min(1),
  /** The 经济分类 类 whose spending is 人员经费 (301 工资福利支出, 303 对个人和家庭的补助). */
  personnelClasses: z.array(z.string().regex(/^\d{3}$/)),
  /** The 经济分类 类 whose spending is 公用经费 (302 商品和服务支出, 310 资本性支出). */
  publicCostClasses: z.array(z.string().regex(/^\d{3}$/)),
};

export const OptionsSchema = z.object(OPTION_FIELDS).strict();

/** What each option means, for the rule docs. */
export const OPTION_DESCRIPTIONS: Record<keyof typeof OPTION_FIELDS, string> = {
  tolerance: '金额差在此以内不报告 differences up to this are not reported',
  roundingUnit: '金额的舍入单位 the unit amounts are rounded to',
  weightTotal: '三级指标权重应有的合计 what the weights must add up to',
  acceptBudgetExecutionWeight: '接受 合计 − 预算执行率分值 accept the total less 预算执行率',
  requireBudgetExecutionWeight: '必须另计预算执行率 预算执行率 is always outside the table',
  budgetExecutionWeight: '表中未写明时预算执行率的分值 预算执行率 points when the table does not say',
  level1Split: '各一级指标的分值 the points of each 一级',
  satisfactionFloor: '满意度目标的下限 (%) the lowest acceptable satisfaction target',
  requireCostIndicator: '每个项目必须有成本指标 every project needs a 成本指标',
  disclosureTables:
    '公开表应包含的表 the tables a set must hold: incomeExpense, income, expense, fiscalIncomeExpense, generalExpense, generalBasic, sanGong, governmentFund, stateCapital',
  personnelClasses: '计入人员经费的经济分类类级科目 the 经济分类 classes of 人员经费',
  publicCostClasses: '计入公用经费的经济分类类级科目 the 经济分类 classes of 公用经费',
};
export type Options = z.infer<typeof OptionsSchema>;

/** Options as a user writes them: any subset; the profile and the defaults fill in the rest. */
export const UserOptionsSchema = z.object(OPTION_FIELDS).partial().strict();

export const DEFAULT_OPTIONS: Options = {
  tolerance: 0,
  roundingUnit: 0.01,
  weightTotal: 100,
  acceptBudgetExecutionWeight: true,
  requireBudgetExecutionWeight: false,
  budgetExecutionWeight: 10,
  satisfactionFloor: 85,
  requireCostIndicator: true,
  disclosureTables: DISCLOSURE_KINDS.filter((kind) => kind !== 'stateCapital'),
  personnelClasses: ['301', '303'],
  publicCostClasses: ['302', '310'],
};

export interface Profile {
  id: string;
  description: { 'zh-CN': string; 'en-US': string };
  options: Partial<Options>;
  rules: Record<string, SeveritySetting>;
  /** Column names of this framework or region, besides the built-in vocabulary. */
  vocabulary?: VocabularyExtension;
}

const NAMES = z.array(z.string().trim().min(1)).min(1);

/** Column names a config adds: { "indicatorColumns": { "weight": ["考核分值"] }, "amountColumns": { … } }. */
export const VocabularySchema = z
  .object({
    indicatorColumns: z.partialRecord(z.enum(INDICATOR_COLUMNS), NAMES).optional(),
    amountColumns: z.partialRecord(z.enum(AMOUNT_COLUMNS), NAMES).optional(),
  })
  .strict();

/** Profiles: the indicator framework in force, and region conventions seen in the filings. */
export const PROFILES = {
  'national-2021': {
    id: 'national-2021',
    description: {
      'zh-CN':
        '2021 年全国指标体系（默认）：成本指标为一级指标，每个项目必须设置；权重合计 100，或 90 + 预算执行率 10。',
      'en-US':
        'The 2021 national framework (default): 成本指标 is a 一级 indicator every project needs; weights total 100, or 90 + 预算执行率 10.',
    },
    options: {},
    rules: {},
  },
  legacy: {
    id: 'legacy',
    description: {
      'zh-CN': '旧版指标体系：成本指标为产出指标下的二级指标，不强制设置。',
      'en-US': 'The older framework: 成本指标 is a 二级 under 产出指标 and not required.',
    },
    options: { requireCostIndicator: false },
    rules: {},
  },
  'execution-90': {
    id: 'execution-90',
    description: {
      'zh-CN': '预算执行率单列 10 分的地区（如四川、重庆的申报表）：三级指标权重合计必须为 90。',
      'en-US':
        'Regions that score 预算执行率 (10) outside every table (as in the 四川 and 重庆 filings): the 三级 weights must total 90.',
    },
    options: { acceptBudgetExecutionWeight: true, requireBudgetExecutionWeight: true },
    rules: {},
  },
} as const satisfies Record<string, Profile>;
export type ProfileId = keyof typeof PROFILES;
export const PROFILE_IDS = Object.keys(PROFILES) as [ProfileId, ...ProfileId[]];

/**
 * A rule's setting: its severity, or { severity, options } with options for this rule only (checked against the
 * rule's own options schema when the rules run: see validateRuleSettings in engine.ts).
 */
export const RuleSettingSchema = z.union([
  SeveritySettingSchema,
  z
    .object({ severity: SeveritySettingSchema.optional(), options: z.record(z.string(), z.unknown()).optional() })
    .strict(),
]);
export type RuleSetting = z.infer<typeof RuleSettingSchema>;

/** The user's configuration: the CLI's --config file and the task pane's settings use this schema. */
export const ConfigSchema = z
  .object({
    /** The framework and region conventions; options and rules below override it. */
    profile: z.enum(PROFILE_IDS).default('national-2021'),
    /** Per-rule severity, e.g. { "sum/rounding": "info", "weight/sum": "off" }. */
    rules: z.record(z.string().regex(/^[a-z]+\/[a-z0-9-]+$/), RuleSettingSchema).prefault({}),
    options: UserOptionsSchema.prefault({}),
    /** Column names of the user's own forms, added to the profile's and the built-in ones. */
    vocabulary: VocabularySchema.optional(),
  })
  .strict();
export type ConfigInput = z.input<typeof ConfigSchema>;

/** A configuration with the profile applied: every option has its value. */
export interface Config {
  profile: ProfileId;
  rules: Record<string, RuleSetting>;
  options: Options;
  /** The profile's vocabulary and the user's, merged; undefined when neither adds a name. */
  vocabulary?: VocabularyExtension;
}

/** Configs parseConfig made; anything else (a user's { profile, options }, a clone from a worker) is parsed again. */
const RESOLVED = new WeakSet<Config>();

export function parseConfig(input: unknown): Config {
  const user = ConfigSchema.parse(input ?? {});
  const profile: Profile = PROFILES[user.profile];
  const options = OptionsSchema.parse({ ...DEFAULT_OPTIONS, ...profile.options, ...stripUndefined(user.options) });
  const config: Config = { profile: user.profile, rules: { ...profile.rules, ...user.rules }, options };
  const vocabulary = mergeVocabulary(profile.vocabulary, user.vocabulary);
  if (vocabulary) config.vocabulary = vocabulary;
  RESOLVED.add(config);
  return config;
}

function mergeVocabulary(...extensions: (VocabularyExtension | undefined)[]): VocabularyExtension | undefined {
  const merged: Required<VocabularyExtension> = { indicatorColumns: {}, amountColumns: {} };
  let any = false;
  for (const extension of extensions) {
    for (const part of ['indicatorColumns', 'amountColumns'] as const) {
      const names: Partial<Record<string, readonly string[]>> = extension?.[part] ?? {};
      const into = merged[part] as Partial<Record<string, readonly string[]>>;
      for (const [role, list] of Object.entries(names)) {
        if (!list) continue;
        into[role] = [...(into[role] ?? []), ...list];
        any = true;
      }
    }
  }
  return any ? merged : undefined;
}

export function isResolvedConfig(config: unknown): config is Config {
  return typeof config === 'object' && config !== null && RESOLVED.has(config as Config);
}

function stripUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}

export function severityOf(config: Config, ruleId: string, defaultSeverity: Severity): SeveritySetting {
  const setting = config.rules[ruleId];
  if (setting === undefined) return defaultSeverity;
  return typeof setting === 'string' ? setting : (setting.severity ?? defaultSeverity);
}
