/**
 * Metamorphic properties of the sum and weight rules on generated, well-formed tables:
 * a table whose numbers add up gets no finding; changing one leaf is found at the leaf's row
 * total and at its parent, as a mismatch or as rounding depending on the size of the change.
 */
import Decimal from 'decimal.js';
import fc from 'fast-check';
import type { CellValue } from '../src/validation';
import { check, gridOf, ofFamily, where } from './helpers';

interface Leaf {
  code: string;
  basic: Decimal;
  project: Decimal;
}

const cents = fc.integer({ min: 0, max: 5_000_000 }).map((n) => new Decimal(n).div(100));
const codeStyle = fc.constantFrom('plain', 'spaced', 'dashed');

const hierarchyArb = fc.array(
  fc.array(fc.array(fc.record({ basic: cents, project: cents }), { minLength: 1, maxLength: 3 }), {
    minLength: 1,
    maxLength: 3,
  }),
  { minLength: 1, maxLength: 4 },
);

function writeCode(code: string, style: string): string {
  const parts = [code.slice(0, 3), code.slice(3, 5), code.slice(5, 7)].filter((p) => p !== '');
  return style === 'spaced' ? parts.join(' ') : style === 'dashed' ? parts.join('-') : code;
}

function buildTable(classes: { basic: Decimal; project: Decimal }[][][], style: string, totalFirst: boolean) {
  const rows: CellValue[][] = [];
  const leaves: (Leaf & { row: number })[] = [];
  const body: { code: string; basic: Decimal; project: Decimal }[] = [];
  let totalBasic = new Decimal(0);
  let totalProject = new Decimal(0);
  classes.forEach((sections, i) => {
    const classCode = String(201 + i);
    const classRow = { code: classCode, basic: new Decimal(0), project: new Decimal(0) };
    body.push(classRow);
    sections.forEach((items, j) => {
      const sectionCode = `${classCode}${String(j + 1).padStart(2, '0')}`;
      const sectionRow = { code: sectionCode, basic: new Decimal(0), project: new Decimal(0) };
      body.push(sectionRow);
      items.forEach((item, k) => {
        const code = `${sectionCode}${String(k + 1).padStart(2, '0')}`;
        body.push({ code, ...item });
        sectionRow.basic = sectionRow.basic.plus(item.basic);
        sectionRow.project = sectionRow.project.plus(item.project);
      });
      classRow.basic = classRow.basic.plus(sectionRow.basic);
      classRow.project = classRow.project.plus(sectionRow.project);
    });
    totalBasic = totalBasic.plus(classRow.basic);
    totalProject = totalProject.plus(classRow.project);
  });
  rows.push(['科目编码', '科目名称', '合计', '基本支出', '项目支出']);
  const totalRow: CellValue[] = [
    '合计',
    null,
    totalBasic.plus(totalProject).toNumber(),
    totalBasic.toNumber(),
    totalProject.toNumber(),
  ];
  if (totalFirst) rows.push(totalRow);
  for (const line of body) {
    rows.push([
      writeCode(line.code, style),
      `科目${line.code}`,
      line.basic.plus(line.project).toNumber(),
      line.basic.toNumber(),
      line.project.toNumber(),
    ]);
    if (line.code.length === 7) leaves.push({ ...line, row: rows.length - 1 });
  }
  if (!totalFirst) rows.push(totalRow);
  return { rows, leaves, body };
}

test('a code table whose numbers add up gets no sum finding, in any code spelling, total first or last', () => {
  fc.assert(
    fc.property(hierarchyArb, codeStyle, fc.boolean(), (classes, style, totalFirst) => {
      const { rows } = buildTable(classes, style, totalFirst);
      const report = check(gridOf(rows as never));
      expect(report.tables).toHaveLength(1);
      expect(ofFamily(report, 'sum')).toEqual([]);
    }),
    { numRuns: 150 },
  );
});

test('changing one leaf’s 基本支出 is found at the leaf’s 合计 and at its parent’s 基本支出', () => {
  fc.assert(
    fc.property(
      hierarchyArb,
      codeStyle,
      fc.boolean(),
      fc.nat(),
      fc.integer({ min: 1, max: 1_000_000 }).filter((n) => n !== 0),
      (classes, style, totalFirst, pick, deltaCents) => {
        const { rows, leaves, body } = buildTable(classes, style, totalFirst);
        const leaf = leaves[pick % leaves.length]!;
        const delta = new Decimal(deltaCents).div(100);
        rows[leaf.row]![3] = leaf.basic.plus(delta).toNumber();
        const report = check(gridOf(rows as never));
        const parentCode = leaf.code.slice(0, 5);
        const parentRow = rows.findIndex(
          (r, i) => i > 0 && typeof r[0] === 'string' && r[0].replace(/[ -]/g, '') === parentCode,
        );
        const found = where(ofFamily(report, 'sum'));
        // The leaf's own row no longer adds across: a mismatch, or rounding when the change is within 0.005 per non-zero addend.
        const rowAddends = [leaf.basic.plus(delta), leaf.project].filter((v) => !v.isZero()).length;
        const rowKind = delta.lte(new Decimal('0.005').times(rowAddends)) ? 'rounding' : 'row-total';
        expect(found).toContain(`sum/${rowKind} Sheet1!C${leaf.row + 1}`);
        // Only non-zero amounts count as addends that may carry a rounding residue.
        const siblings = body.filter(
          (b) =>
            b.code.length === 7 &&
            b.code.startsWith(parentCode) &&
            !(b.code === leaf.code ? leaf.basic.plus(delta) : b.basic).isZero(),
        ).length;
        const parentKind = delta.lte(new Decimal('0.005').times(siblings)) ? 'rounding' : 'hierarchy';
        expect(found).toContain(`sum/${parentKind} Sheet1!D${parentRow + 1}`);
        // Nothing is reported anywhere else in the 基本支出 column.
        const elsewhere = ofFamily(report, 'sum').filter(
          (f) => f.cell.startsWith('D') && f.cell !== `D${parentRow + 1}`,
        );
        expect(elsewhere).toEqual([]);
      },
    ),
    { numRuns: 150 },
  );
});

test('a project whose weights add up to 100 passes; changing one weight is weight/sum at the project’s first weight', () => {
  fc.assert(
    fc.property(
      fc.array(fc.integer({ min: 1, max: 30 }), { minLength: 3, maxLength: 12 }),
      fc.nat(),
      fc.integer({ min: 1, max: 9 }),
      (raw, pick, change) => {
        const total = raw.reduce((a, b) => a + b, 0);
        const weights = raw.map((w) => Math.floor((w * 100) / total));
        weights[0] = weights[0]! + 100 - weights.reduce((a, b) => a + b, 0);
        const rows: CellValue[][] = [['一级指标', '二级指标', '三级指标', '指标值', '权重']];
        weights.forEach((w, i) => rows.push([i === 0 ? '产出指标' : null, '数量指标', `指标${i}`, '≥1个', w]));
        expect(ofFamily(check(gridOf(rows as never)), 'weight')).toEqual([]);
        const index = 1 + (pick % weights.length);
        rows[index]![4] = (rows[index]![4] as number) + change;
        const report = check(gridOf(rows as never));
        const expected = change === 0 ? [] : ['weight/sum Sheet1!E2'];
        expect(where(ofFamily(report, 'weight'))).toEqual(expected);
      },
    ),
    { numRuns: 150 },
  );
});
