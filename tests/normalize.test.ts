import Decimal from 'decimal.js';
import fc from 'fast-check';
import {
  cellAddress,
  columnIndex,
  columnLetters,
  compactCells,
  parseCellAddress,
  parseRangeAddress,
  quoteSheetName,
  rangeAddress,
} from '../src/validation/address';
import {
  isPlaceholderText,
  normalizeText,
  parseAmountText,
  parseNumberText,
  textKey,
} from '../src/validation/normalize';
import { parseCode } from '../src/validation/recognize/amounts';
import {
  comparatorOf,
  declaredScore,
  directionOf,
  formFieldOf,
  level1KindOf,
  level2KindOf,
} from '../src/validation/vocabulary';
import { toFullWidth } from './helpers';

describe('A1 addresses', () => {
  test.each([
    [0, 'A'],
    [25, 'Z'],
    [26, 'AA'],
    [701, 'ZZ'],
    [702, 'AAA'],
    [16383, 'XFD'],
  ])('column %i is %s', (index, letters) => {
    expect(columnLetters(index)).toBe(letters);
    expect(columnIndex(letters)).toBe(index);
  });

  test('cell and range addresses round-trip', () => {
    fc.assert(
      fc.property(fc.nat(1_048_575), fc.nat(16_383), fc.nat(1000), fc.nat(100), (row, col, height, width) => {
        expect(parseCellAddress(cellAddress(row, col))).toEqual({ row, col });
        const range = { top: row, left: col, bottom: row + height, right: Math.min(col + width, 16_383) };
        expect(parseRangeAddress(rangeAddress(range))).toEqual(range);
      }),
    );
  });

  test('bad addresses are rejected with the address in the message', () => {
    expect(() => parseCellAddress('A0')).toThrow('"A0"');
    expect(() => parseCellAddress('1A')).toThrow('"1A"');
    expect(() => columnIndex('ABCD')).toThrow('"ABCD"');
  });

  test('sheet names are quoted when Excel would quote them', () => {
    expect(quoteSheetName('基本支出表')).toBe('基本支出表');
    expect(quoteSheetName('Sheet 2')).toBe("'Sheet 2'");
    expect(quoteSheetName("O'Brien")).toBe("'O''Brien'");
    expect(quoteSheetName('A1')).toBe("'A1'");
  });

  test('compactCells turns runs of a column into ranges', () => {
    const cells = [5, 6, 7, 9, 10]
      .map((row) => ({ row, col: 10 }))
      .concat([
        { row: 3, col: 2 },
        { row: 5, col: 10 },
      ]);
    expect(compactCells(cells)).toEqual(['K6:K8', 'K10:K11', 'C4']);
  });
});

describe('normalization', () => {
  test('full-width ASCII, ideographic spaces and zero-width characters', () => {
    expect(normalizeText('　≥　３０万件　')).toBe('≥ 30万件');
    expect(normalizeText('５８２．０３')).toBe('582.03');
    expect(normalizeText('＞＝９８％')).toBe('>=98%');
    expect(normalizeText('a\u200bb\ufeff')).toBe('ab');
    expect(textKey('年度本级\n\n预算金额')).toBe('年度本级预算金额');
  });

  test('numbers stored as text', () => {
    expect(parseNumberText('1,234.50')?.toString()).toBe('1234.5');
    expect(parseNumberText('５８２．０３')?.toString()).toBe('582.03');
    expect(parseNumberText('　70')?.toString()).toBe('70');
    expect(parseNumberText('05')?.toString()).toBe('5');
    expect(parseNumberText('-.5')?.toString()).toBe('-0.5');
    for (const text of ['', '天', '2O', '≥30', '1,23', '30万元', '1.2.3', '……'])
      expect(parseNumberText(text)).toBeNull();
  });

  test('amounts with their unit', () => {
    expect(parseAmountText('582.03万元')).toEqual({ value: new Decimal('582.03'), unit: '万元' });
    expect(parseAmountText('864.3万')).toEqual({ value: new Decimal('864.3'), unit: '万元' });
    expect(parseAmountText('1,000元')).toEqual({ value: new Decimal('1000'), unit: '元' });
    expect(parseAmountText('（分级填报）')).toBeNull();
  });

  test('placeholders', () => {
    expect(isPlaceholderText('……')).toBe(true);
    expect(isPlaceholderText('...')).toBe(true);
    expect(isPlaceholderText('…… 1')).toBe(false);
  });

  test('any decimal written in full-width digits, with thousands separators or spaces parses to the same value', () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: 0n, max: 10n ** 15n }),
        fc.nat(99),
        fc.constantFrom('', '　', ' '),
        (whole, cents, pad) => {
          const plain = `${whole}.${String(cents).padStart(2, '0')}`;
          const grouped = `${whole.toLocaleString('en-US')}.${String(cents).padStart(2, '0')}`;
          const expected = new Decimal(plain);
          expect(parseNumberText(plain)?.equals(expected)).toBe(true);
          expect(parseNumberText(pad + toFullWidth(plain) + pad)?.equals(expected)).toBe(true);
          expect(parseNumberText(grouped)?.equals(expected)).toBe(true);
        },
      ),
    );
  });

  test('the parsers never throw, whatever the text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (text) => {
        normalizeText(text);
        parseNumberText(text);
        parseAmountText(text);
        parseCode(text);
        comparatorOf(text);
        directionOf(text);
        level1KindOf(text);
        level2KindOf(text);
        declaredScore(text);
        formFieldOf(text);
      }),
    );
  });
});

describe('vocabulary', () => {
  test('classification codes in their spellings', () => {
    expect(parseCode('2010301')).toBe('2010301');
    expect(parseCode('201 03 01')).toBe('2010301');
    expect(parseCode('201-03-01')).toBe('2010301');
    expect(parseCode('２０１．０３')).toBe('20103');
    expect(parseCode('30101 基本工资')).toBe('30101');
    expect(parseCode('合计')).toBeUndefined();
    expect(parseCode('20')).toBeUndefined();
  });

  test('一级/二级 names with aliases and scores', () => {
    expect(level1KindOf('产出指标(50分)')).toBe('output');
    expect(level1KindOf('成本指标（0-20）分')).toBe('cost');
    expect(level1KindOf('社会公众或服务对象满意度指标')).toBe('satisfaction');
    expect(level1KindOf('数量指标')).toBeUndefined();
    expect(level2KindOf('可持续影响\n指标')).toBe('sustainability');
    expect(declaredScore('产出指标（５０分）')).toBe(50);
    expect(declaredScore('成本指标(0-20)分')).toBeUndefined();
  });

  test('comparators', () => {
    expect(comparatorOf('＞＝')).toBe('≥');
    expect(comparatorOf('<=')).toBe('≤');
    expect(comparatorOf('定性')).toBe('定性');
    expect(comparatorOf('正向指标')).toBeUndefined();
    // Remembered answers are the same answers, asked again.
    expect(comparatorOf('＞＝')).toBe('≥');
    expect(comparatorOf('正向指标')).toBeUndefined();
  });

  test('directions', () => {
    expect(directionOf('正向指标')).toBe('positive');
    expect(directionOf('越高越好')).toBe('positive');
    expect(directionOf(' 反向 ')).toBe('negative');
    expect(directionOf('越小越好')).toBe('negative');
    expect(directionOf('中性')).toBeUndefined();
    expect(directionOf('')).toBeUndefined();
    expect(directionOf('反向指标')).toBe('negative');
  });

  test('form labels', () => {
    expect(formFieldOf('一、预算资金')).toBe('budgetFunds');
    expect(formFieldOf('其中：  一般公共预算')).toBe('generalBudget');
    expect(formFieldOf('当年预算 (万元)')).toBe('total');
    expect(formFieldOf('填报单位（盖章）')).toBe('unitLabel');
    expect(formFieldOf('该项目支出上级资金')).toBeUndefined();
  });
});
