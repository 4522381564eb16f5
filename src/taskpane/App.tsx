import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Badge,
  Button,
  Input,
  MessageBar,
  MessageBarBody,
  ProgressBar,
  Radio,
  RadioGroup,
  Select,
  Text,
  ToggleButton,
} from '@fluentui/react-components';
import { useMemo, useState } from 'react';
import type { Finding, Locale, Report } from '../validation';
import type { ReadScope } from '../office/adapter';
import type { PaneActions } from './actions';
import { TEMPLATES } from '../templates/definitions';
import { parseCellAddress } from '../validation';
import { STRINGS } from './i18n';
import { DEFAULT_SETTINGS, Settings, settingsToConfig, type SettingsInput } from './Settings';

type Severity = Finding['severity'];
const SEVERITY_COLOR: Record<Severity, 'danger' | 'warning' | 'informative'> = {
  error: 'danger',
  warning: 'warning',
  info: 'informative',
};

export interface AppProps {
  actions: PaneActions;
  locale: Locale;
  /** The scopes offered; the standalone page has no selection. */
  scopes?: readonly ReadScope[];
  /** The template gallery (in Excel only: it adds sheets to the open workbook). */
  showTemplates?: boolean;
}

/** The task pane: scope, check, counts, findings grouped by table, jump, highlight and clear. */
export function App({ actions, locale, scopes = ['sheet', 'selection', 'workbook'], showTemplates = true }: AppProps) {
  const t = STRINGS[locale];
  const [scope, setScope] = useState<ReadScope>('sheet');
  const [report, setReport] = useState<Report | undefined>();
  /** Bumped by every check, so that the findings list opens all its groups again, new tables included. */
  const [checks, setChecks] = useState(0);
  const [busy, setBusy] = useState<{ done: number; total: number } | undefined>();
  const [error, setError] = useState<string | undefined>();
  const [shown, setShown] = useState<Record<Severity, boolean>>({ error: true, warning: true, info: true });
  const [query, setQuery] = useState('');
  const [templateId, setTemplateId] = useState(TEMPLATES[0]!.id);
  const [inserted, setInserted] = useState<string | undefined>();
  const [settings, setSettings] = useState<SettingsInput>(DEFAULT_SETTINGS);
  const settingsResult = settingsToConfig(settings, locale);

  /** Runs a pane action from an event handler: its failure is shown in the pane, never left unhandled. */
  const run = (action: () => Promise<void>): void => {
    setError(undefined);
    setInserted(undefined);
    action().catch((e: unknown) => {
      setError(e instanceof Error ? e.message : String(e));
    });
  };

  const check = () => {
    run(async () => {
      setBusy({ done: 0, total: 0 });
      try {
        setReport(
          await actions.check(
            scope,
            (done, total) => {
              setBusy({ done, total });
            },
            settingsResult.config,
          ),
        );
        setChecks((n) => n + 1);
      } finally {
        setBusy(undefined);
      }
    });
  };

  const groups = useMemo(
    () => groupByTable(report, shown, query, t.otherFindings),
    [report, shown, query, t.otherFindings],
  );

  return (
    <main style={{ padding: 12, display: 'flex', flexDirection: 'column', gap: 12 }} lang={locale}>
      <Text as="h1" size={500} weight="semibold">
        {t.title}
      </Text>
      <RadioGroup
        value={scope}
        onChange={(_, data) => {
          setScope(data.value as ReadScope);
        }}
        aria-label={t.scope}
        layout="horizontal"
      >
        {scopes.map((value) => (
          <Radio
            key={value}
            value={value}
            label={{ sheet: t.scopeSheet, selection: t.scopeSelection, workbook: t.scopeWorkbook }[value]}
          />
        ))}
      </RadioGroup>
      <div style={{ display: 'flex', gap: 8, flexWrap: 'wrap' }}>
        <Button
          appearance="primary"
          onClick={check}
          disabled={busy !== undefined || settingsResult.config === undefined}
        >
          {busy ? t.checking : t.check}
        </Button>
        <Button
          onClick={() => {
            if (report) run(() => actions.highlight(report));
          }}
          disabled={!report || report.findings.length === 0}
        >
          {t.highlight}
        </Button>
        <Button
          onClick={() => {
            run(() => actions.clear());
          }}
        >
          {t.clear}
        </Button>
      </div>
      <Settings value={settings} onChange={setSettings} locale={locale} />
      {busy && <ProgressBar value={busy.total > 0 ? busy.done / busy.total : undefined} aria-label={t.reading} />}
      {error && (
        <MessageBar intent="error">
          <MessageBarBody>
            {t.failed}: {error}
          </MessageBarBody>
        </MessageBar>
      )}
      {!report && !busy && <Text>{t.empty}</Text>}
      {report && (
        <>
          <div style={{ display: 'flex', gap: 8 }} role="group">
            {(['error', 'warning', 'info'] as const).map((severity) => (
              <ToggleButton
                key={severity}
                size="small"
                checked={shown[severity]}
                onClick={() => {
                  setShown({ ...shown, [severity]: !shown[severity] });
                }}
              >
                {t[severity]}{' '}
                <Badge appearance="filled" color={SEVERITY_COLOR[severity]} style={{ marginLeft: 4 }}>
                  {report.summary[severity]}
                </Badge>
              </ToggleButton>
            ))}
          </div>
          <Input
            value={query}
            onChange={(_, data) => {
              setQuery(data.value);
            }}
            placeholder={t.search}
            aria-label={t.search}
          />
          {report.findings.length === 0 && <Text>{t.clean}</Text>}
          <FindingGroups
            key={checks}
            groups={groups}
            locale={locale}
            onSelect={(finding) => {
              run(() => actions.select(finding.sheet, finding.cell));
            }}
          />
        </>
      )}
      {showTemplates && (
        <section
          aria-label={t.templates}
          style={{ display: 'flex', flexDirection: 'column', gap: 8, borderTop: '1px solid #e0e0e0', paddingTop: 12 }}
        >
          <Text weight="semibold">{t.templates}</Text>
          <div style={{ display: 'flex', gap: 8 }}>
            <Select
              value={templateId}
              onChange={(_, data) => {
                setTemplateId(data.value);
              }}
              aria-label={t.templates}
              style={{ flex: 1, minWidth: 0 }}
            >
              {TEMPLATES.map((template) => (
                <option key={template.id} value={template.id}>
                  {template.description[locale]}
                </option>
              ))}
            </Select>
            <Button
              onClick={() => {
                run(async () => {
                  setInserted(await actions.insertTemplate(templateId));
                });
              }}
            >
              {t.insert}
            </Button>
          </div>
          {inserted && (
            <MessageBar intent="success">
              <MessageBarBody>{t.inserted(inserted)}</MessageBarBody>
            </MessageBar>
          )}
        </section>
      )}
    </main>
  );
}

/** Findings grouped by table; clicking one selects its cell. */
export function FindingGroups({
  groups,
  locale,
  onSelect,
}: {
  groups: Group[];
  locale: Locale;
  onSelect: (finding: Finding) => void;
}) {
  const t = STRINGS[locale];
  return (
    <Accordion className="findings" multiple collapsible defaultOpenItems={groups.map((g) => g.key)}>
      {groups.map((group) => (
        <AccordionItem key={group.key} value={group.key}>
          <AccordionHeader>
            {group.title} · {t.findingsOf(group.findings.length)}
          </AccordionHeader>
          <AccordionPanel>
            {(group.projects ?? [{ findings: group.findings }]).map((project, p) => (
              <div key={p}>
                {project.title && (
                  <Text as="h3" size={200} weight="semibold" style={{ display: 'block', margin: '6px 0 2px' }}>
                    {`${project.title} · ${t.findingsOf(project.findings.length)}`}
                  </Text>
                )}
                <ul style={{ listStyle: 'none', margin: 0, padding: 0 }}>
                  {project.findings.map((finding, i) => (
                    <li key={`${finding.sheet}!${finding.cell}:${finding.ruleId}:${i}`}>
                      <Button
                        appearance="subtle"
                        style={{ textAlign: 'left', justifyContent: 'flex-start', width: '100%' }}
                        onClick={() => {
                          onSelect(finding);
                        }}
                      >
                        <Badge color={SEVERITY_COLOR[finding.severity]} style={{ marginRight: 6 }}>
                          {finding.cell}
                        </Badge>
                        {/* Cell text reaches the page as text, never as HTML. */}
                        <span>{finding.message}</span>
                      </Button>
                    </li>
                  ))}
                </ul>
              </div>
            ))}
          </AccordionPanel>
        </AccordionItem>
      ))}
    </Accordion>
  );
}

export interface Group {
  key: string;
  title: string;
  findings: Finding[];
  /** For a table of several projects: its findings by project (rows outside every project come first, untitled). */
  projects?: { title?: string; findings: Finding[] }[];
}

/** Findings by table (in the report's table order), filtered by severity and search text. */
export function groupByTable(
  report: Report | undefined,
  shown: Record<Severity, boolean>,
  query: string,
  other: string,
): Group[] {
  if (!report) return [];
  const needle = query.trim().toLowerCase();
  const visible = report.findings.filter(
    (f) =>
      shown[f.severity] &&
      (needle === '' || `${f.sheet}!${f.cell} ${f.ruleId} ${f.message}`.toLowerCase().includes(needle)),
  );
  const groups = new Map<string, Group>();
  for (const table of report.tables)
    groups.set(table.id, { key: table.id, title: `${table.sheet} · ${table.title ?? table.range}`, findings: [] });
  const rest: Group = { key: '', title: other, findings: [] };
  for (const finding of visible)
    (finding.tableId ? (groups.get(finding.tableId) ?? rest) : rest).findings.push(finding);
  for (const table of report.tables) {
    const group = groups.get(table.id)!;
    const projects = (table.projects ?? []).filter((p) => p.rows !== undefined);
    if (projects.length > 1 && group.findings.length > 0) group.projects = byProject(group.findings, projects);
  }
  return [...groups.values(), rest].filter((g) => g.findings.length > 0);
}

function byProject(
  findings: Finding[],
  projects: { name?: string; rows?: string }[],
): { title?: string; findings: Finding[] }[] {
  const spans = projects.map((p, i) => {
    const [first, last] = p.rows!.split(':').map(Number);
    return { title: p.name ?? `#${i + 1}`, first: first!, last: last!, findings: [] as Finding[] };
  });
  const outside: Finding[] = [];
  for (const finding of findings) {
    const row = parseCellAddress(finding.cell).row + 1;
    (spans.find((s) => row >= s.first && row <= s.last)?.findings ?? outside).push(finding);
  }
  return [{ findings: outside }, ...spans].filter((s) => s.findings.length > 0);
}
