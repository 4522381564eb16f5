/**
 * The text rules in the RuleTester shape: for each rule, valid and invalid workbooks with the exact findings
 * of the text family (rule id, cell, message id). Every case also asserts what the reader read, so that a
 * "no findings" case cannot pass because nothing was read.
 */
import type { CellInput } from '../scripts/examples/types';
import { explainText, recognizeWorkbook, type Grid } from '../src/validation';
import { readWorkbookText } from '../src/validation/text';
import { check, gridOf, toFullWidth } from './helpers';

interface Case {
  name: string;
  grids: Grid[];
  /** "ruleId Sheet!A1 messageId" for every finding of the text family, in report order. */
  findings: string[];
  /** The kinds of statement the reader must have read (parts, share, change, ratio, count). */
  reads: string[];
}

/** A 情况说明 sheet: one paragraph per row in column A. */
function prose(...paragraphs: (string | null)[]): Grid {
  return gridOf(
    paragraphs.map((p) => [p]),
    { sheet: '情况说明' },
  );
}

function run(cases: Case[]): void {
  test.each(cases.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const report = check(c.grids);
    const text = report.findings
      .filter((f) => f.ruleId.startsWith('text/'))
      .map((f) => `${f.ruleId} ${f.sheet}!${f.cell} ${f.messageId}`);
    expect(text).toEqual(c.findings);
    const kinds = readWorkbookText(recognizeWorkbook(c.grids)).documents.flatMap((d) =>
      d.statements.map((s) => s.kind),
    );
    for (const kind of c.reads) expect(kinds).toContain(kind);
  });
}

describe('text/parts', () => {
  run([
    {
      name: 'invalid: 3 vehicles of which 2 + 1 + 1 (a list run past the point where it already added up; counts are never rounded)',
      grids: [
        prose('截至2023年12月31日，本部门共有车辆3辆，其中：一般公务用车2辆，执法执勤用车1辆，特种专业技术用车1辆。'),
      ],
      findings: ['text/parts 情况说明!A1 mismatch'],
      reads: ['parts'],
    },
    {
      name: 'invalid: “基本支出中，人员经费…，公用经费…” lists the parts of the 基本支出 named before',
      grids: [
        prose(
          '2024年部门支出预算500.75万元，其中：基本支出299.30万元，项目支出201.45万元。基本支出中，人员经费240.79万元，公用经费60.51万元。',
        ),
      ],
      findings: ['text/parts 情况说明!A1 mismatch'],
      reads: ['parts'],
    },
    {
      name: 'invalid: “基本支出包括人员经费…和公用经费…”',
      grids: [
        prose(
          '2024年部门支出预算500.75万元，其中：基本支出299.30万元，项目支出201.45万元。基本支出包括人员经费240.79万元和公用经费60.51万元。',
        ),
      ],
      findings: ['text/parts 情况说明!A1 mismatch'],
      reads: ['parts'],
    },
    {
      name: 'invalid: “基本支出299.30万元，主要包括人员经费…和公用经费…” (a complete composition)',
      grids: [prose('基本支出299.30万元，主要包括人员经费240.79万元和公用经费60.51万元。')],
      findings: ['text/parts 情况说明!A1 mismatch'],
      reads: ['parts'],
    },
    {
      name: 'valid: “基本支出中，人员经费…，公用经费…” that add up',
      grids: [
        prose(
          '2024年部门支出预算500.75万元，其中：基本支出299.30万元，项目支出201.45万元。基本支出中，人员经费240.79万元，公用经费58.51万元。',
        ),
      ],
      findings: [],
      reads: ['parts'],
    },
    {
      name: 'invalid: an ASCII full stop ends the sentence, so 其中 opens the list ("89.97 万元. 其中: …")',
      grids: [
        prose('本项目共完成预算资金 89.97 万元. 其中: 30 万元用于预算编制; 30 万元用于审计; 29.99 万元用于设计.'),
      ],
      findings: ['text/parts 情况说明!A1 mismatch'],
      reads: ['parts'],
    },
    {
      name: 'valid: a total after its parts (本年收入…，上年结转…，收入合计…)',
      grids: [prose('本年收入471.53万元，上年结转29.22万元，收入合计500.75万元。')],
      findings: [],
      reads: ['parts'],
    },
    {
      name: 'valid: a total named for other parts (“三公”经费合计) does not add up the amounts before it',
      grids: [prose('人员经费240.79万元，公用经费58.51万元，“三公”经费合计1.00万元。')],
      findings: [],
      reads: [],
    },
    {
      name: 'invalid: a total after its parts that is not their sum',
      grids: [prose('基本支出2,476,260.58元，项目支出469,500.00元，合计2,945,760.00元。')],
      findings: ['text/parts 情况说明!A1 mismatch'],
      reads: ['parts'],
    },
    {
      name: 'valid: after a complete list, an amount as large as the whole is another statement (…，支出预算500万元)',
      grids: [prose('2024年收入预算500万元，其中：财政拨款收入预算480万元，其他收入预算20万元，支出预算500万元。')],
      findings: [],
      reads: ['parts'],
    },
    {
      name: 'valid: an amount after a complete list, named otherwise, is not one of its parts',
      grids: [prose('基本支出800万元，其中：人员经费700万元，公用经费100万元，培训费20万元。')],
      findings: [],
      reads: ['parts'],
    },
    {
      name: 'valid: 90万元 = 30 + 30 + 30 (allocations)',
      grids: [prose('本项目共申请预算资金90万元。其中:30万元用于预算编制;30万元用于审计;30万元用于设计、规划、测绘。')],
      findings: [],
      reads: ['parts'],
    },
    {
      name: 'invalid: 89.97万元 whose parts add up to 89.99',
      grids: [prose('本项目共完成预算资金89.97万元。其中:30万元用于预算编制;30万元用于审计;29.99万元用于设计。')],
      findings: ['text/parts 情况说明!A1 mismatch'],
      reads: ['parts'],
    },
    {
      name: 'invalid: 基本支出 640.18 while its 人员经费 + 公用经费 make 604.18 (a complete composition)',
      grids: [prose('基本支出 640.18 万元，其中：人员经费 540.18 万元，公用经费 64.00 万元。')],
      findings: ['text/parts 情况说明!A1 mismatch'],
      reads: ['parts'],
    },
    {
      name: 'valid: a 其中 list that names only some parts is not a sum (收入 100, 其中 财政拨款 80)',
      grids: [prose('2024年收入预算 100 万元，其中：一般公共预算拨款收入 80 万元。')],
      findings: [],
      reads: ['parts'],
    },
    {
      name: 'valid: allocations under 其中 that leave some of the whole unallocated are not a sum',
      grids: [prose('项目资金 100 万元，其中：50 万元用于设备购置，30 万元用于人员培训。')],
      findings: [],
      reads: ['parts'],
    },
    {
      name: 'invalid: a list that says 分别为 names every part, so it must make the whole',
      grids: [prose('项目资金 100 万元，分别为：设备购置 50 万元、人员培训 30 万元。')],
      findings: ['text/parts 情况说明!A1 mismatch'],
      reads: ['parts'],
    },
    {
      name: 'valid: last year’s figure said to compare with is no part (“比上年 3 万元减少 1 万元”)',
      grids: [prose('“三公”经费 3 万元，其中：公务接待费 2 万元，比上年 3 万元减少 1 万元；公务用车运行费 1 万元。')],
      findings: [],
      reads: ['parts'],
    },
    {
      name: 'rounding: 500.75 = 299.30 + 201.46 (0.01 off, two rounded parts)',
      grids: [prose('一般公共预算支出 500.75 万元，其中：基本支出 299.30 万元，项目支出 201.46 万元。')],
      findings: ['text/rounding 情况说明!A1 parts'],
      reads: ['parts'],
    },
    {
      name: 'invalid over paragraphs: the (一)(二)(三) parts under "其中：" exceed the 三公 total',
      grids: [
        prose(
          '2025年“三公”经费预算数为0.95万元，与2024年预算持平。其中：',
          '（一）因公出国（境）费0万元，与2024年预算持平。',
          '（二）公务用车购置及运行费0.20万元，其中：公务用车购置费0万元；公务用车运行费0.20万元。',
          '（三）公务接待费0.95万元，与2024年预算持平。',
        ),
      ],
      findings: ['text/parts 情况说明!A1 mismatch'],
      reads: ['parts'],
    },
    {
      name: 'valid: thousands separators, full-width digits and 元/万元 mixed',
      grids: [
        prose(
          `支出预算 ${toFullWidth('125')} 万元，其中：基本支出 1,000,000 元，项目支出 ${toFullWidth('25.00')} 万元。`,
        ),
      ],
      findings: [],
      reads: ['parts'],
    },
  ]);
});

describe('text/share', () => {
  const paragraphs = (projectShare: string) => [
    '（二）按支出结构分类划分，分为基本支出预算和项目支出预算。',
    '1. 基本支出预算 2476260.58 元,占一般公共预算支出的84.06%。其中:',
    '工资福利支出预算 2016908.34 元,占基本支出预算81.45%。',
    '商品和服务支出预算 445372.24 元,占基本支出预算17.99%。',
    '对个人和家庭补助支出预算 13980 元,占基本支出预算0.56%。',
    `2. 项目支出 469500 元,占一般公共预算支出的 ${projectShare}。`,
  ];
  run([
    {
      name: 'valid: shares of a whole the parts make, and of the total the items are listed under',
      grids: [prose(...paragraphs('15.94%'))],
      findings: [],
      reads: ['share', 'parts'],
    },
    {
      name: 'invalid: 项目支出 469500 is 15.94% of 基本支出 + 项目支出, not 19.62%',
      grids: [prose(...paragraphs('19.62%'))],
      findings: ['text/share 情况说明!A6 mismatch'],
      reads: ['share'],
    },
    {
      name: 'rounding: 15.93% where the amounts give 15.938% (one unit in the last digit)',
      grids: [prose(...paragraphs('15.93%'))],
      findings: ['text/rounding 情况说明!A6 share'],
      reads: ['share'],
    },
    {
      name: 'valid: "占比" is a share of the total the item is listed under; 80.5% is 80.45 to one decimal',
      grids: [prose('基本支出 299.30 万元，其中：人员经费 240.79 万元，占比 80.5%；公用经费 58.51 万元，占比 19.5%。')],
      findings: [],
      reads: ['share'],
    },
    {
      name: 'invalid: a share in brackets after the amount ("60万元（占50%）")',
      grids: [prose('项目资金 100 万元，其中：设备购置 60 万元（占50%），人员培训 40 万元（占40%）。')],
      findings: ['text/share 情况说明!A1 mismatch'],
      reads: ['share', 'parts'],
    },
    {
      name: 'valid: a share of a base the text never states is not checked',
      grids: [prose('项目支出 201.45 万元，占部门预算总额的比例为 70.00%。')],
      findings: [],
      reads: ['share'],
    },
  ]);
});

describe('text/change', () => {
  run([
    {
      name: 'valid: the rate first, then the change (比2023年增长4.32%，增加20.75万元)',
      grids: [prose('2024年一般公共预算拨款支出500.75万元，比2023年增长4.32%，增加20.75万元。')],
      findings: [],
      reads: ['change'],
    },
    {
      name: 'valid: after the rate, a change named for something else is not the change it rates',
      grids: [prose('2024年一般公共预算拨款支出500.75万元，比2023年增长4.32%，其中基本支出增加10.00万元。')],
      findings: [],
      reads: [],
    },
    {
      name: 'invalid: the rate first, computed on this year (同比下降4.51%，减少22.60万元: 22.60 ÷ 523.35 = 4.32%)',
      grids: [prose('2024年一般公共预算拨款支出500.75万元，同比下降4.51%，减少22.60万元。')],
      findings: ['text/change 情况说明!A1 rate'],
      reads: ['change'],
    },
    {
      name: 'invalid: the change of an amount an earlier sentence of the paragraph gave (收入较上年增加…)',
      grids: [
        prose(
          '2024年收入预算总计500.75万元，其中：一般公共预算拨款收入471.53万元，上年结转29.22万元。收入较上年增加20.75万元，增长4.5%。',
        ),
      ],
      findings: ['text/change 情况说明!A1 rate'],
      reads: ['change'],
    },
    {
      name: 'valid: another year’s amount of that name is not the one that changed',
      grids: [prose('2023年收入预算总计480.00万元。2024年收入较上年增加20.75万元，增长4.5%。')],
      findings: [],
      reads: [],
    },
    {
      name: 'valid: last year’s amount stated, 14.00 − 2.00 = 12.00, 2 / 14 = 14.29%',
      grids: [prose('2024年“三公”经费预算12.00万元，较2023年预算14.00万元减少2.00万元，下降14.29%。')],
      findings: [],
      reads: ['change'],
    },
    {
      name: 'valid: “与上年14.00万元相比减少2.00万元” with no rate',
      grids: [prose('2024年“三公”经费预算12.00万元，与上年14.00万元相比减少2.00万元。')],
      findings: [],
      reads: ['change'],
    },
    {
      name: 'invalid: last year’s 15.00 − 2.00 is not this year’s 12.00',
      grids: [prose('2024年“三公”经费预算12.00万元，较2023年预算15.00万元减少2.00万元，下降14.29%。')],
      findings: ['text/change 情况说明!A1 previous'],
      reads: ['change'],
    },
    {
      name: 'valid: 328.7万元, 比2023年减少17.3万元, 下降5% (17.3 / 346)',
      grids: [prose('“三公”经费支出预算为328.7万元,比2023年预算减少17.3万元,下降5%。')],
      findings: [],
      reads: ['change'],
    },
    {
      name: 'invalid: 243.60, 比上年增加 12.40, 增长 5.10% (12.40 / 231.20 = 5.36%)',
      grids: [prose('项目支出 243.60 万元，比上年增加 12.40 万元，增长 5.10%。')],
      findings: ['text/change 情况说明!A1 rate'],
      reads: ['change'],
    },
    {
      name: 'invalid: an increase written as a fall',
      grids: [prose('基本支出 299.30 万元，比上年增加 80.57 万元，下降 36.83%。')],
      findings: ['text/change 情况说明!A1 direction'],
      reads: ['change'],
    },
    {
      name: 'rounding: 3.6% where 1.3 / 37 = 3.51% (one unit in the last digit)',
      grids: [prose('公务用车运行费35.7万元,比2023年预算减少1.3万元,下降3.6%。')],
      findings: ['text/rounding 情况说明!A1 change'],
      reads: ['change'],
    },
    {
      name: 'valid: a rate above 100 % (21500 / 10000 = 215%) and 元 change of a 万元 amount',
      grids: [
        prose(
          '资本性支出 31500 元，同比增加21500 元，增长 215%。公务接待费 1 万元，比 2022 年增加 5000 元，增长 100%。',
        ),
      ],
      findings: [],
      reads: ['change'],
    },
  ]);
});

describe('text/ratio', () => {
  run([
    {
      name: 'valid: 89.97 of 90 is 99.97%',
      grids: [prose('本项目年初预算数 90 万元。全年执行数 89.97 万元，完成年初预算的 99.97%。')],
      findings: [],
      reads: ['ratio'],
    },
    {
      name: 'invalid: the difference written as the rate (18.35%)',
      grids: [prose('本项目年初预算数 90 万元。全年执行数 71.65 万元，完成年初预算的 18.35%。')],
      findings: ['text/ratio 情况说明!A1 mismatch'],
      reads: ['ratio'],
    },
  ]);
});

describe('text/count', () => {
  run([
    {
      name: 'valid: 3 个 股室 named with 和',
      grids: [prose('本部门下设三个股室，分别为办公室、财务股和业务股。')],
      findings: [],
      reads: ['count'],
    },
    {
      name: 'invalid: 内设 7 个科室 naming 6',
      grids: [prose('内设 7 个科室：办公室、财务股、业务股、法规股、信息股、综合股。')],
      findings: ['text/count 情况说明!A1 mismatch'],
      reads: ['count'],
    },
    {
      name: 'valid: 项目共4个 and four parts that make the amount',
      grids: [
        prose(
          '2025年度，本单位编报绩效目标的项目共4个，涉及项目预算资金598.46万元。其中：中介机构服务费418.80万元，财政业务费10.00万元，信息化系统日常维护费166.66万元，援滇干部工作经费3.00万元。',
        ),
      ],
      findings: [],
      reads: ['count', 'parts'],
    },
    {
      name: 'invalid: 项目共5个 but the four parts listed make the whole amount',
      grids: [
        prose(
          '2025年度，本单位编报绩效目标的项目共5个，涉及项目预算资金598.46万元。其中：中介机构服务费418.80万元，财政业务费10.00万元，信息化系统日常维护费166.66万元，援滇干部工作经费3.00万元。',
        ),
      ],
      findings: ['text/count 情况说明!A1 mismatch'],
      reads: ['count', 'parts'],
    },
    {
      name: 'valid: 项目共5个 with only the main ones listed (they do not make the whole)',
      grids: [
        prose(
          '本单位项目共5个，涉及项目预算资金600万元。其中：中介机构服务费418.80万元，信息化系统日常维护费166.66万元。',
        ),
      ],
      findings: [],
      reads: ['count', 'parts'],
    },
    {
      name: 'valid: a list whose last item has 和 in its name ("商品和服务") counts either way',
      grids: [prose('支出按经济分类分为3类：工资福利支出、对个人和家庭的补助、商品和服务支出。')],
      findings: [],
      reads: ['count'],
    },
  ]);
});

describe('text/restated', () => {
  run([
    {
      name: 'valid: PDF-style prose (ASCII stops, “1 .” enumerators): each 其中 list keeps its own whole',
      grids: [
        prose(
          '1 . 基本支出预算 100 元, 占一般公共预算支出的 50 %. 其中:',
          '工资福利支出 60 元, 占基本支出预算 60 %.',
          '商品和服务支出 40 元, 占基本支出预算 40 %.',
          '2 . 项目支出 100 元, 占一般公共预算支出的 50 %. 其中:',
          '工资福利支出 30 元, 占项目支出预算 30 %.',
          '商品和服务支出 70 元, 占项目支出预算 70 %.',
        ),
      ],
      findings: [],
      reads: ['parts', 'share'],
    },
    {
      name: 'valid: 本年收入 (without 上年结转) is not 收入合计',
      grids: [prose('本年收入471.53万元，上年结转29.22万元，收入合计500.75万元。')],
      findings: [],
      reads: [],
    },
    {
      name: 'valid: 基本支出 stated twice with the same amount, in 元 and in 万元',
      grids: [
        prose(
          '基本支出 2476260.58 元，占比 84.06%。',
          '本年基本支出 247.63 万元，其中：人员经费 200 万元，公用经费 47.63 万元。',
        ),
      ],
      findings: [],
      reads: ['parts'],
    },
    {
      name: 'invalid: 项目支出 201.45 万元 and later 210.45 万元',
      grids: [
        prose(
          '2023年项目支出 201.45 万元，比上年减少 30.89 万元，下降 13.30%。',
          '2023年项目支出 210.45 万元，主要用于电子政务外网租赁等重点工作。',
        ),
      ],
      findings: ['text/restated 情况说明!A2 differs'],
      reads: ['change'],
    },
    {
      name: 'rounding: “三公”经费 1.27 and later 1.26 万元',
      grids: [
        prose('“三公”经费预算 1.27 万元，与上年持平。', '“三公”经费预算 1.26 万元，其中：公务接待费 1.26 万元。'),
      ],
      findings: ['text/rounding 情况说明!A2 restated'],
      reads: ['parts'],
    },
    {
      name: 'valid: 工资福利支出 of 基本支出 and of 项目支出 are different amounts',
      grids: [
        prose(
          '基本支出 100 万元，其中：工资福利支出 80 万元，商品和服务支出 20 万元。',
          '项目支出 50 万元，其中：工资福利支出 10 万元，商品和服务支出 40 万元。',
        ),
      ],
      findings: [],
      reads: ['parts'],
    },
  ]);
});

describe('text/note-fund', () => {
  const table = (title: string, note: string): Grid =>
    gridOf(
      [
        [title],
        ['单位：元'],
        ['科目编码', '科目名称', '合计', '基本支出', '项目支出'],
        ['合计', null, null, null, null],
        [note],
      ] as CellInput[][],
      { sheet: 'T7' },
    );
  const note = '注：本部门2025年无政府性基金预算财政拨款安排的预算，故本表为空表。';
  run([
    {
      name: 'invalid: a 国有资本经营 table whose empty-table note names 政府性基金',
      grids: [table('2025年部门国有资本经营预算支出功能分类预算表', note)],
      findings: ['text/note-fund T7!A5 other-fund'],
      reads: [],
    },
    {
      name: 'valid: the 政府性基金 table with the same note',
      grids: [table('2025年部门政府性基金预算支出功能分类预算表', note)],
      findings: [],
      reads: [],
    },
  ]);

  test('the valid case is a note under a recognized table (not a note the rule never saw)', () => {
    const model = recognizeWorkbook([table('2025年部门政府性基金预算支出功能分类预算表', note)]);
    expect(model.tables.map((t) => t.title)).toEqual(['2025年部门政府性基金预算支出功能分类预算表']);
    expect(model.texts.map((t) => t.text)).toContain(
      '注:本部门2025年无政府性基金预算财政拨款安排的预算,故本表为空表。',
    );
  });
});

describe('text/table', () => {
  /** A 三公 table (one row, figures by column) and a 一般公共预算 function table, in 万元. */
  const tables = (sanGongTotal: number, basic: number): Grid[] => [
    gridOf(
      [
        ['2024年一般公共预算“三公”经费支出表'],
        ['单位：万元'],
        ['合计', '因公出国(境)费', '公务用车购置及运行费', '公务接待费'],
        [sanGongTotal, 0, 10, sanGongTotal - 10],
      ],
      { sheet: '三公' },
    ),
    gridOf(
      [
        ['2024年一般公共预算支出表'],
        ['单位：万元'],
        ['科目编码', '科目名称', '合计', '基本支出', '项目支出'],
        ['合计', null, basic + 200, basic, 200],
        ['201', '一般公共服务支出', basic + 200, basic, 200],
      ],
      { sheet: '支出' },
    ),
  ];
  const text = prose(
    '2024年“三公”经费预算12.5万元，其中：因公出国（境）费0万元，公务用车购置及运行费10万元，公务接待费25000元。',
    '2024年一般公共预算财政拨款支出 500.00 万元，其中：基本支出 300.00 万元，项目支出 200.00 万元。',
  );
  run([
    {
      name: 'valid: the text quotes the 三公 table (元 and 万元) and the 一般公共预算 table',
      grids: [...tables(12.5, 300), text],
      findings: [],
      reads: ['parts'],
    },
    {
      name: 'invalid: the 三公 total and 基本支出 of the tables are other amounts than the text’s',
      grids: [...tables(13.5, 310), text],
      findings: [
        'text/table 情况说明!A1 differs',
        'text/table 情况说明!A1 differs',
        'text/table 情况说明!A2 differs',
        'text/table 情况说明!A2 differs',
      ],
      reads: ['parts'],
    },
    {
      name: 'valid: 基本支出 of no named fund is not compared with the 一般公共预算 table',
      grids: [...tables(12.5, 310), prose('基本支出 300.00 万元，项目支出 200.00 万元。')],
      findings: [],
      reads: [],
    },
  ]);

  test('the invalid case points at the text and lists the table cell', () => {
    const report = check([...tables(13.5, 310), text]);
    expect(
      report.findings
        .filter((f) => f.ruleId === 'text/table')
        .map((f) => `${f.cell} ${f.related.join(',')} ${f.message}`),
    ).toEqual([
      'A1 三公!A4 “2024年“三公”经费预算12.5万元,其中:因公出国(境)费0万元,公务用车购置及运行费10万元,公务接待费25000…”：“三公”经费预算写的是 12.5万元，表格（三公!A4）中为 13.50万元',
      'A1 三公!D4 “2024年“三公”经费预算12.5万元,其中:因公出国(境)费0万元,公务用车购置及运行费10万元,公务接待费25000…”：公务接待费写的是 25000元，表格（三公!D4）中为 35000.00元',
      'A2 支出!C4 “2024年一般公共预算财政拨款支出 500.00 万元,其中:基本支出 300.00 万元,项目支出 200.00 万元”：一般公共预算财政拨款支出写的是 500.00万元，表格（支出!C4）中为 510.00万元',
      'A2 支出!D4 “2024年一般公共预算财政拨款支出 500.00 万元,其中:基本支出 300.00 万元,项目支出 200.00 万元”：基本支出写的是 300.00万元，表格（支出!D4）中为 310.00万元',
    ]);
  });
});

describe('text/table: 机关运行经费 against the 三公 table’s own column', () => {
  const sanGong = (runningCost: number): Grid =>
    gridOf(
      [
        ['2024年“三公”经费和机关运行经费预算表'],
        ['单位：万元'],
        ['合计', '因公出国(境)费', '公务用车购置及运行费', '公务接待费', '机关运行经费'],
        [0.95, 0, 0, 0.95, runningCost],
      ],
      { sheet: '三公' },
    );
  const text = prose('2024年本部门机关运行经费预算为 229.43 万元。');
  run([
    { name: 'valid: the text quotes the column', grids: [sanGong(229.43), text], findings: [], reads: [] },
    {
      name: 'invalid: the column holds another amount',
      grids: [sanGong(219.43), text],
      findings: ['text/table 情况说明!A1 differs'],
      reads: [],
    },
  ]);

  test('the text writing the 元 figure as 万元 is unit/wan-yuan, not text/table', () => {
    const report = check([sanGong(229.43), prose('2024年本部门机关运行经费预算为 2294300 万元。')]);
    expect(report.findings.map((f) => `${f.ruleId} ${f.sheet}!${f.cell} ${f.related.join(',')}`)).toEqual([
      'unit/wan-yuan 情况说明!A1 三公!E4',
    ]);
  });
});

test('a sum is printed as the text writes its figures: with thousands separators when they have them', () => {
  const report = check([prose('基本支出2,476,260.58元，项目支出469,500.00元，合计2,945,760.00元。')]);
  expect(report.findings.map((f) => f.message)).toEqual([
    '“基本支出2,476,260.58元,项目支出469,500.00元,合计2,945,760.00元”：合计为 2,945,760.00元，所列各项（2,476,260.58元 + 469,500.00元）合计 2,945,760.58元，相差 0.58元',
  ]);
});

test('findings quote the sentence, point at the text cell and list the compared cells', () => {
  const report = check([
    prose(
      '1. 基本支出预算 2476260.58 元,占一般公共预算支出的84.06%。',
      '2. 项目支出 469500 元,占一般公共预算支出的 19.62%。',
    ),
  ]);
  const finding = report.findings.find((f) => f.ruleId === 'text/share')!;
  expect(finding.cell).toBe('A2');
  expect(finding.related).toEqual(['A1']);
  expect(finding.message).toBe(
    '“2. 项目支出 469500 元,占一般公共预算支出的 19.62%”：项目支出 469500元 ÷ 一般公共预算支出 2945760.58元（基本支出预算 + 项目支出） = 15.94%，文中写的是 19.62%',
  );
  const english = check([prose('项目支出 243.60 万元，比上年增加 12.40 万元，增长 5.10%。')], { locale: 'en-US' });
  expect(english.findings.map((f) => f.message)).toEqual([
    '“项目支出 243.60 万元,比上年增加 12.40 万元,增长 5.10%”: 项目支出 243.60万元, up 12.40万元 on last year, so last year was 231.20万元: a rise of 5.36%, but the text says 增长 5.10%',
  ]);
});

test('explainText lists the statements read and the numbers skipped, with why', () => {
  const model = recognizeWorkbook([
    prose('基本支出 299.30 万元，比上年增加 80.57 万元，增长 36.84%，较上年增长 5%。', '每年按照5万元/人/年安排。'),
  ]);
  expect(explainText(model)).toEqual([
    '情况说明!A1 读取 增减: 基本支出 299.30万元 +80.57万元 +36.84% (36.8354%) → 相符',
    '情况说明!A1 跳过: “较上年增长 5%” (只有增减率，没有增减额)',
    '情况说明!A2 跳过: “每年按照5万元” (单价或标准（每……、元/人）)',
  ]);
  expect(explainText(model, 'en-US')[1]).toBe(
    '情况说明!A1 skipped: “较上年增长 5%” (a rate without the amount of change)',
  );
});

/** A 项目支出绩效目标表 form: 资金总额 100 万元, the 年度目标 text in B4, and one deadline indicator in D7. */
function targetForm(target: string, deadline = '2023年12月31日前'): Grid {
  return gridOf(
    [
      ['2023年项目支出绩效目标表'],
      ['项目名称', '测试项目'],
      ['资金总额（万元）', 100],
      ['年度目标', target],
      ['一级指标', '二级指标', '三级指标', '指标值', '度量单位', '权重'],
      ['产出指标', '数量指标', '培训人数', '≥200', '人次', 50],
      ['', '时效指标', '完成时间', deadline, '', 50],
    ],
    { sheet: 'S' },
  );
}

describe.each([
  ['text/amount', '2023年投入100万元完成项目建设', undefined, []],
  ['text/amount', '2023年投入120万元完成项目建设', undefined, ['text/amount S!B4 differs']],
  ['text/year', '2023年完成项目建设', undefined, []],
  ['text/year', '2022年完成项目建设和人员培训', undefined, ['text/year S!B4 other-year']],
  ['text/year', '20233年完成项目建设', undefined, ['text/year S!B4 malformed']],
  ['text/year', '2023年完成项目建设', '2022年12月31日前', ['text/year S!D7 deadline']],
])('%s on a form target “%s” (deadline %s)', (rule, target, deadline, expected) => {
  test(`${expected.length === 0 ? 'valid' : 'invalid'}: ${expected.join(', ') || 'no finding'}`, () => {
    const grids = [targetForm(target, deadline)];
    // The form was read: its project, its budget and its 年度目标 text, so that "no finding" means checked.
    const table = recognizeWorkbook(grids).tables.find((t) => t.kind === 'indicators');
    expect(table?.kind === 'indicators' && table.projects[0]?.budget?.value.toString()).toBe('100');
    expect(table?.kind === 'indicators' && table.formTexts.map((t) => t.cell.text)).toContain(target);
    const findings = check(grids)
      .findings.filter((f) => f.ruleId === rule)
      .map((f) => `${f.ruleId} ${f.sheet}!${f.cell} ${f.messageId}`);
    expect(findings).toEqual(expected);
  });
});
