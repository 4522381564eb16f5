/**
 * What recognition made of a workbook, in words: per sheet, each table with its range, header rows, every
 * header column's path, role and the evidence for it, the row roles, the identities the sum rules check, and
 * what was left unrecognized. `budget-check --explain` prints it; it is how a user or a developer sees why a
 * finding is, or is not, there.
 */
import { cellAddress, columnLetters, qualifiedAddress, rangeAddress } from './address';
import type { AmountTable, IndicatorTable, RecognitionNote, Table, WorkbookModel } from './model';
import { compareTie, disclosureTiePairs, figureText, type TiePair } from './rules/shared/cross-table';

export function explainModel(model: WorkbookModel): string[] {
  const lines: string[] = [];
  for (const sheet of model.sheets) {
    const tables = model.tables.filter((t) => t.sheet === sheet);
    const notes = model.notes.filter((n) => n.sheet === sheet);
    lines.push(`工作表 Sheet “${sheet}”: ${tables.length} 个表格 table(s)`);
    for (const table of tables) lines.push(...explainTable(table).map((l) => `  ${l}`));
    for (const note of notes) lines.push(`  ${explainNote(note)}`);
    if (tables.length === 0 && notes.length === 0) lines.push('  （无数字，未识别表格 no numbers, no table）');
  }
  const ties = disclosureTiePairs(model);
  if (ties.length > 0) {
    lines.push('表间核对 Across tables:');
    for (const pair of ties) lines.push(`  ${explainTie(pair)}`);
  }
  return lines;
}

const TIE_OUTCOME = {
  equal: '相符 checks',
  rounding: '尾差 rounding',
  mismatch: '不符 mismatch',
  tenThousand: '相差 1 万倍 10,000× apart',
} as const;

/** "一般公共预算支出表的合计 表5!C6 500.75 万元 = 财政拨款收支总表中一般公共预算的支出 表4!E5 500.75 万元 → 相符". */
function explainTie(pair: TiePair): string {
  const where = (figure: TiePair['claim']) =>
    `${qualifiedAddress(figure.at.sheet, cellAddress(figure.at.row, figure.at.col))} ${figureText(figure)}`;
  const relation = pair.tie.relation === 'covers' ? '≥' : '=';
  return `${pair.tie.claim.name['zh-CN']} ${where(pair.claim)} ${relation} ${pair.tie.counterpart.name['zh-CN']} ${where(pair.counterpart)} → ${TIE_OUTCOME[compareTie(pair, 0)]}`;
}

function explainTable(table: Table): string[] {
  const header = table.headerRows.length
    ? `表头 header rows ${Math.min(...table.headerRows) + 1}–${Math.max(...table.headerRows) + 1}`
    : '';
  const title = table.title ? ` “${table.title}”` : '';
  const unit = table.moneyUnit ? `, 金额单位 ${table.moneyUnit}` : '';
  const lines: string[] = [];
  if (table.kind === 'indicators') {
    lines.push(
      `${table.purpose === 'self-evaluation' ? '绩效自评表 self-evaluation table' : '绩效指标表 indicator table'} ${rangeAddress(table.range)}${title} (${table.layout}/${table.scope}${unit}), ${header}`,
    );
  } else {
    const kind = table.block ? '表内金额块 block of a form' : '金额表 amount table';
    const side = table.side ? `, ${table.side === 'income' ? '收入侧 income side' : '支出侧 expense side'}` : '';
    lines.push(`${kind} ${rangeAddress(table.range)}${title} (${table.layout}${side}${unit}), ${header}`);
  }
  lines.push('  列 Columns:');
  for (const column of table.columnEvidence) {
    const path = column.path.length ? column.path.join(' › ') : '（无表头 no header）';
    const role = column.role ?? '—';
    lines.push(`    ${columnLetters(column.col)}: ${path} → ${role} (${column.why})`);
  }
  if (table.kind === 'indicators') lines.push(...explainIndicatorRows(table).map((l) => `  ${l}`));
  else lines.push(...explainAmountRows(table).map((l) => `  ${l}`));
  return lines;
}

function explainIndicatorRows(table: IndicatorTable): string[] {
  const lines: string[] = [];
  if (table.fundSourceColumns.length > 0) {
    lines.push(`资金来源列 fund sources: ${table.fundSourceColumns.map(columnLetters).join(', ')}`);
  }
  for (const field of table.form) {
    const amount = field.amount !== undefined ? ` = ${field.amount.toString()}${field.unit ?? ''}` : '';
    lines.push(`表头字段 form field ${field.field} “${field.label}” at ${cellAddress(field.row, field.col)}${amount}`);
  }
  for (const project of table.projects) {
    const weights = project.indicators.filter((i) => i.weight).length;
    const name = project.name?.text ?? '（未命名 unnamed）';
    const budget = project.budget ? `, 预算 budget ${project.budget.value.toString()}` : '';
    const execution = project.budgetExecutionWeight
      ? `, 预算执行率 ${project.budgetExecutionWeight.value.toString()} 分`
      : '';
    const total = project.weightTotal ? `, 合计行 total row ${project.weightTotal.value.toString()}` : '';
    lines.push(
      `项目 project “${name}”: 指标行 indicator rows ${project.firstRow + 1}–${project.lastRow + 1} (${project.indicators.length}, ${weights} 有权重 weighted)${budget}${execution}${total}`,
    );
    if (project.sources) {
      lines.push(
        `  预算 = Σ 资金来源 budget = Σ sources: ${project.sources.map((s) => s.value.toString()).join(' + ')}`,
      );
    }
    if (project.execution) {
      const e = project.execution;
      const cell = (c: { row: number; col: number; value: { toString(): string } } | undefined) =>
        c ? `${c.value.toString()} (${cellAddress(c.row, c.col)})` : '—';
      lines.push(
        `  预算执行 budget execution: 全年预算数 ${cell(e.budget)}, 全年执行数 ${cell(e.executed)}, 分值 ${cell(e.points)}, 执行率 ${e.rate ? `${cell(e.rate)}%` : '—'}, 得分 ${cell(e.score)}`,
      );
    }
    if (table.purpose === 'self-evaluation') {
      const scored = project.indicators.filter((i) => i.score).length;
      const total = project.scoreTotal ? `, 总分行得分 total score ${project.scoreTotal.value.toString()}` : '';
      lines.push(`  自评 self-evaluation: ${scored} 行有得分 rows scored${total}`);
    }
    for (const declared of project.declaredScores) {
      lines.push(
        `  ${declared.level}级分值 declared score “${declared.name.text}” = ${declared.score.value.toString()}`,
      );
    }
  }
  return lines;
}

function explainAmountRows(table: AmountTable): string[] {
  const lines: string[] = [];
  const counts = { total: 0, subtotal: 0, item: 0, partOf: 0, coded: 0 };
  for (const row of table.rows) {
    counts[row.kind]++;
    if (row.partOf) counts.partOf++;
    if (row.code) counts.coded++;
  }
  lines.push(
    `行 Rows: ${table.rows.length} (合计 total ${counts.total}, 小计 subtotal ${counts.subtotal}, 项目 item ${counts.item}, 其中 part-of ${counts.partOf}, 有科目编码 coded ${counts.coded})`,
  );
  const totals = table.rows.filter((r) => r.kind !== 'item');
  if (totals.length > 0) {
    lines.push(
      `合计行 total rows: ${totals.map((r) => `${r.row + 1}“${r.label?.text ?? ''}”`).join(', ')}` +
        (totals[0]!.row < (table.rows.find((r) => r.kind === 'item')?.row ?? Infinity)
          ? ' — 在上 on top'
          : ' — 在下 at the bottom'),
    );
  }
  const letters = (cols: number[]) => cols.map(columnLetters).join(' + ');
  for (const formula of table.rowFormulas) {
    lines.push(`每行核对 row identity: ${columnLetters(formula.total)} = ${letters(formula.parts)}`);
  }
  if (table.rows.some((r) => r.parent !== undefined)) {
    lines.push('层级核对 hierarchy: 上级 = Σ 下级 (parent = Σ children, by code or numbering)');
  }
  if (totals.length > 0) lines.push('合计核对 totals: 合计 = Σ 一级项目 (total = Σ top-level lines)');
  if (table.infoColumns.length > 0) {
    lines.push(
      `不相加的列 columns not added: ${table.infoColumns.map((c) => `${columnLetters(c.col)} ${c.header} (${c.kind})`).join(', ')}`,
    );
  }
  return lines;
}

function explainNote(note: RecognitionNote): string {
  switch (note.kind) {
    case 'unrecognized-range':
      return `未识别 unrecognized: ${rangeAddress(note.range)} 含 ${note.numbers} 个数字 numbers, 未检查 not checked`;
    case 'non-numeric-amount':
      return `非数字金额 non-numeric amount at ${cellAddress(note.row, note.col)} “${note.text}” (${note.column})`;
    case 'error-value':
      return `错误值 error value ${note.code} at ${cellAddress(note.row, note.col)}`;
    case 'no-table':
      return `未识别到可检查的表格 no table recognized: ${note.numbers} 个数字 numbers 未检查 not checked`;
  }
}
