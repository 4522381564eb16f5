import type { AmountTable } from '../../model';
import { DISCLOSURE_TABLES, type DisclosureTable, disclosureTableOf } from '../../vocabulary';
import { defineRule, ruleOptions } from '../types';

/** A workbook with fewer of the set's tables than this is no 公开 set (a lone 三公 表, a 收支总表 with a 说明). */
const MIN_TABLES_OF_A_SET = 3;

export const disclosureSetRule = defineRule({
  id: 'structure/disclosure-set',
  defaultSeverity: 'info',
  meta: {
    name: { 'zh-CN': '公开表不全', 'en-US': 'Disclosure set incomplete' },
    description: {
      'zh-CN':
        '部门预算公开表应成套：收支总表、收入总表、支出总表、财政拨款收支总表、一般公共预算支出表、一般公共预算基本支出表、一般公共预算“三公”经费支出表、政府性基金预算支出表（新模板另有国有资本经营预算支出表，由选项 disclosureTables 决定）；列出缺少的表。',
      'en-US':
        'A budget disclosure set holds the 8 standard tables (and, in newer templates, the 国有资本经营 table: option disclosureTables); the missing ones are named.',
    },
    why: {
      'zh-CN': '没有数据的表也须公开（附空表说明）；少一张表是公开检查中最常见的扣分项之一。',
      'en-US':
        'A table with no data is still disclosed, with a note; a missing table is a common finding of disclosure audits.',
    },
    messages: {
      missing: {
        'zh-CN': '本工作簿含 {found} 张预算公开表，缺少：{missing}',
        'en-US': 'The workbook holds {found} disclosure tables; missing: {missing}',
      },
    },
    examples: {
      fail: '收支总表、收入总表、支出总表、财政拨款收支总表、一般公共预算支出表、“三公”经费表（缺基本支出表、政府性基金表）',
      pass: '8 张表齐全，政府性基金预算支出表为空表并附说明',
    },
    basis: {
      'zh-CN': '财预〔2016〕143号 及各地部门预算公开模板：8 张公开表（无数据的表以空表形式公开）。',
      'en-US': '财预〔2016〕143号 and the provincial disclosure templates: the 8 tables, empty ones included.',
    },
    options: ruleOptions('disclosureTables'),
  },
  check(context) {
    const found = new Map<DisclosureTable, AmountTable>();
    for (const table of context.model.tables) {
      if (table.kind !== 'amounts' || table.block) continue;
      const kind = disclosureTableOf(table.title ?? table.sheet);
      if (kind && !found.has(kind)) found.set(kind, table);
    }
    const wanted = new Set<DisclosureTable>(context.options.disclosureTables);
    const required = DISCLOSURE_TABLES.filter((t) => wanted.has(t.kind));
    const present = required.filter((t) => found.has(t.kind));
    if (present.length < MIN_TABLES_OF_A_SET) return;
    const missing = required.filter((t) => !found.has(t.kind));
    if (missing.length === 0) return;
    const first = context.model.tables.find((t) => [...found.values()].includes(t as AmountTable))!;
    context.report({
      messageId: 'missing',
      data: { found: found.size, missing: missing.map((t) => t.name).join('、') },
      at: { sheet: first.sheet, row: first.range.top, col: first.range.left },
      tableId: first.id,
    });
  },
});
