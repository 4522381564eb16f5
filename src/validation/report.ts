import { z } from 'zod';
import { LOCALES, SEVERITIES } from './config';

export const REPORT_VERSION = 1;

/** A finding that follows from another and is shown as part of it (see present.ts). */
export const FoldedFindingSchema = z.object({
  ruleId: z.string(),
  ruleName: z.string().optional(),
  severity: z.enum(SEVERITIES),
  cell: z.string(),
  messageId: z.string(),
  message: z.string(),
});
export type FoldedFinding = z.infer<typeof FoldedFindingSchema>;

export const FindingSchema = z.object({
  ruleId: z.string().regex(/^[a-z]+\/[a-z0-9-]+$/),
  /** The rule's short name in the report's locale, for people (the id is for configs and tools). */
  ruleName: z.string().optional(),
  severity: z.enum(SEVERITIES),
  sheet: z.string(),
  /** The claiming cell, A1 notation without the sheet. */
  cell: z.string().regex(/^[A-Z]{1,3}[1-9]\d*$/),
  message: z.string().min(1),
  messageId: z.string(),
  /** The message's placeholder values, in the report's locale. */
  data: z.record(z.string(), z.union([z.string(), z.number()])),
  /** Cells and ranges involved: "K5:K12" on the same sheet, "'Sheet 2'!B4" elsewhere. */
  related: z.array(z.string()),
  tableId: z.string().optional(),
  /** Findings of the same cause folded into this one: their cells are in `related` too. */
  folded: z.array(FoldedFindingSchema).optional(),
  /**
   * Findings of the same rule and message in the same table share a group: `key` is the same for all of them,
   * `count` says how many there are ("同类 40 处").
   */
  group: z.object({ key: z.string(), count: z.number().int().min(2) }).optional(),
});
export type Finding = z.infer<typeof FindingSchema>;

export const ProjectSummarySchema = z.object({
  name: z.string().optional(),
  budget: z.string().optional(),
  indicators: z.number().int().min(0),
  weightTotal: z.string().optional(),
  /** The project's indicator rows as sheet rows, "12:30". */
  rows: z.string().optional(),
});

export const TableSummarySchema = z.object({
  id: z.string(),
  sheet: z.string(),
  kind: z.enum(['indicators', 'amounts']),
  layout: z.string(),
  title: z.string().optional(),
  range: z.string(),
  projects: z.array(ProjectSummarySchema).optional(),
  rows: z.number().int().min(0).optional(),
});
export type TableSummary = z.infer<typeof TableSummarySchema>;

/** Per sheet: how many tables were recognized and checked (0 means nothing on the sheet was checked). */
export const SheetSummarySchema = z.object({
  sheet: z.string(),
  tables: z.number().int().min(0),
  /** Statements of its text (情况说明, 年度目标) the text rules read and checked. */
  statements: z.number().int().min(0).optional(),
});

/** Whether anything in the report was checked: a table, or a statement of a text. */
export function checkedSomething(report: { sheets: readonly SheetSummary[] }): boolean {
  return report.sheets.some((s) => s.tables > 0 || (s.statements ?? 0) > 0);
}
export type SheetSummary = z.infer<typeof SheetSummarySchema>;

export const ReportSchema = z.object({
  version: z.literal(REPORT_VERSION),
  locale: z.enum(LOCALES),
  sheets: z.array(SheetSummarySchema),
  tables: z.array(TableSummarySchema),
  findings: z.array(FindingSchema),
  summary: z.object({ error: z.number().int(), warning: z.number().int(), info: z.number().int() }),
});
export type Report = z.infer<typeof ReportSchema>;
