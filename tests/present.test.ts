/**
 * How findings are presented (src/validation/present.ts and the message helpers): one finding per cause, groups of
 * the same finding in one table, names without line-break spaces, messages that read as Chinese.
 */
import { formatMessage } from '../src/validation/messages';
import { displayName } from '../src/validation/normalize';
import { presentFindings } from '../src/validation/present';
import type { Finding } from '../src/validation';
import { check, gridOf } from './helpers';

const finding = (over: Partial<Finding>): Finding => ({
  ruleId: 'sum/rounding',
  severity: 'warning',
  sheet: 'S',
  cell: 'C6',
  message: 'm',
  messageId: 'rounding',
  data: {},
  related: [],
  tableId: 't1',
  ...over,
});

describe('one finding per cause', () => {
  test('rounding residues of one table that share a row or feed one another are one finding; others stay apart', () => {
    const shown = presentFindings(
      [
        finding({ cell: 'C6', related: ['C7', 'C12'] }),
        finding({ cell: 'D6', related: ['D7', 'D12'] }), // same row as C6
        finding({ cell: 'C7', related: ['C8:C11'] }), // a part of C6
        finding({ cell: 'C40', related: ['C41:C42'] }), // its own residue
        finding({ cell: 'C6', tableId: 't2' }), // another table
      ],
      'zh-CN',
    );
    expect(shown.map((f) => `${f.tableId} ${f.cell}`)).toEqual(['t1 C6', 't1 C40', 't2 C6']);
    expect(shown[0]!.related).toEqual(['C7', 'C12', 'D6', 'D7', 'D12', 'C8:C11']);
    expect(shown[0]!.folded!.map((f) => f.cell)).toEqual(['D6', 'C7']);
    expect(shown[0]!.message).toBe('m（同一尾差还使 D6、C7 不平）');
    expect(shown[1]!.folded).toBeUndefined();
  });

  test('a satisfaction floor or a cost above budget on rows copied from weights is folded; a "≥" on a cost is not', () => {
    const copied = finding({ ruleId: 'value/copied-weight', severity: 'error', cell: 'H12', related: ['H13:H20'] });
    const shown = presentFindings(
      [
        copied,
        finding({ ruleId: 'value/satisfaction-floor', cell: 'H15', messageId: 'low' }),
        finding({ ruleId: 'direction/cost-over-budget', cell: 'H12', messageId: 'above', related: ['B6'] }),
        finding({ ruleId: 'direction/cost-comparator', severity: 'error', cell: 'G12', messageId: 'greater-than' }),
        finding({ ruleId: 'value/satisfaction-floor', cell: 'H25', messageId: 'low' }), // not a copied row
      ],
      'zh-CN',
    );
    expect(shown.map((f) => `${f.ruleId} ${f.cell}`)).toEqual([
      'value/copied-weight H12',
      'direction/cost-comparator G12',
      'value/satisfaction-floor H25',
    ]);
    expect(shown[0]!.folded!.map((f) => `${f.ruleId} ${f.cell} ${f.messageId}`)).toEqual([
      'value/satisfaction-floor H15 low',
      'direction/cost-over-budget H12 above',
    ]);
    // H15 lies in H13:H20 already; the budget cell the cost was compared with is related too.
    expect(shown[0]!.related).toEqual(['H13:H20', 'B6']);
  });

  test('the same rule and message in one table form a group with its size; another table is another group', () => {
    const shown = presentFindings(
      [
        finding({ ruleId: 'value/incomplete', messageId: 'no-number', cell: 'E14' }),
        finding({ ruleId: 'value/incomplete', messageId: 'no-number', cell: 'E16' }),
        finding({ ruleId: 'value/incomplete', messageId: 'no-number', cell: 'E18' }),
        finding({ ruleId: 'value/incomplete', messageId: 'unparseable', cell: 'E20' }),
        finding({ ruleId: 'value/incomplete', messageId: 'no-number', cell: 'E9', tableId: 't2' }),
      ],
      'zh-CN',
    );
    expect(shown.map((f) => f.group?.count)).toEqual([3, 3, 3, undefined, undefined]);
    expect(new Set(shown.slice(0, 3).map((f) => f.group!.key)).size).toBe(1);
  });
});

describe('words', () => {
  test('names lose the spaces a line break left between Chinese characters; Latin words keep theirs', () => {
    expect(displayName('平武县政务网络 工作中心政务网 维护经费(邮电 费)')).toBe(
      '平武县政务网络工作中心政务网维护经费(邮电费)',
    );
    expect(displayName('新增100M网络\n带宽')).toBe('新增100M网络带宽');
    expect(displayName('Office  Supplies')).toBe('Office Supplies');
  });

  test('a number next to a Chinese character is spaced; a row number is not quoted as if it were a name', () => {
    expect(formatMessage('但{parts}为 {sum}', { parts: '2 个一级项目之和', sum: '1.00' })).toBe(
      '但 2 个一级项目之和为 1.00',
    );
    expect(formatMessage('“{name}”标为定性', { name: '第 28 行指标' })).toBe('第 28 行指标标为定性');
    expect(formatMessage('“{name}”标为定性', { name: '接收服务及时性' })).toBe('“接收服务及时性”标为定性');
  });

  test('a row total left blank says so, and a row without a label is named by its number', () => {
    const report = check(
      gridOf([
        ['科目名称', '合计', '基本支出', '项目支出'],
        ['一般公共服务支出', 30, 10, 20],
        [null, null, 5, 6],
      ]),
    );
    expect(report.tables).toHaveLength(1);
    const blank = report.findings.find((f) => f.messageId === 'blank-total');
    expect(blank?.message).toBe('第 3 行的合计未填写，但基本支出 + 项目支出为 11.00');
  });
});
