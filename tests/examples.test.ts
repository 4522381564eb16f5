/**
 * The four seed documents (../shared/seeds), transcribed in scripts/examples/, written as real
 * .xlsx files and read back: every sum and weight defect listed in domain.md §5 is found at its
 * cell, and the tables that are correct get no sum or weight finding at all.
 */
import { EXAMPLE_WORKBOOKS } from '../scripts/examples';
import type { Report } from '../src/validation';
import { check, ofFamily, roundTrip, tempDir, where, withFolded } from './helpers';

const reports = new Map<string, Report>();

beforeAll(async () => {
  const dir = tempDir();
  for (const spec of EXAMPLE_WORKBOOKS) reports.set(spec.file.slice(0, 3), check(await roundTrip(spec, dir)));
});

/** Sum and weight findings, shown or folded into the finding of their cause. */
function sumAndWeight(seed: string): string[] {
  return where(withFolded(reports.get(seed)!).filter((f) => /^(sum|weight)\//.test(f.ruleId))).sort();
}

describe('seed 004 (重庆石柱 部门预算公开)', () => {
  test('every rounding-sized defect of domain.md §5 is a sum/rounding finding at its total', () => {
    const found = sumAndWeight('004');
    expect(found).toEqual(
      expect.arrayContaining([
        // 本年收入 471.53 + 上年结转 29.21 = 500.74 ≠ 收入合计 500.75
        'sum/rounding 财政拨款收支总表!B14',
        // 功能分类 类 rows sum to 500.74 ≠ 合计 500.75 (表二, 部门支出总表, 部门收支总表, 本年支出)
        'sum/rounding 一般公共预算支出表!C6',
        'sum/rounding 部门支出总表!C4',
        'sum/rounding 部门收支总表!D6',
        'sum/rounding 财政拨款收支总表!D5',
        // 基本支出 column: 类 rows 299.29 ≠ 299.30
        'sum/rounding 一般公共预算支出表!D6',
        'sum/rounding 部门支出总表!D4',
        // 人员经费 240.79 + 公用经费 58.50 = 299.29 ≠ 299.30 (row) and 301 + 302 (column)
        'sum/rounding 基本支出表!C6',
        // 工资福利 款 rows sum to 240.80 ≠ 240.79, in 总计 and in 人员经费
        'sum/rounding 基本支出表!C7',
        'sum/rounding 基本支出表!D7',
      ]),
    );
    expect(
      found.filter(
        (f) => f.startsWith('sum/') && !f.startsWith('sum/rounding') && !f.startsWith('sum/projects-untied'),
      ),
    ).toEqual([]);
  });

  test('the rounding findings say what was expected, in both languages', () => {
    const report = reports.get('004')!;
    const income = report.findings.find((f) => f.ruleId === 'sum/rounding' && f.cell === 'B14')!;
    expect(income.message).toContain('500.75');
    expect(income.message).toContain('500.74');
    expect(income.related).toEqual(['B5', 'B10']);
    // The 工资福利 款 residue (C7, -0.01) is the same residue as 合计's at C6: folded into it, its cells related.
    const basic = report.findings.find((f) => f.ruleId === 'sum/rounding' && f.sheet === '基本支出表')!;
    expect(basic.cell).toBe('C6');
    expect(basic.related).toEqual(expect.arrayContaining(['C7', 'C8:C16']));
    const wages = basic.folded!.find((f) => f.cell === 'C7')!;
    expect(wages.message).toContain('相差 -0.01');
    expect(basic.message).toContain('同一尾差还使 C7、D7 不平');
  });

  test('the seven 项目支出 tables tie to 2010306 政务公开审批: no cross-table finding for them', () => {
    const report = reports.get('004')!;
    expect(report.findings.filter((f) => f.ruleId === 'sum/projects-total')).toEqual([]);
    expect(report.findings.filter((f) => f.sheet === '项目支出绩效目标表' && /^(sum|weight)\//.test(f.ruleId))).toEqual(
      [],
    );
    // The supervising department's projects cannot be tied to anything here, and the checker says so.
    const untied = report.findings.filter((f) => f.ruleId === 'sum/projects-untied');
    expect(where(untied)).toEqual(['sum/projects-untied 一般性项目绩效目标表!B15']);
    expect(untied[0]!.data.sum).toBe('1697.78');
  });

  test('the 一般性项目 tables whose weights do not add up are reported, the others are not', () => {
    const weights = where(ofFamily(reports.get('004')!, 'weight'));
    expect(weights).toEqual(['weight/sum 一般性项目绩效目标表!C21', 'weight/sum 一般性项目绩效目标表!C157']);
  });

  test('every table of the workbook is recognized', () => {
    const report = reports.get('004')!;
    const kinds = report.tables.map((t) => `${t.sheet}:${t.kind}:${t.layout}`);
    expect(kinds).toEqual([
      '财政拨款收支总表:amounts:labels:income',
      '财政拨款收支总表:amounts:labels:expense',
      '一般公共预算支出表:amounts:code',
      '基本支出表:amounts:code',
      '三公经费:amounts:flat',
      '政府性基金:amounts:code',
      '部门收支总表:amounts:labels:income',
      '部门收支总表:amounts:labels:expense',
      '部门支出总表:amounts:code',
      '部门整体绩效目标表:indicators:form:department',
      ...Array(7).fill('一般性项目绩效目标表:indicators:form:project'),
      ...Array(7).fill('项目支出绩效目标表:indicators:form:project'),
    ]);
    expect(report.findings.filter((f) => f.ruleId === 'structure/unrecognized')).toEqual([]);
  });
});

describe('seed 003 (四川平武 flat list)', () => {
  test('weights per project: 91, 110 and 70 are errors at the project’s first weight; the 90s pass', () => {
    const report = reports.get('003')!;
    expect(sumAndWeight('003')).toEqual(
      [
        'weight/sum 项目支出绩效目标申报表!L14',
        'weight/sum 项目支出绩效目标申报表!L30',
        'weight/sum 项目支出绩效目标申报表!L37',
      ].sort(),
    );
    const actual = report.findings.filter((f) => f.ruleId === 'weight/sum').map((f) => f.data.actual);
    expect(actual).toEqual(['91', '110', '70']);
  });

  test('shifted rows are realigned: 综合管理 counts the weight that slid into 指标方向性, 外事工作 the ones in 度量单位', () => {
    const report = reports.get('003')!;
    const general = report.findings.find((f) => f.cell === 'L30')!;
    expect(general.related).toEqual(['L31:L33', 'M34']);
    const foreign = report.findings.find((f) => f.cell === 'L37')!;
    expect(foreign.related).toEqual(['K38:K40']);
  });

  test('the department total 97.20 equals the sum of its ten projects: no sum finding', () => {
    expect(ofFamily(reports.get('003')!, 'sum')).toEqual([]);
    const table = reports.get('003')!.tables[0]!;
    expect(table.projects).toHaveLength(10);
  });
});

describe('seed 000 (湖南双牌 forms)', () => {
  test('582.03 = 223.56 + 358.47 = Σ projects 232.03 + 126.44: no sum or weight finding', () => {
    expect(sumAndWeight('000')).toEqual([]);
    expect(reports.get('000')!.tables).toHaveLength(5);
  });
});

describe('seed 002 (湖南沅江 forms)', () => {
  test('864.3 = 367.6 + 496.7 passes; the six project tables (395) ≠ 项目支出 496.7 is found at the 项目支出 cell', () => {
    expect(sumAndWeight('002')).toEqual(['sum/projects-total 部门整体支出绩效目标表!D8']);
    const finding = reports.get('002')!.findings.find((f) => f.ruleId === 'sum/projects-total')!;
    expect(finding.data.sum).toBe('395.00');
    expect(finding.data.total).toBe('496.70');
    expect(finding.related).toHaveLength(6);
  });
});

test('English messages are rendered from the same findings', async () => {
  const spec = EXAMPLE_WORKBOOKS.find((s) => s.file.startsWith('003'))!;
  const report = check(await roundTrip(spec), { locale: 'en-US' });
  const message = report.findings.find((f) => f.ruleId === 'weight/sum')!.message;
  expect(message).toMatch(
    /^The indicator weights of “.+” add up to 91; expected 100 or 90 \(with 预算执行率 10 outside the table\)$/,
  );
});

test('every finding on a cell inside a recognized table is filed under that table (the pane groups by it)', async () => {
  const { parseRangeAddress, parseCellAddress } = await import('../src/validation/address');
  for (const seed of EXAMPLE_WORKBOOKS) {
    const report = check(await roundTrip(seed));
    let filed = 0;
    for (const finding of report.findings) {
      const { row, col } = parseCellAddress(finding.cell);
      const holders = report.tables.filter((t) => {
        const r = parseRangeAddress(t.range);
        return t.sheet === finding.sheet && row >= r.top && row <= r.bottom && col >= r.left && col <= r.right;
      });
      if (holders.length === 0) continue;
      expect({
        at: `${finding.sheet}!${finding.cell} ${finding.ruleId}`,
        filed: holders.some((t) => t.id === finding.tableId),
      }).toEqual({
        at: `${finding.sheet}!${finding.cell} ${finding.ruleId}`,
        filed: true,
      });
      filed++;
    }
    expect(filed).toBeGreaterThan(0);
  }
});
