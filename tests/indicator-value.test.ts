import Decimal from 'decimal.js';
import fc from 'fast-check';
import { isKnownUnit, parseIndicatorValue } from '../src/validation/indicator-value';
import { toFullWidth } from './helpers';

describe('指标值 parser', () => {
  test.each([
    ['≥30万件', 'quantitative', '≥', '30', '万件'],
    ['≤15万元', 'quantitative', '≤', '15', '万元'],
    ['≥98%', 'quantitative', '≥', '98', '%'],
    ['＞＝９８％', 'quantitative', '≥', '98', '%'],
    ['>= 95 %', 'quantitative', '≥', '95', '%'],
    ['不低于 90%', 'quantitative', '≥', '90', '%'],
    ['=1,000个', 'quantitative', '=', '1000', '个'],
    ['≥98', 'quantitative', '≥', '98', undefined],
    ['天', 'missing-number', undefined, undefined, '天'],
    ['≥ %', 'missing-number', '≥', undefined, '%'],
    ['天2', 'unparseable', undefined, undefined, undefined],
    ['优', 'qualitative', undefined, undefined, undefined],
    ['显著提升', 'qualitative', undefined, undefined, undefined],
    ['2023年12月前', 'date', undefined, undefined, undefined],
    ['每日16小时', 'quantitative', undefined, '16', '小时/日'],
    ['24小时内', 'quantitative', '≤', '24', '小时'],
    ['95%及以上', 'quantitative', '≥', '95', '%'],
    ['100%完成', 'quantitative', undefined, '100', '%'],
    ['区域内', 'qualitative', undefined, undefined, undefined],
    ['按时完成', 'qualitative', undefined, undefined, undefined],
    ['≥每月4次', 'quantitative', '≥', '4', '次/月'],
    ['……', 'empty', undefined, undefined, undefined],
    ['', 'empty', undefined, undefined, undefined],
  ])('%j', (text, kind, comparator, number, unit) => {
    const parsed = parseIndicatorValue({ value: text });
    expect(parsed.kind).toBe(kind);
    expect(parsed.comparator).toBe(comparator);
    expect(parsed.number?.toString()).toBe(number);
    expect(parsed.unit).toBe(unit);
  });

  test('separate comparator, unit and 定量/定性 columns', () => {
    expect(parseIndicatorValue({ value: '95', comparator: '≥', unit: '％' })).toMatchObject({
      kind: 'quantitative',
      comparator: '≥',
      unit: '%',
      ownUnit: undefined,
    });
    expect(parseIndicatorValue({ value: '优良中差', comparator: '定性' })).toMatchObject({
      kind: 'qualitative',
      declaredQualitative: true,
    });
    expect(parseIndicatorValue({ value: '3', valueType: '定量', unit: '次' })).toMatchObject({
      declaredQuantitative: true,
      unit: '次',
    });
    expect(parseIndicatorValue({ value: '≤156万', moneyContext: true }).unit).toBe('万元');
    expect(parseIndicatorValue({ value: '≤156万' }).unit).toBe('万');
  });

  test('comparator + number + unit, in any spelling, parses back to its parts', () => {
    const comparators: [string, string][] = [
      ['≥', '≥'],
      ['>=', '≥'],
      ['＞＝', '≥'],
      ['≤', '≤'],
      ['<=', '≤'],
      ['=', '='],
      ['', ''],
    ];
    const units = ['%', '万元', '元', '个', '人次', '天', '万件', '元/人', '万元/年', '平方米', 'Mbps', ''];
    fc.assert(
      fc.property(
        fc.constantFrom(...comparators),
        fc.nat(10_000_000),
        fc.nat(99),
        fc.constantFrom(...units),
        fc.boolean(),
        fc.constantFrom('', ' ', '　'),
        ([written, meant], whole, cents, unit, fullWidth, pad) => {
          const number = cents === 0 ? String(whole) : `${whole}.${String(cents).padStart(2, '0')}`;
          let text = `${pad}${written}${pad}${number}${pad}${unit}${pad}`;
          if (fullWidth) text = toFullWidth(text);
          const parsed = parseIndicatorValue({ value: text });
          expect(parsed.kind).toBe('quantitative');
          expect(parsed.comparator ?? '').toBe(meant);
          expect(parsed.number!.equals(new Decimal(number))).toBe(true);
          expect(parsed.unit ?? '').toBe(unit);
        },
      ),
    );
  });

  test('never throws; "unparseable" is a result, not an exception', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'binary' }),
        fc.option(fc.string()),
        fc.option(fc.string()),
        fc.boolean(),
        (value, comparator, unit, money) => {
          const parsed = parseIndicatorValue({
            value,
            comparator: comparator ?? undefined,
            unit: unit ?? undefined,
            moneyContext: money,
          });
          expect(['quantitative', 'missing-number', 'qualitative', 'date', 'empty', 'unparseable']).toContain(
            parsed.kind,
          );
          if (parsed.kind === 'quantitative') expect(parsed.number).toBeDefined();
        },
      ),
      { numRuns: 2000 },
    );
  });

  test('known units', () => {
    for (const unit of ['%', '万元', '元/人', '万元/年', '人次', '平方米', 'Mbps', '个/年'])
      expect(isKnownUnit(unit)).toBe(true);
    for (const unit of ['天2', '优良中差', '']) expect(isKnownUnit(unit)).toBe(false);
  });
});
