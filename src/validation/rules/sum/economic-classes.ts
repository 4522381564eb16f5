import type { AmountRow, AmountTable } from '../../model';
import { compareSum } from '../shared/compare';
import { defineRule, ruleOptions } from '../types';

export const economicClassesRule = defineRule({
  id: 'sum/economic-classes',
  defaultSeverity: 'warning',
  meta: {
    name: { 'zh-CN': '人员经费、公用经费与经济分类不符', 'en-US': '人员经费/公用经费 ≠ their 经济分类' },
    description: {
      'zh-CN':
        '按经济分类列示、分人员经费和公用经费的基本支出表：人员经费合计 = 301 工资福利支出 + 303 对个人和家庭的补助，公用经费合计 = 302 商品和服务支出 + 310 资本性支出（各类归属按配置）。表中有归属未配置的类时不核对。',
      'en-US':
        'In a 基本支出 table by 经济分类 with 人员经费 and 公用经费 columns: 人员经费 = 301 + 303 and 公用经费 = 302 + 310 (the classes as configured). A table with a class configured as neither is not checked.',
    },
    why: {
      'zh-CN': '人员经费与公用经费的划分以经济分类为准；两者与类级科目对不上，说明某些款列错了栏，或合计行漏改。',
      'en-US':
        'The 人员/公用 split follows the 经济分类; when it does not match the classes, some lines sit in the wrong column or the total was not updated.',
    },
    messages: {
      mismatch: {
        'zh-CN': '{subject}为 {total}，但{parts}为 {sum}，相差 {diff}',
        'en-US': '{subject} is {total}, but {parts} is {sum} (difference {diff})',
      },
      'blank-total': {
        'zh-CN': '{subject}未填写，但{parts}为 {sum}',
        'en-US': '{subject} is blank, but {parts} is {sum}',
      },
    },
    examples: {
      fail: '人员经费合计 240.79 万元，301 工资福利支出 230.79 + 303 对个人和家庭的补助 0',
      pass: '人员经费 22,826,756 = 301 工资福利支出 22,109,516 + 303 对个人和家庭的补助 717,240',
    },
    basis: {
      'zh-CN':
        '财预〔2016〕143号 一般公共预算基本支出表说明：人员经费包括工资福利支出和对个人和家庭的补助，公用经费包括商品和服务支出、资本性支出等（《政府收支分类科目》部门预算支出经济分类）。',
      'en-US':
        '财预〔2016〕143号, the 基本支出 table: 人员经费 are 工资福利支出 and 对个人和家庭的补助; 公用经费 are 商品和服务支出, 资本性支出 and the like (the 部门预算支出经济分类).',
    },
    options: ruleOptions('personnelClasses', 'publicCostClasses', 'tolerance', 'roundingUnit'),
  },
  check(context) {
    const { personnelClasses, publicCostClasses } = context.options;
    for (const table of context.model.tables) {
      if (table.kind !== 'amounts' || table.block || table.layout !== 'code') continue;
      const whole = onlyColumn(table, 'total') ?? onlyColumn(table, 'basic');
      const personnel = onlyColumn(table, 'personnel');
      const publicCost = onlyColumn(table, 'publicCost');
      if (whole === undefined || personnel === undefined || publicCost === undefined) continue;
      const totals = table.rows.filter((r) => r.kind === 'total');
      const total = totals[totals.length - 1];
      // The 类 rows (301 工资福利支出); a table that lists only 款 (30101 基本工资 …) is added up by its 类.
      const classRows = table.rows.filter((r) => r.kind === 'item' && r.code?.length === 3);
      const classes =
        classRows.length > 0 ? classRows : table.rows.filter((r) => r.kind === 'item' && r.code?.length === 5);
      if (!total || classes.length === 0 || !classes.every((r) => /^[35]/.test(r.code!))) continue;
      const known = new Set([...personnelClasses, ...publicCostClasses]);
      // A class of no configured side (399 其他支出): which column it belongs in cannot be told.
      if (classes.some((r) => !known.has(classOf(r)) && hasAmount(r, whole))) continue;
      for (const [column, wanted, name] of [
        [personnel, personnelClasses, { 'zh-CN': '人员经费', 'en-US': '人员经费' }],
        [publicCost, publicCostClasses, { 'zh-CN': '公用经费', 'en-US': '公用经费' }],
      ] as const) {
        const parts = classes.filter((r) => wanted.includes(classOf(r)));
        const named = parts.map((r) => `${r.code!} ${r.label?.text ?? ''}`.trim()).join(' + ') || wanted.join(' + ');
        const partsLabel =
          classRows.length > 0
            ? { 'zh-CN': `经济分类 ${named}`, 'en-US': `the 经济分类 classes ${named}` }
            : {
                'zh-CN': `经济分类 ${wanted.join('、')} 类下各款`,
                'en-US': `the 款 of the classes ${wanted.join(', ')}`,
              };
        const totalLabel = total.label?.text.replace(/\s+/g, '') ?? '合计';
        compareSum(context, {
          totalAt: { sheet: table.sheet, row: total.row, col: column },
          total: total.amounts.get(column),
          parts: parts.map((r) => r.amounts.get(whole)),
          subject: {
            'zh-CN': `“${totalLabel}”行的${name['zh-CN']}`,
            'en-US': `${name['en-US']} of the “${totalLabel}” row`,
          },
          partsLabel,
          tableId: table.id,
          unverifiable: hasError(total, column) || parts.some((r) => hasError(r, whole)),
        });
      }
    }
  },
});

function onlyColumn(table: AmountTable, role: AmountTable['columns'][number]['role']): number | undefined {
  const columns = table.columns.filter((c) => c.role === role);
  return columns.length === 1 ? columns[0]!.col : undefined;
}

function classOf(row: AmountRow): string {
  return row.code!.slice(0, 3);
}

function hasAmount(row: AmountRow, col: number): boolean {
  const value = row.amounts.value(col);
  return value !== null && value !== undefined && !value.isZero();
}

function hasError(row: AmountRow, col: number): boolean {
  return row.errorColumns.has(col);
}
