import type { Log, ReportingDescriptor, Result } from 'sarif';
import { ALL_KINDS, type Locale } from '../validation';
import { cellRef, nothingCheckedLine, type FileResult } from './format';

const LEVEL = { error: 'error', warning: 'warning', info: 'note' } as const;

/**
 * SARIF 2.1.0: one run, the rules with their descriptions and help, one result per finding. A cell is a
 * logical location ("Sheet!B7") inside the workbook artifact; related cells are related locations.
 */
export function toSarif(results: readonly FileResult[], locale: Locale, version: string): Log {
  // What was checked in each file, sheet by sheet: a file with no finding and nothing checked is not a clean one.
  const artifacts = results.map((r) => ({
    location: { uri: toUri(r.file) },
    ...(r.report && { properties: { sheets: r.report.sheets } }),
  }));
  const rules: ReportingDescriptor[] = ALL_KINDS.map((rule) => ({
    id: rule.id,
    name: rule.id.replace(/[/-](\w)/g, (_, c: string) => c.toUpperCase()),
    shortDescription: { text: rule.meta.description[locale] },
    fullDescription: { text: `${rule.meta.description[locale]} ${rule.meta.why[locale]}` },
    help: {
      text: `${rule.meta.why[locale]}\n${locale === 'zh-CN' ? '不通过' : 'Fails'}: ${rule.meta.examples.fail}\n${locale === 'zh-CN' ? '通过' : 'Passes'}: ${rule.meta.examples.pass}\n(docs/rules.md#${rule.id.replace(/\//g, '').toLowerCase()})`,
    },
    defaultConfiguration: { level: LEVEL[rule.defaultSeverity] },
    properties: { tags: [rule.family] },
  }));
  const ruleIndex = new Map(ALL_KINDS.map((rule, i) => [rule.id, i]));
  const sarifResults: Result[] = [];
  const notifications: NonNullable<
    NonNullable<Log['runs'][number]['invocations']>[number]['toolExecutionNotifications']
  > = [];
  results.forEach((result, artifactIndex) => {
    const artifactLocation = { uri: toUri(result.file), index: artifactIndex };
    if (result.error) {
      notifications.push({
        level: 'error',
        message: { text: result.error },
        locations: [{ physicalLocation: { artifactLocation } }],
      });
      return;
    }
    const nothing = result.report && nothingCheckedLine(result.report, locale === 'zh-CN');
    if (nothing) {
      notifications.push({
        level: 'warning',
        message: { text: nothing },
        locations: [{ physicalLocation: { artifactLocation } }],
      });
    }
    for (const note of result.notes ?? []) {
      notifications.push({
        level: 'warning',
        message: { text: note },
        locations: [{ physicalLocation: { artifactLocation } }],
      });
    }
    if (result.annotationError) {
      notifications.push({
        level: 'error',
        message: { text: result.annotationError },
        locations: [{ physicalLocation: { artifactLocation } }],
      });
    }
    for (const finding of result.report!.findings) {
      const location = (address: string) => ({
        physicalLocation: { artifactLocation },
        logicalLocations: [{ fullyQualifiedName: address, kind: 'element' }],
      });
      sarifResults.push({
        ruleId: finding.ruleId,
        ruleIndex: ruleIndex.get(finding.ruleId),
        level: LEVEL[finding.severity],
        message: { text: finding.message },
        locations: [location(cellRef(finding.sheet, finding.cell))],
        relatedLocations: finding.related.map((address, id) => ({
          id,
          ...location(address.includes('!') ? address : cellRef(finding.sheet, address)),
        })),
        partialFingerprints: {
          'budgetCheck/v1': `${finding.ruleId}|${finding.sheet}|${finding.messageId}|${JSON.stringify(finding.data)}`,
        },
        properties: { messageId: finding.messageId, data: finding.data, sheet: finding.sheet, cell: finding.cell },
      });
    }
  });
  return {
    version: '2.1.0',
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    runs: [
      {
        tool: {
          driver: {
            name: 'budget-check',
            fullName: 'Budget Check 预算绩效表检查',
            version,
            semanticVersion: version,
            rules,
          },
        },
        artifacts,
        results: sarifResults,
        invocations: [
          {
            executionSuccessful: !notifications.some((n) => n.level === 'error'),
            toolExecutionNotifications: notifications,
          },
        ],
        language: locale,
        columnKind: 'unicodeCodePoints',
      },
    ],
  };
}

/** Relative paths stay relative (resolved against the run's working directory); separators become "/". */
function toUri(file: string): string {
  return file
    .split(/[\\/]/)
    .map((part) => encodeURIComponent(part))
    .join('/');
}
