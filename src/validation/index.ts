/** Public API of the validation engine. Pure TypeScript: no Office API, no DOM, no fs. */
export { checkGrids, checkModel } from './engine';
export type { CheckOptions } from './engine';
export { ConfigSchema, parseConfig, LOCALES, SEVERITIES } from './config';
export type { Config, ConfigInput, Locale, Severity } from './config';
export { ReportSchema, FindingSchema, REPORT_VERSION } from './report';
export type { Report, Finding, TableSummary, SheetSummary } from './report';
export type { Grid, CellValue, CellRange } from './grid';
export { recognizeWorkbook } from './recognize';
export { explainModel } from './explain';
export { ALL_RULES } from './rules';
export * from './address';
export { explainText } from './text/explain';
