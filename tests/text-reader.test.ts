/**
 * The reader of budget prose (src/validation/text): numbers with their units, and the statements sentences
 * make. Sentences are written here in the style of 部门预算公开 情况说明 and 绩效目标 texts.
 */
import { readParagraph, tokenize, chineseNumber, type Token } from '../src/validation/text/reader';
import { readDocument, type DocumentReading, type Mention, type Statement } from '../src/validation/text/statements';
import { nameKey, quantityIdOf } from '../src/validation/text/quantities';
import { toFullWidth } from './helpers';

function tokenText(token: Token): string {
  if (token.type === 'quantity') {
    const base = token.kind === 'money' && token.unit !== '元' ? `=${token.base.toString()}元` : '';
    const flags = `${token.approximate ? ' ~' : ''}${token.perUnit ? ' /' : ''}`;
    return `${token.kind} ${token.value.toString()}${token.unit}${base}${flags}`;
  }
  if (token.type === 'percent') return `percent ${token.value.toString()}${token.approximate ? ' ~' : ''}`;
  return `${token.type} ${token.value.toString()}`;
}

const tokenCases: [string, string[]][] = [
  ['基本支出预算 2476260.58 元', ['money 2476260.58元']],
  ['预算数为0.95万元', ['money 0.95万元=9500元']],
  ['总投资 1.2 亿元', ['money 1.2亿元=120000000元']],
  ['单位：千元，合计 35 千元', ['money 35千元=35000元']],
  ['收入 1,234,567.89 元', ['money 1234567.89元']],
  ['854万(高标准农田建设400万元)', ['money 854万元=8540000元', 'money 400万元=4000000元']],
  [toFullWidth('469500') + '元，占' + toFullWidth('19.62%'), ['money 469500元', 'percent 19.62']],
  ['下降 0.2%，增长215%', ['percent 0.2', 'percent 215']],
  ['内设 7 个科室，人员 15 人，公益性岗位 13 名，车辆 2 辆', ['count 7个', 'count 15人', 'count 13名', 'count 2辆']],
  ['2024 年本年一般公共预算', ['year 2024']],
  ['截至2024年8月31日', ['year 2024', 'other 8', 'other 31']],
  ['石柱委办发〔2019〕10号', ['other 2019', 'other 10']],
  ['联系电话:16607326331', ['other 16607326331']],
  ['C25混凝土，厚15cm', ['other 25', 'other 15']],
  ['50024021T000000050446-电子政务外网', ['other 50024021', 'other 50446']],
  ['服务周期2023.07-2024.01', ['other 2023.07', 'other 2024.01']],
  ['年办件20万余件', ['other 20']],
  ['满意度达到95%以上', ['percent 95 ~']],
  ['约 30 万元', ['money 30万元=300000元 ~']],
  ['每年按照5万元/人/年', ['money 5万元=50000元 /']],
  ['补助标准为1600元/亩', ['money 1600元 /']],
  ['单价100万（含）以上设备', ['money 100万元=1000000元 ~ /']],
  ['第3项', ['other 3']],
  ['3个月内完成', ['other 3']],
  ['下降 2 个百分点', ['other 2']],
  ['占地300平方米', ['measure 300平方米']],
];

test.each(tokenCases)('tokens of %s', (text, expected) => {
  const normalized = readParagraph(text).text;
  expect(tokenize(normalized).map(tokenText)).toEqual(expected);
});

function mention(m: Mention): string {
  return m.quantity.text.replace(/\s+/g, '');
}

function statementText(s: Statement): string {
  switch (s.kind) {
    case 'parts':
      return `parts(${s.via}) ${mention(s.whole)} = ${s.parts.map(mention).join(' + ')}`;
    case 'share':
      return `share ${mention(s.subject)} of ${s.baseName ?? '(whole)'} ${s.percent.text.replace(/\s+/g, '')}`;
    case 'change':
      return `change ${mention(s.subject)} ${s.direction === 'up' ? '+' : '-'}${mention({ ...s.subject, quantity: s.delta })}${
        s.rate ? ` ${s.rateDirection === 'up' ? '+' : '-'}${s.rate.text.replace(/\s+/g, '')}` : ''
      }`;
    case 'ratio':
      return `ratio ${mention(s.subject)} of ${s.baseName} ${s.percent.text.replace(/\s+/g, '')}`;
    case 'count':
      return `count ${s.count} [${s.items.join(',')}]`;
  }
}

function read(...paragraphs: string[]): DocumentReading {
  return readDocument(
    paragraphs.map((raw, row) => ({ source: { cell: { sheet: 'S', row, col: 0, text: raw, raw } }, raw })),
  );
}

function statements(...paragraphs: string[]): string[] {
  return read(...paragraphs).statements.map(statementText);
}

function skips(...paragraphs: string[]): string[] {
  return read(...paragraphs).skipped.map((s) => s.reason);
}

/** [paragraph, statements it makes]: each sentence in the style of real 情况说明 and 绩效目标 texts. */
const sentenceCases: [string, string[]][] = [
  // Parts of a whole.
  [
    '本项目共完成预算资金89.97万元。其中:30万元用于预算编制;30万元用于审计;29.99万元用于设计、规划、测绘。',
    ['parts(list) 89.97万元 = 30万元 + 30万元 + 29.99万元'],
  ],
  [
    '2021年区本级一般公共预算中“三公”经费支出预算为4432万元,与2020年预算基本持平,其中:因公出国(境)费用39万元,公务接待费323万元,公务用车购置及运行维护费4070万元(包括:公务用车运行维护费2648万元、公务用车购置1422万元)。',
    ['parts(brackets) 4070万元 = 2648万元 + 1422万元', 'parts(list) 4432万元 = 39万元 + 323万元 + 4070万元'],
  ],
  [
    '2025年度本单位政府采购预算117.00万元，其中：政府采购货物预算17.00万元、政府采购工程预算0万元、政府采购服务预算100.00万元。',
    ['parts(list) 117.00万元 = 17.00万元 + 0万元 + 100.00万元'],
  ],
  [
    '一般公共预算财政拨款支出 500.75 万元，比 2022 年增加 49.68 万元。其中：基本支出 299.3 万元，比 2022 年增加 80.57 万元，主要原因是职务职级晋升；项目支出 201.45 万元，比 2022 年减少 30.89 万元。',
    [
      'change 500.75万元 +49.68万元',
      'change 299.3万元 +80.57万元',
      'change 201.45万元 -30.89万元',
      'parts(list) 500.75万元 = 299.3万元 + 201.45万元',
    ],
  ],
  [
    '人员编制 15 人，实有 128 人（中心在编在岗人员 13 人，临时人员 4 人，公益性岗位 13 名，窗口工作人员 98 人），余编 2 人。',
    ['parts(brackets) 128人 = 13人 + 4人 + 13名 + 98人'],
  ],
  [
    '截至2024年8月31日，共有车辆3辆，其中：执法执勤用车2辆、特种专业技术用车1辆；单价100万元（含）以上设备0台（套）。',
    ['parts(list) 3辆 = 2辆 + 1辆'],
  ],
  [
    '854万(高标准农田建设400万元,示范建设295万元,畅通工程159万元)',
    ['parts(brackets) 854万 = 400万元 + 295万元 + 159万元'],
  ],
  [
    '“三公”经费预算 12.50 万元，其中：因公出国（境）费 0 万元，公务接待费 2.50 万元，公务用车购置及运行费 10.00 万元，其中公务用车运行费 10.00 万元。',
    ['parts(list) 12.50万元 = 0万元 + 2.50万元 + 10.00万元', 'parts(list) 10.00万元 = 10.00万元'],
  ],
  [
    // Full-width digits and punctuation, as some input methods type them.
    toFullWidth('收入预算 500.75') +
      ' 万元，其中：一般公共预算拨款 ' +
      toFullWidth('480.75') +
      ' 万元，上年结转 20 万元。',
    ['parts(list) 500.75万元 = 480.75万元 + 20万元'],
  ],
  [
    '部门收入总计 1,250,000.00 元，其中：财政拨款收入 1,200,000.00 元，其他收入 50,000.00 元。',
    ['parts(list) 1,250,000.00元 = 1,200,000.00元 + 50,000.00元'],
  ],
  [
    '支出预算 125 万元，其中：基本支出 1,000,000 元，项目支出 25 万元。',
    ['parts(list) 125万元 = 1,000,000元 + 25万元'],
  ],
  [
    '支出预算 100 万元，其中：基本支出 60 万元，项目支出 40 万元；另安排上年结转资金 20 万元。',
    ['parts(list) 100万元 = 60万元 + 40万元'],
  ],
  [
    '支出预算 100 万元，其中：基本支出 60 万元，项目支出 40 万元。政府采购预算 10 万元。',
    ['parts(list) 100万元 = 60万元 + 40万元'],
  ],
  [
    '本年收入 80 万元，其中：一般公共预算拨款收入 80 万元，政府性基金预算拨款收入 0 万元。',
    ['parts(list) 80万元 = 80万元 + 0万元'],
  ],
  ['项目资金 50 万元，分别为：设备购置 30 万元、运行维护 20 万元。', ['parts(list) 50万元 = 30万元 + 20万元']],
  // Shares.
  [
    '2. 项目支出 469500 元,占一般公共预算支出的 19.62%,同比增加 70100 元 ,增长 17.55%。',
    ['share 469500元 of 一般公共预算支出 19.62%', 'change 469500元 +70100元 +17.55%'],
  ],
  ['工资福利支出预算 2016908.34 元,占基本支出预算81.45%。', ['share 2016908.34元 of 基本支出预算 81.45%']],
  ['基本支出2476260.58元占一般公共预算支出的84.06%', ['share 2476260.58元 of 一般公共预算支出 84.06%']],
  ['人员经费 240.79 万元，占比 80.45%。', ['share 240.79万元 of (whole) 80.45%']],
  [
    '其中：设备购置 60 万元（占60%），人员培训 40 万元（占项目资金的 40%）。',
    ['share 60万元 of (whole) 60%', 'share 40万元 of 项目资金 40%'],
  ],
  ['项目支出 201.45 万元，占部门预算总额的比例为 40.23%。', ['share 201.45万元 of 部门预算总额 40.23%']],
  // Changes.
  ['一般公共预算“三公”经费支出预算为328.7万元,比2023年预算减少17.3万元,下降5%。', ['change 328.7万元 -17.3万元 -5%']],
  ['公务用车运行费35.7万元,比2023年预算减少1.3万元,下降3.5%。', ['change 35.7万元 -1.3万元 -3.5%']],
  ['项目支出 243.60 万元，比上年增加 12.40 万元，增长 5.10%。', ['change 243.60万元 +12.40万元 +5.10%']],
  ['商品和服务支出 426000 元，同比增加 36600 元，增长 9.4%。', ['change 426000元 +36600元 +9.4%']],
  ['“三公”经费 1.27 万元，较上年减少 1.26 万元。', ['change 1.27万元 -1.26万元']],
  ['机关运行经费 58.5 万元，与上年相比，减少 14.55 万元，下降 19.92%。', ['change 58.5万元 -14.55万元 -19.92%']],
  [
    toFullWidth('基本支出 299.30') +
      ' 万元，比上年增加 ' +
      toFullWidth('80.57') +
      ' 万元，增长' +
      toFullWidth('36.83%') +
      '。',
    ['change 299.30万元 +80.57万元 +36.83%'],
  ],
  ['基本支出 299.30 万元，比上年增加 80.57 万元，下降 36.83%。', ['change 299.30万元 +80.57万元 -36.83%']],
  ['公务接待费 1 万元，比 2022 年增加 10000 元，增长 100%。', ['change 1万元 +10000元 +100%']],
  // Ratios.
  ['全年执行数 89.97 万元，完成年初预算的 99.97%。', ['ratio 89.97万元 of 年初预算 99.97%']],
  ['实际支出 90 万元，完成全年预算数的 100%。', ['ratio 90万元 of 全年预算数 100%']],
  ['一般公共预算支出决算 1,053 万元，为调整预算的 98.5%。', ['ratio 1,053万元 of 调整预算 98.5%']],
  // Counts of a list.
  [
    '内设 7 个科室：办公室、财务股、业务股、法规股、信息股、综合股。',
    ['count 7 [办公室,财务股,业务股,法规股,信息股,综合股]'],
  ],
  ['本部门下设三个股室，分别为办公室、财务股和业务股。', ['count 3 [办公室,财务股,业务股]']],
  [
    '共涉及2个项目：电子政务外网线路租用、群工系统软件运行维护。',
    ['count 2 [电子政务外网线路租用,群工系统软件运行维护]'],
  ],
];

test.each(sentenceCases)('reads %s', (paragraph, expected) => {
  expect(statements(paragraph)).toEqual(expected);
});

/** Paragraphs that state nothing checkable: the reader must read no statement from them. */
const nothingToCheck: [string, string[]][] = [
  ['2023年“三公”经费预算1万元，比2022年无增加。', []],
  ['2024 年本年一般公共预算基本支出 2476260.58 元,较上年减少 0.2%。', ['rate-without-change']],
  ['收入较去年增加 49.68 万元，主要是一般公共预算拨款增加 49.68 万元。', ['no-subject', 'change-explained']],
  ['确保网络畅通率100%，部门介入32个，网办率90%，年办件20万余件。', ['other-percent', 'other-percent']],
  ['保障全县33个乡镇街道和242个村社区按照电子政务外网正常运转，70.34万元/年。', ['per-unit']],
  ['每年按照5万元/人/年，资金保障公益性岗位人员的基本工资和社会保险。', ['per-unit']],
  ['政务服务满意率97%以上。', ['approximate']],
  ['因按照2023年预算3万元公务接待费无法满足年内公务接待支出需求,2023年公务接待费决算数为7万元。', []],
  ['新建中药材晾晒房一座,占地300平方米,包含场坪整治及硬化,硬化室外晒坝420平方米,室内场坪1800平方米。', []],
  ['内设办公室、财务股、业务股等 6 个股室。', []],
  ['下设 3 个股室：办公室、财务股、业务股等。', ['open-list']],
  ['石柱委办发〔2019〕10号 关于印发《石柱土家族自治县人民政府办公室职能配置、内设机构和人员编制规定》的通知', []],
  ['填表人: 宋云花　　联系电话:16607326331　　填报日期:　　　　单位负责人签字:', []],
  ['（二）公务车购置及运行费0万元，与2024年预算一致0万元，主要原因是本部门无公务用车。', ['compared-amount']],
  ['一、2025年“三公”经费预算情况说明', []],
  ['注：本表反映清源县卫生健康局2025年一般公共预算财政拨款支出安排；空白单元格表示无数。', []],
  ['其中：本年财政拨款', []],
  ['增长 5%', ['rate-without-change']],
  ['项目支出占一般公共预算支出的 19.62%。', ['no-subject']],
];

test.each(nothingToCheck)('reads no statement from %s', (paragraph, reasons) => {
  expect(statements(paragraph)).toEqual([]);
  expect(skips(paragraph)).toEqual(reasons);
});

test('a list opened by "其中：" at the end of a paragraph takes its parts from the paragraphs below, up to the next numbered item', () => {
  const paragraphs = [
    '1. 基本支出预算 2476260.58 元,占一般公共预算支出的84.06%。其中:',
    '工资福利支出预算 2016908.34 元,占基本支出预算81.45%。',
    '商品和服务支出预算 445372.24 元,占基本支出预算17.99%。',
    '对个人和家庭补助支出预算 13980 元,占基本支出预算0.56%。',
    '2. 项目支出 469500 元,占一般公共预算支出的 19.62%。',
  ];
  const reading = read(...paragraphs);
  expect(reading.statements.filter((s) => s.kind === 'parts').map(statementText)).toEqual([
    'parts(paragraphs) 2476260.58元 = 2016908.34元 + 445372.24元 + 13980元',
  ]);
  // The parts know their whole: "占基本支出预算" is a share of it.
  const shares = reading.statements.filter((s) => s.kind === 'share');
  expect(shares.map((s) => s.kind === 'share' && s.subject.parent?.quantity.text)).toEqual([
    undefined,
    '2476260.58 元',
    '2476260.58 元',
    '2476260.58 元',
    undefined,
  ]);
});

test('numbered paragraphs (一)(二)(三) under "其中：" are the parts, with lists of their own inside', () => {
  expect(
    statements(
      '2025年“三公”经费预算数为0.95万元，与2024年预算持平。其中：',
      '（一）因公出国（境）费0万元，与2024年预算持平。',
      '（二）公务车购置及运行费0万元，其中：公务用车购置费0万元，与2024年预算一致0万元；公务车用车运行费0万元。',
      '（三）公务接待费0.95万元，与2024年预算持平。',
      '2025年机关运行经费预算为229.43万元。',
    ),
  ).toEqual(['parts(list) 0万元 = 0万元 + 0万元', 'parts(paragraphs) 0.95万元 = 0万元 + 0万元 + 0.95万元']);
});

test('the lines of one long merged cell are paragraphs too', () => {
  expect(
    statements(
      '1. 基本支出预算 2476260.58 元,占一般公共预算支出的84.06%。其中:\n工资福利支出预算 2016908.34 元。\n商品和服务支出预算 445372.24 元。\n对个人和家庭补助支出预算 13980 元。\n2. 项目支出 469500 元。',
    ),
  ).toEqual([
    'share 2476260.58元 of 一般公共预算支出 84.06%',
    'parts(paragraphs) 2476260.58元 = 2016908.34元 + 445372.24元 + 13980元',
  ]);
});

test('a list over paragraphs ends at a gap of a row', () => {
  const reading = readDocument([
    { source: { cell: { sheet: 'S', row: 0, col: 0, text: '', raw: '' } }, raw: '“三公”经费预算 2 万元。其中：' },
    { source: { cell: { sheet: 'S', row: 2, col: 0, text: '', raw: '' } }, raw: '公务接待费 3 万元。' },
  ]);
  expect(reading.statements).toEqual([]);
  expect(reading.skipped.map((s) => s.reason)).toEqual(['list-without-parts']);
});

test('a sentence after a list goes on with it only with a part its whole is made of', () => {
  expect(
    statements(
      '公务用车购置及运行费支出预算78.7万元。其中:公务用车运行费35.7万元;该项经费主要用于燃料费。公务用车购置费43万元。办公设备购置 12 万元。',
    ),
  ).toEqual(['parts(list) 78.7万元 = 35.7万元 + 43万元']);
});

test('names are keyed and known quantities recognized whatever the year, fund and wording', () => {
  expect(nameKey('2024 年本年一般公共预算基本支出')).toBe('一般公共预算基本支出');
  expect(nameKey('“三公”经费预算数为')).toBe('三公经费');
  expect(quantityIdOf('2021年区本级一般公共预算中“三公”经费支出预算为')).toBe('sanGong');
  expect(quantityIdOf('公务车用车运行费')).toBe('vehicleRunning');
  expect(quantityIdOf('公务用车购置及运行维护费')).toBe('vehicle');
  expect(quantityIdOf('一般公共预算支出')).toBe('expense');
  expect(quantityIdOf('一般公共预算财政拨款运行经费')).toBe('runningCost');
  expect(quantityIdOf('工资福利支出预算')).toBe('wages');
  expect(quantityIdOf('中介机构服务费')).toBeUndefined();
  expect(chineseNumber('七')).toBe(7);
  expect(chineseNumber('十二')).toBe(12);
  expect(chineseNumber('二十')).toBe(20);
  expect(chineseNumber('三十五')).toBe(35);
  expect(chineseNumber('百')).toBeUndefined();
});

test('sentences and clauses: 。；，、 and line breaks split, brackets and thousands separators do not', () => {
  const paragraph = readParagraph(
    '收入 1,234.56 元（含结转 1,000 元，其他 234.56 元）；支出 1,234.56 元。\n第二段，两句',
  );
  expect(paragraph.sentences.map((s) => s.clauses.map((c) => c.text))).toEqual([
    ['收入 1,234.56 元(含结转 1,000 元,其他 234.56 元)', '支出 1,234.56 元'],
    ['第二段', '两句'],
  ]);
  expect(paragraph.sentences[0]!.clauses[0]!.groups[0]!.clauses.map((c) => c.text)).toEqual([
    '含结转 1,000 元',
    '其他 234.56 元',
  ]);
});

test('at least 60 real-style sentences are covered', () => {
  expect(tokenCases.length + sentenceCases.length + nothingToCheck.length).toBeGreaterThanOrEqual(60);
});
