import { z } from 'zod';

export const SEVERITIES = ['error', 'warning', 'info'] as const;
export type Severity = (typeof SEVERITIES)[number];

export const SeveritySettingSchema = z.enum(['off', 'info', 'warning', 'error']);
export type SeveritySetting = z.infer<typeof SeveritySettingSchema>;

export const LOCALES = ['zh-CN', 'en-US'] as const;
export type Locale = (typeof LOCALES)[number];

export const OptionsSchema = z
  .object({
    /** Money differences up to this (in the table's own unit) are not reported at all. */
    tolerance: z.number().min(0).default(0),
    /** The smallest unit amounts are rounded to (0.01 for 万元 or 元 with two decimals). */
    roundingUnit: z.number().positive().default(0.01),
    /** What a project's 三级 weights must add up to. */
    weightTotal: z.number().positive().default(100),
    /** Accept weightTotal − 10 when 预算执行率 carries the other 10 outside the table. */
    acceptBudgetExecutionWeight: z.boolean().default(true),
    /** The weight 预算执行率 carries when a table does not state it. */
    budgetExecutionWeight: z.number().min(0).default(10),
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
  })
  .strict();
export type Options = z.infer<typeof OptionsSchema>;

export const RuleSettingSchema = z.union([SeveritySettingSchema, z.object({ severity: SeveritySettingSchema }).strict()]);

/** The user's configuration: the CLI's --config file and the task pane's settings use this schema. */
export const ConfigSchema = z
  .object({
    /** Per-rule severity, e.g. { "sum/rounding": "info", "weight/sum": "off" }. */
    rules: z.record(z.string().regex(/^[a-z]+\/[a-z0-9-]+$/), RuleSettingSchema).prefault({}),
    options: OptionsSchema.prefault({}),
  })
  .strict();
export type Config = z.infer<typeof ConfigSchema>;
export type ConfigInput = z.input<typeof ConfigSchema>;

export function parseConfig(input: unknown): Config {
  return ConfigSchema.parse(input ?? {});
}

export function severityOf(config: Config, ruleId: string, defaultSeverity: Severity): SeveritySetting {
  const setting = config.rules[ruleId];
  if (setting === undefined) return defaultSeverity;
  return typeof setting === 'string' ? setting : setting.severity;
}
