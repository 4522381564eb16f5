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
  MessageBarTitle,
  ProgressBar,
  Radio,
  RadioGroup,
  Select,
  Text,
  ToggleButton,
} from '@fluentui/react-components';
import { useEffect, useMemo, useRef, useState } from 'react';
import { SEVERITIES, checkedSomething, type Finding, type Locale, type Report, type Severity } from '../validation';
import type { ReadScope } from '../office/adapter';
import type { PaneActions } from './actions';
import { TEMPLATES } from '../templates/definitions';
import { entriesOf, groupByTable, ruleNameOf, skippedSheets, sortFindings, type Group } from './findings';
import { STRINGS } from './i18n';
import { loadPreference, savePreference } from './preferences';
import { DEFAULT_SETTINGS, Settings, settingsToConfig, type SettingsInput } from './Settings';

const SEVERITY_COLOR: Record<Severity, 'danger' | 'warning' | 'informative'> = {
  error: 'danger',
  warning: 'warning',
  info: 'informative',
};

export interface AppProps {
  actions: PaneActions;
  locale: Locale;
  /** The scopes offered, the default first; the standalone page has no selection. */
  scopes?: readonly ReadScope[];
  /** The template gallery (in Excel only: it adds sheets to the open workbook). */
  showTemplates?: boolean;
  /** Check as soon as the pane appears and show the first problem (the standalone page, on opening a file). */
  autoCheck?: boolean;
  /** The pane's title (the standalone page has its own bar instead). */
  showTitle?: boolean;
}

/** The task pane: scope, check, counts, findings grouped by table, jump, highlight and clear. */
export function App({
  actions,
  locale,
  scopes = ['workbook', 'sheet', 'selection'],
  showTemplates = true,
  autoCheck = false,
  showTitle = true,
}: AppProps) {
  const t = STRINGS[locale];
  // The whole workbook unless the user chose otherwise last time: a check of one sheet can miss every table.
  const [scope, setScope] = useState<ReadScope>(() => {
    const saved = loadPreference('scope');
    const remembered = scopes.find((s) => s === saved);
    return remembered ?? (scopes.includes('workbook') ? 'workbook' : scopes[0]!);
  });
  const [report, setReport] = useState<Report | undefined>();
  /** Bumped by every check, so that the findings list opens all its groups again, new tables included. */
  const [checks, setChecks] = useState(0);
  const [busy, setBusy] = useState<{ done: number; total: number } | undefined>();
  const [error, setError] = useState<string | undefined>();
  const [only, setOnly] = useState<Severity | undefined>();
  const [query, setQuery] = useState('');
  const [selected, setSelected] = useState<Finding | undefined>();
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

  const select = (finding: Finding) => {
    setSelected(finding);
    run(() => actions.select(finding.sheet, finding.cell, finding.related));
  };

  const check = (then?: (report: Report) => void) => {
    run(async () => {
      setBusy({ done: 0, total: 0 });
      try {
        const result = await actions.check(
          scope,
          (done, total) => {
            setBusy({ done, total });
          },
          settingsResult.config,
        );
        setReport(result);
        setSelected(undefined);
        setChecks((n) => n + 1);
        then?.(result);
      } finally {
        setBusy(undefined);
      }
    });
  };

  // The standalone page checks a file as soon as it is opened and shows its first (worst) problem.
  const autoChecked = useRef(false);
  useEffect(() => {
    if (!autoCheck || autoChecked.current) return;
    autoChecked.current = true;
    check((result) => {
      const first = sortFindings(result)[0];
      if (first) select(first);
    });
  });

  const groups = useMemo(
    () => groupByTable(report, { only, query }, t.otherFindings, locale),
    [report, only, query, t.otherFindings, locale],
  );
  const checked = report ? checkedSomething(report) : false;
  const skipped = report ? skippedSheets(report) : [];

  return (
    <main style={{ padding: '0 12px 12px', display: 'flex', flexDirection: 'column', gap: 12 }} lang={locale}>
      {showTitle ? (
        <Text as="h1" size={500} weight="semibold" style={{ marginTop: 12 }}>
          {t.title}
        </Text>
      ) : (
        <div />
      )}
      <RadioGroup
        value={scope}
        onChange={(_, data) => {
          setScope(data.value as ReadScope);
          savePreference('scope', data.value);
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
      <Settings value={settings} onChange={setSettings} locale={locale} />
      {/* What is used while reading the list stays in view as the list scrolls. */}
      <div
        className="pane-controls"
        style={{
          position: 'sticky',
          top: 0,
          zIndex: 2,
          background: '#ffffff',
          display: 'flex',
          flexDirection: 'column',
          gap: 8,
          padding: '8px 0',
          borderBottom: report ? '1px solid #e0e0e0' : undefined,
        }}
      >
        <div style={{ display: 'flex', gap: 8, flexWrap: 'wrap' }}>
          <Button
            appearance="primary"
            onClick={() => {
              check();
            }}
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
        {report && checked && (
          <>
            <div style={{ display: 'flex', gap: 8, flexWrap: 'wrap' }} role="group" aria-label={t.severityFilter}>
              {SEVERITIES.map((severity) => (
                <ToggleButton
                  key={severity}
                  size="small"
                  checked={only === severity}
                  data-severity={severity}
                  onClick={() => {
                    setOnly(only === severity ? undefined : severity);
                  }}
                >
                  {t[severity]}
                  <Badge appearance="filled" color={SEVERITY_COLOR[severity]} style={{ marginLeft: 4 }}>
                    {report.summary[severity]}
                  </Badge>
                </ToggleButton>
              ))}
            </div>
            {only && (
              <div style={{ display: 'flex', gap: 8, alignItems: 'center' }} data-testid="only">
                <Text weight="semibold">{t.only(t.severityOne[only], report.summary[only])}</Text>
                <Button
                  size="small"
                  appearance="transparent"
                  onClick={() => {
                    setOnly(undefined);
                  }}
                >
                  {t.showAll}
                </Button>
              </div>
            )}
            <Input
              value={query}
              onChange={(_, data) => {
                setQuery(data.value);
              }}
              placeholder={t.search}
              aria-label={t.search}
            />
          </>
        )}
      </div>
      {busy && <ProgressBar value={busy.total > 0 ? busy.done / busy.total : undefined} aria-label={t.reading} />}
      {error && (
        <MessageBar intent="error">
          <MessageBarBody>
            {t.failed}: {error}
          </MessageBarBody>
        </MessageBar>
      )}
      {!report && !busy && <Text>{t.empty}</Text>}
      {report && !checked && (
        <MessageBar intent="warning" data-testid="nothing-checked">
          <MessageBarBody>
            <MessageBarTitle>{t.nothingChecked}</MessageBarTitle>
            {t.nothingCheckedHint}
            {skipped.length > 0 && <div>{t.skipped(skipped.join('、'))}</div>}
          </MessageBarBody>
        </MessageBar>
      )}
      {report && checked && (
        <>
          {report.findings.length === 0 && <Text>{t.clean}</Text>}
          {skipped.length > 0 && (
            <Text size={200} data-testid="skipped">
              {t.skipped(skipped.join('、'))}
            </Text>
          )}
          <FindingGroups key={checks} groups={groups} locale={locale} selected={selected} onSelect={select} />
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

interface FindingListProps {
  groups: Group[];
  locale: Locale;
  selected?: Finding | undefined;
  onSelect: (finding: Finding) => void;
}

/** Findings grouped by table, identical ones folded; clicking one selects its cell. */
export function FindingGroups({ groups, locale, selected, onSelect }: FindingListProps) {
  const t = STRINGS[locale];
  // One section per severity, errors first; in each, the tables holding findings of that severity.
  const sections = SEVERITIES.map((severity) => ({
    severity,
    groups: groups.filter((g) => g.severity === severity),
  })).filter((section) => section.groups.length > 0);
  return (
    <div className="findings" style={{ display: 'flex', flexDirection: 'column', gap: 4 }}>
      {sections.map((section) => (
        <section key={section.severity} data-section={section.severity}>
          <Text
            as="h2"
            size={300}
            weight="semibold"
            style={{ display: 'flex', gap: 6, alignItems: 'center', margin: '4px 0' }}
          >
            <SeverityLabel severity={section.severity} locale={locale} />
            {t.findingsOf(section.groups.reduce((n, g) => n + g.findings.length, 0))}
          </Text>
          <FindingSection groups={section.groups} locale={locale} selected={selected} onSelect={onSelect} />
        </section>
      ))}
    </div>
  );
}

function FindingSection({ groups, locale, selected, onSelect }: FindingListProps) {
  const t = STRINGS[locale];
  return (
    <Accordion multiple collapsible defaultOpenItems={groups.map((g) => g.key)}>
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
                  {entriesOf(project.findings).map((entry, i) =>
                    entry.kind === 'one' ? (
                      <FindingItem
                        key={`${entry.finding.sheet}!${entry.finding.cell}:${entry.finding.ruleId}:${i}`}
                        finding={entry.finding}
                        locale={locale}
                        selected={selected === entry.finding}
                        onSelect={onSelect}
                      />
                    ) : (
                      <SimilarItem
                        key={entry.key}
                        findings={entry.findings}
                        locale={locale}
                        selected={selected}
                        onSelect={onSelect}
                      />
                    ),
                  )}
                </ul>
              </div>
            ))}
          </AccordionPanel>
        </AccordionItem>
      ))}
    </Accordion>
  );
}

const ITEM_STYLE = {
  textAlign: 'left',
  justifyContent: 'flex-start',
  width: '100%',
  maxWidth: 'none',
  height: 'auto',
  minHeight: 32,
  padding: '4px 6px',
  fontWeight: 'normal',
} as const;

/** The address never overflows its chip, however long (AB1048576). */
const ADDRESS_STYLE = {
  flex: 'none',
  fontFamily: 'Consolas, "Courier New", monospace',
  fontSize: 12,
  padding: '0 4px',
  borderRadius: 4,
  background: '#f3f3f3',
  whiteSpace: 'nowrap',
} as const;

const SEVERITY_TEXT: Record<Severity, { color: string; background: string }> = {
  error: { color: '#ffffff', background: '#c50f1f' },
  warning: { color: '#4a2c00', background: '#fde08d' },
  info: { color: '#ffffff', background: '#0f6cbd' },
};

function SeverityLabel({ severity, locale }: { severity: Severity; locale: Locale }) {
  return (
    <span
      style={{
        ...SEVERITY_TEXT[severity],
        flex: 'none',
        fontSize: 12,
        padding: '0 4px',
        borderRadius: 4,
        whiteSpace: 'nowrap',
      }}
    >
      {STRINGS[locale].severityOne[severity]}
    </span>
  );
}

/** Severity, cell, the rule's short name (its id in the tooltip) and the message: in the text and the accessible name. */
function FindingItem({
  finding,
  locale,
  selected,
  onSelect,
}: {
  finding: Finding;
  locale: Locale;
  selected: boolean;
  onSelect: (finding: Finding) => void;
}) {
  const t = STRINGS[locale];
  const name = ruleNameOf(finding, locale);
  const colon = locale === 'zh-CN' ? '：' : ': ';
  return (
    <li
      data-finding={`${finding.sheet}!${finding.cell}`}
      data-cell={finding.cell}
      data-severity={finding.severity}
      // The selected finding stays in view below the sticky controls (after a check selects the first one too).
      style={{ scrollMarginTop: 180 }}
      ref={selected ? scrollIntoView : undefined}
    >
      <Button
        appearance="subtle"
        style={{ ...ITEM_STYLE, background: selected ? '#ebf3fc' : undefined }}
        aria-label={`${t.severityOne[finding.severity]} ${finding.cell} ${name}${colon}${finding.message}`}
        aria-current={selected || undefined}
        title={t.ruleId(finding.ruleId)}
        onClick={() => {
          onSelect(finding);
        }}
      >
        <span style={{ display: 'flex', flexDirection: 'column', gap: 2, minWidth: 0, width: '100%' }}>
          <span style={{ display: 'flex', gap: 6, alignItems: 'center', flexWrap: 'wrap' }}>
            <SeverityLabel severity={finding.severity} locale={locale} />
            <span style={ADDRESS_STYLE} className="finding-cell">
              {finding.cell}
            </span>
            <span style={{ fontWeight: 600 }} className="finding-rule">
              {name}
            </span>
          </span>
          {/* Cell text reaches the page as text, never as HTML. */}
          <span className="finding-message" style={{ overflowWrap: 'anywhere' }}>
            {finding.message}
          </span>
          {selected && finding.related.length > 0 && (
            <span style={{ fontSize: 12, color: '#616161' }} data-testid="related">
              {t.related}
              {colon}
              {finding.related.join(', ')}
            </span>
          )}
        </span>
      </Button>
    </li>
  );
}

/** The pane's sources compile without the DOM types too (tsconfig.json): the one DOM call they make, typed here. */
function scrollIntoView(element: unknown): void {
  (element as { scrollIntoView?: (options: object) => void } | null)?.scrollIntoView?.({ block: 'nearest' });
}

/** Identical findings of one rule in one table: one entry ("同类 40 处") that opens onto their cells. */
function SimilarItem({
  findings,
  locale,
  selected,
  onSelect,
}: {
  findings: Finding[];
  locale: Locale;
  selected?: Finding | undefined;
  onSelect: (finding: Finding) => void;
}) {
  const t = STRINGS[locale];
  const [open, setOpen] = useState(false);
  const first = findings[0]!;
  const name = ruleNameOf(first, locale);
  const colon = locale === 'zh-CN' ? '：' : ': ';
  return (
    <li data-similar={findings.length} data-severity={first.severity}>
      <Button
        appearance="subtle"
        style={ITEM_STYLE}
        aria-expanded={open}
        aria-label={`${t.severityOne[first.severity]} ${t.similar(findings.length)} ${name}${colon}${first.message}`}
        title={t.ruleId(first.ruleId)}
        onClick={() => {
          setOpen(!open);
        }}
      >
        <span style={{ display: 'flex', flexDirection: 'column', gap: 2, minWidth: 0, width: '100%' }}>
          <span style={{ display: 'flex', gap: 6, alignItems: 'center', flexWrap: 'wrap' }}>
            <SeverityLabel severity={first.severity} locale={locale} />
            <span style={ADDRESS_STYLE}>{t.similar(findings.length)}</span>
            <span style={{ fontWeight: 600 }}>{name}</span>
            <span aria-hidden>{open ? '▾' : '▸'}</span>
          </span>
          <span className="finding-message" style={{ overflowWrap: 'anywhere' }}>
            {first.message}
          </span>
        </span>
      </Button>
      {open && (
        <ul
          style={{ listStyle: 'none', margin: '0 0 4px 12px', padding: 0, display: 'flex', flexWrap: 'wrap', gap: 4 }}
        >
          {findings.map((finding, i) => (
            <li key={`${finding.sheet}!${finding.cell}:${i}`} data-member={finding.cell}>
              <Button
                size="small"
                appearance={selected === finding ? 'primary' : 'outline'}
                aria-label={`${t.severityOne[finding.severity]} ${finding.cell} ${name}${colon}${finding.message}`}
                onClick={() => {
                  onSelect(finding);
                }}
                style={{ minWidth: 0, fontFamily: 'Consolas, "Courier New", monospace' }}
              >
                {finding.cell}
              </Button>
            </li>
          ))}
        </ul>
      )}
    </li>
  );
}

export { groupByTable, type Group };
