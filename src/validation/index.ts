/** Public API of the validation engine. Pure TypeScript: no Office API, no DOM, no fs. */
export { checkGrids, checkModel, ruleOptionsOf, RuleOptionsError } from './engine';
export type { CheckOptions } from './engine';
export {
  ConfigSchema,
  parseConfig,
  LOCALES,
  SEVERITIES,
  PROFILES,
  PROFILE_IDS,
  DEFAULT_OPTIONS,
  UserOptionsSchema,
  OptionsSchema,
  SeveritySettingSchema,
} from './config';
export type { Config, ConfigInput, Locale, Severity, SeveritySetting, Options, Profile, ProfileId } from './config';
export { ReportSchema, FindingSchema, REPORT_VERSION, checkedSomething } from './report';
export type { Report, Finding, FoldedFinding, TableSummary, SheetSummary } from './report';
export type { Grid, CellValue, CellRange, ExcelErrorValue } from './grid';
export { isExcelError, asExcelErrorString, EXCEL_ERROR_CODES } from './grid';
export { SEVERITY_FILLS, SEVERITY_LABELS } from './messages';
export { normalizeText, parseNumberText, textKey } from './normalize';
export { parseIndicatorValue } from './indicator-value';
export type { IndicatorValue } from './indicator-value';
export { recognizeWorkbook } from './recognize';
export { explainModel } from './explain';
export { ALL_KINDS, ALL_RULES, FINDING_KINDS } from './rules';
export * from './address';
export { explainText } from './text/explain';
export type { FindingKind, Rule } from './rules/types';
