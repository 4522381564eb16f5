/**
 * Every template filled with a correct example, as a clerk would: values typed into the input cells only,
 * every formula left to the spreadsheet program. The examples come from the seed filings (scripts/examples),
 * with weights added where a seed has none. Used by the LibreOffice test and by the template images script.
 */
import ExcelJS from 'exceljs';
import { renderPlan } from '../src/cli/template';
import { buildPlan } from '../src/templates/build';
import { templateById } from '../src/templates/definitions';
import { innerPoints, rowPoints, textPoints } from '../src/templates/look';

export type Indicator = [string, string, string, string, number | string, string, number, string];
type Value = string | number | null;

export interface IndicatorExample {
  kind: 'indicators';
  title: string;
  form: Record<string, Value>;
  indicators: Indicator[];
}
interface RowsExample {
  kind: 'rows';
  /** First row, then the row values from column A. */
  first: number;
  rows: Value[][];
}
interface CellsExample {
  kind: 'cells';
  cells: Record<string, Value>;
}
export type Example = IndicatorExample | RowsExample | CellsExample;

// 002 (湖南沅江): 业务培训费, 20 万元; weights added (the seed has none): 90, with 预算执行率 stated as 10.
const TRAINING: IndicatorExample = {
  kind: 'indicators',
  title: '2023年项目支出绩效目标表',
  form: {
    项目名称: '业务培训费',
    主管部门: '沅江市行政审批服务局',
    实施单位: '行政审批服务局',
    '其中：财政拨款（万元）': 20,
    '其他资金（万元）': 0,
    预算执行率权重: 10,
    年度绩效目标: '2023年确保大厅工作人员能够为群众带来更好的办事体验',
  },
  indicators: [
    ['产出指标', '数量指标', '培训人次', '≥', 260, '人次', 20, '正向指标'],
    ['产出指标', '质量指标', '培训对象覆盖率', '≥', 99, '%', 10, '正向指标'],
    ['产出指标', '时效指标', '培训完成及时性', '≥', 75, '%', 10, '正向指标'],
    ['成本指标', '经济成本指标', '业务培训费用', '≤', 15, '万元', 10, '反向指标'],
    ['效益指标', '经济效益指标', '提高行政职能运行率', '≥', 30, '%', 10, '正向指标'],
    ['效益指标', '社会效益指标', '对单位人才梯队建设的影响或提升程度', '≥', 90, '%', 20, '正向指标'],
    ['满意度指标', '服务对象满意度指标', '群众满意度', '≥', 98, '%', 10, '正向指标'],
  ],
};

export const TEMPLATE_EXAMPLES: Record<string, Example> = {
  'project-2021': TRAINING,
  // 000 (双牌政务中心), target values completed where the seed has only a unit; weights 90, 预算执行率 not stated.
  'project-legacy': {
    kind: 'indicators',
    title: '2023年项目支出绩效目标表',
    form: {
      项目名称: '政务中心内部管理',
      主管部门: '双牌政务中心',
      实施单位: '双牌政务中心',
      '其中：财政拨款（万元）': 232.03,
      '其他资金（万元）': 0,
      年度绩效目标: '政务中心及大厅正常运行',
    },
    indicators: [
      ['产出指标', '数量指标', '中心及大厅正常运行天数', '≥', 250, '天', 20, '正向指标'],
      ['产出指标', '质量指标', '24小时值班覆盖率', '=', 100, '%', 10, '正向指标'],
      ['产出指标', '时效指标', '咨询类2小时内答复率', '≥', 95, '%', 10, '正向指标'],
      ['产出指标', '成本指标', '预算范围内', '≤', 232.03, '万元', 10, '反向指标'],
      ['效益指标', '经济效益指标', '降低行政审批成本，提高非税收入', '定性', '显著', '', 10, '正向指标'],
      ['效益指标', '社会效益指标', '社会满意度提升', '≥', 90, '%', 10, '正向指标'],
      ['效益指标', '可持续影响指标', '提高政府形象', '定性', '持续提升', '', 10, '正向指标'],
      ['满意度指标', '服务对象满意度指标', '办事群众满意度提升', '≥', 90, '%', 10, '正向指标'],
    ],
  },
  // 000 双牌政务中心 as a whole: 582.03 = 582.03 (sources) = 223.56 + 358.47; weights 100.
  department: {
    kind: 'indicators',
    title: '2023年部门整体支出绩效目标表',
    form: {
      部门名称: '双牌政务中心',
      '一般公共预算（万元）': 582.03,
      '政府性基金拨款（万元）': 0,
      '其他资金（万元）': 0,
      '基本支出（万元）': 223.56,
      '项目支出（万元）': 358.47,
      整体绩效目标: '保障政务中心正常运转，提升政务服务水平',
    },
    indicators: [
      ['产出指标', '数量指标', '中心及窗口运转天数', '≥', 250, '天', 30, '正向指标'],
      ['产出指标', '质量指标', '信用办工作有效开展率', '≥', 95, '%', 20, '正向指标'],
      ['成本指标', '经济成本指标', '部门支出', '≤', 582.03, '万元', 10, '反向指标'],
      ['效益指标', '社会效益指标', '信息公开及时准确率', '≥', 98, '%', 20, '正向指标'],
      ['效益指标', '可持续影响指标', '信息公开全面性', '定性', '全面', '', 10, '正向指标'],
      ['满意度指标', '服务对象满意度指标', '群众满意度', '≥', 90, '%', 10, '正向指标'],
    ],
  },
  // 003 (四川平武): 网络问政管理及维护费, 1.00 万元, weights 90 (预算执行率 scored outside the list); the 成本指标
  // the 2021 framework requires is added (the seed has none), its 10 points taken from 维护及时率.
  'project-list': {
    kind: 'rows',
    first: 4,
    rows: [
      ['201-平武县人民政府办公室', null, 1, null],
      [
        null,
        '平武县政务网络工作中心网络问政管理及维护费（维修维护费）',
        1,
        '完成2023年度书记县长信箱回复办理工作',
        '产出指标',
        '质量指标',
        '信箱正常使用率',
        '≥',
        95,
        '%',
        20,
        '正向指标',
      ],
      [null, null, null, null, '满意度指标', '服务对象满意度指标', '受众群体满意度', '≥', 99, '%', 10, '正向指标'],
      [null, null, null, null, '产出指标', '数量指标', '维护信箱个数', '=', 120, '个', 10, '正向指标'],
      [null, null, null, null, '产出指标', '时效指标', '维护及时率', '定性', '优良中差', null, 10, '正向指标'],
      [null, null, null, null, '成本指标', '经济成本指标', '网络问政维护成本', '≤', 1, '万元', 10, '反向指标'],
      [null, null, null, null, '产出指标', '数量指标', '信箱正常使用时间', '=', 12, '月', 10, '正向指标'],
      [
        null,
        null,
        null,
        null,
        '效益指标',
        '社会效益指标',
        '畅通群众监督举报渠道',
        '定性',
        '优良中差',
        null,
        20,
        '正向指标',
      ],
    ],
  },
  // 004 表二: 类/款/项 with 基本支出 and 项目支出; every 合计 is the template's formula.
  'function-budget': {
    kind: 'rows',
    first: 6,
    rows: [
      ['201', '一般公共服务支出', null, 229.61, 188.45],
      ['20103', '政府办公厅（室）及相关机构事务', null, 229.61, 188.45],
      ['2010301', '行政运行', null, 229.61, null],
      ['2010306', '政务公开审批', null, null, 172.24],
      ['2010399', '其他政府办公厅（室）及相关机构事务支出', null, null, 16.21],
      ['208', '社会保障和就业支出', null, 36.81, 13],
      ['20802', '民政管理事务', null, null, 13],
      ['2080208', '基层政权建设和社区治理', null, null, 13],
      ['20805', '行政事业单位养老支出', null, 36.81, null],
      ['2080505', '机关事业单位基本养老保险缴费支出', null, 24.54, null],
      ['2080506', '机关事业单位职业年金缴费支出', null, 12.27, null],
    ],
  },
  // 经济分类 类/款 of a small unit's 基本支出: 人员经费 and 公用经费.
  'economic-basic': {
    kind: 'rows',
    first: 6,
    rows: [
      ['301', '工资福利支出', null, 150, null],
      ['30101', '基本工资', null, 80, null],
      ['30102', '津贴补贴', null, 50, null],
      ['30108', '机关事业单位基本养老保险缴费', null, 20, null],
      ['302', '商品和服务支出', null, null, 30],
      ['30201', '办公费', null, null, 10],
      ['30211', '差旅费', null, null, 8],
      ['30217', '公务接待费', null, null, 2],
      ['30299', '其他商品和服务支出', null, null, 10],
      ['303', '对个人和家庭的补助', null, 12, null],
      ['30305', '生活补助', null, 12, null],
    ],
  },
  // 三公: no travel abroad, no car purchase; 运行费 3.50, 接待费 1.20.
  sangong: { kind: 'rows', first: 5, rows: [[null, 0, null, 0, 3.5, 1.2]] },
  // 004 财政拨款收支总表: 471.53 + 29.21 = 500.74 on both sides.
  'fiscal-summary': {
    kind: 'cells',
    cells: {
      B6: 471.53,
      B10: 29.21,
      C6: '一般公共服务支出',
      E6: 418.06,
      C7: '社会保障和就业支出',
      E7: 49.81,
      C8: '卫生健康支出',
      E8: 12.43,
      C9: '住房保障支出',
      E9: 20.44,
    },
  },
};

/** A workbook holding the template `id`, filled with its example unless `blank` (formulas uncalculated). */
export function templateWorkbook(id: string, filled: boolean): ExcelJS.Workbook {
  const workbook = new ExcelJS.Workbook();
  const sheet = renderPlan(workbook, buildPlan(templateById(id)!));
  if (filled) fillExample(sheet, TEMPLATE_EXAMPLES[id]!);
  return workbook;
}

const rowOf = (sheet: ExcelJS.Worksheet, label: string): number => {
  const row = sheet.getColumn(1).values.findIndex((v) => v === label);
  if (row < 0) throw new Error(`${sheet.name}: no row labelled ${label}`);
  return row;
};

/** Types values into input cells only; a cell holding a formula is never overwritten. */
function put(sheet: ExcelJS.Worksheet, row: number, col: number, value: Value): void {
  if (value === null) return;
  const cell = sheet.getCell(row, col);
  if (cell.formula) throw new Error(`${sheet.name}!${cell.address} holds a formula; the example must not overwrite it`);
  cell.value = value;
}

export function fillExample(sheet: ExcelJS.Worksheet, example: Example): void {
  const rows = fillCells(sheet, example);
  fitRows(sheet, rows);
}

/**
 * Heights for the rows the example filled whose text wraps, as Excel and Calc fit a row to what a clerk types
 * (neither fits rows when it opens a file another program wrote). Rows already given a height keep it.
 */
function fitRows(sheet: ExcelJS.Worksheet, rows: Iterable<number>): void {
  for (const r of rows) {
    const row = sheet.getRow(r);
    if (row.height !== undefined) continue;
    let lines = 1;
    let size = 11;
    row.eachCell((cell) => {
      if (typeof cell.value !== 'string' || !cell.alignment?.wrapText || cell.isMerged) return;
      const width = innerPoints(sheet.getColumn(cell.col).width ?? 8.43, cell.alignment.indent ?? 0);
      size = cell.font?.size ?? size;
      lines = Math.max(lines, Math.ceil(textPoints(cell.value, size) / width));
    });
    if (lines > 1) row.height = rowPoints(lines, size);
  }
}

/** Fills the example's cells; returns the rows it filled. */
function fillCells(sheet: ExcelJS.Worksheet, example: Example): number[] {
  if (example.kind === 'cells') {
    for (const [address, value] of Object.entries(example.cells)) {
      const { row, col } = sheet.getCell(address).fullAddress;
      put(sheet, row, col, value);
    }
    return Object.keys(example.cells).map((address) => Number(sheet.getCell(address).row));
  }
  if (example.kind === 'rows') {
    example.rows.forEach((values, i) => {
      values.forEach((value, c) => {
        put(sheet, example.first + i, c + 1, value);
      });
    });
    return example.rows.map((_, i) => example.first + i);
  }
  sheet.getCell('A1').value = example.title;
  const filled: number[] = [];
  for (const [label, value] of Object.entries(example.form)) {
    filled.push(rowOf(sheet, label));
    put(sheet, rowOf(sheet, label), 2, value);
  }
  // The indicators typed over the guide rows from the top; the guide rows left over are cleared, as a clerk
  // deletes the ones they do not need.
  const header = rowOf(sheet, '一级指标');
  const total = rowOf(sheet, '权重合计');
  if (example.indicators.length > total - header - 1) throw new Error(`${sheet.name}: too many indicators`);
  for (let row = header + 1; row < total; row++) {
    const indicator = example.indicators[row - header - 1];
    for (let col = 1; col <= 8; col++) {
      const value = indicator?.[col - 1];
      sheet.getCell(row, col).value = value === undefined || value === '' ? null : value;
    }
    filled.push(row);
  }
  return filled;
}
