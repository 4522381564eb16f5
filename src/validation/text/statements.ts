/**
 * What budget prose claims, read from its clauses: a whole and its parts ("合计 X，其中 A …、B …"), a share
 * ("A 占 B 的 p%"), a change ("比上年增加 Δ，增长 r%"), a ratio ("完成年初预算的 p%", "执行率 p%"), the count of
 * a list ("设 3 个科室：甲、乙、丙"), and every named amount (for "the same quantity stated twice").
 * Anything the reader does not fully understand is kept as a skip with its reason, never guessed at.
 */
import type Decimal from 'decimal.js';
import type { TextCell } from '../model';
import {
  chineseNumber,
  readParagraph,
  textAfter,
  textBefore,
  type Clause,
  type Paragraph,
  type Percent,
  type Quantity,
  type Token,
} from './reader';
import {
  compositionOf,
  fundsNamed,
  nameKey,
  NOT_THIS_YEAR,
  quantityDefinition,
  quantityIdOf,
  type Fund,
  type QuantityId,
} from './quantities';

export interface TextSource {
  cell: TextCell;
  /** The form label the text stands under or beside (年度目标, 实际完成情况), if any. */
  label?: string;
  tableId?: string;
}

/** A named quantity at its place in the text. */
export interface Mention {
  source: TextSource;
  /** The sentence it is in, as written (normalized). */
  sentence: string;
  name: string;
  key: string;
  id?: QuantityId;
  fund?: Fund;
  year?: number;
  quantity: Quantity;
  /** The whole it is listed under ("其中 …", "(包括 …)"), if any. */
  parent?: Mention;
  /** 上年, 决算, 结转 … in its name: not this year's budget figure. */
  notThisYear: boolean;
}

interface Located {
  source: TextSource;
  sentence: string;
}

export interface PartsStatement extends Located {
  kind: 'parts';
  whole: Mention;
  parts: Mention[];
  /** How the parts were given: a 其中 list, a bracket after the whole, or paragraphs below it. */
  via: 'list' | 'brackets' | 'paragraphs';
  /** The list says 分别为/分别是: it names every part. */
  exhaustive: boolean;
}

export interface ShareStatement extends Located {
  kind: 'share';
  subject: Mention;
  percent: Percent;
  /** The base as named ("一般公共预算支出"); undefined for a bare 占比 (the whole the subject is listed under). */
  baseName?: string;
}

export interface ChangeStatement extends Located {
  kind: 'change';
  subject: Mention;
  delta: Quantity;
  /** Last year's amount when the text states it ("较2023年预算14.00万元减少2.00万元"). */
  previous?: Quantity;
  direction: 'up' | 'down';
  rate?: Percent;
  rateDirection?: 'up' | 'down';
}

export interface RatioStatement extends Located {
  kind: 'ratio';
  subject: Mention;
  percent: Percent;
  baseName: string;
}

export interface CountStatement extends Located {
  kind: 'count';
  count: number;
  countText: string;
  items: string[];
  /** How many items there are when 和/及 in the last one is not read as a separator ("商品和服务"). */
  joined: number;
  /** The parts list the count speaks of ("项目共4个 … 其中：A …，B …"), if the items are parts. */
  parts?: PartsStatement;
}

export type Statement = PartsStatement | ShareStatement | ChangeStatement | RatioStatement | CountStatement;

export type SkipReason =
  | 'approximate'
  | 'per-unit'
  | 'compared-amount'
  | 'change-explained'
  | 'no-subject'
  | 'rate-without-change'
  | 'rate-without-subject'
  | 'other-percent'
  | 'execution-rate'
  | 'list-without-whole'
  | 'list-without-parts'
  | 'open-list'
  | 'mixed-kinds';

export interface Skip extends Located {
  /** The words skipped, as written. */
  text: string;
  reason: SkipReason;
}

export interface DocumentReading {
  mentions: Mention[];
  statements: Statement[];
  skipped: Skip[];
}

const CHANGE_VERB = '增加|减少|增长|下降|上升|降低|提高|节约|压减|缩减|增|减|多|少';
const DELTA_LEAD = new RegExp(`(${CHANGE_VERB})了?\\s?(约)?\\s?$`);
const UP = /增加|增长|上升|提高|增|多/;
const RATE_LEAD =
  /(增长|下降|增加|减少|上升|降低|提高|增幅|降幅|减幅|增长率|下降率|减少率|增长幅度|下降幅度|减少幅度)(了|为|是|达|约)?\s?$/;
const ANCHOR = /(同比|环比|比|较|与|相比|对比)/;
/** What follows 占: "比" (a share of the whole the amount is listed under), or the base and 的/比例/为. */
const SHARE_OF = /^\s?(?:(比(?:例|重)?)|(.{1,30}?)?(的)?(比例|比重|份额)?)(为|是|达|约)?\s?$/;
const RATIO_LEAD = /(完成|执行|达到|实现|为)了?([^,;:]{0,20}?(预算|计划)[^,;:的]{0,6})的\s?$/;
const EXECUTION_RATE_LEAD = /(预算)?执行率(为|是|达|达到)?\s?$/;
/** "与2024年预算一致0万元", "比上年 14 万元…": last year's figure, said to compare with. */
const REFERENCE_LEAD =
  /(与|同|和|跟)[^,;]{0,24}(持平|一致|相同|相当|不变)|(比|较|与|同)\s?(上年|去年|上一年|\d{4}\s?年)[^,;]{0,8}$/;
const DETAIL_LEAD = /^(主要(是|为|用于|包括|原因)|用于|包含)/;
/** "合计", "以上合计", "收入合计为": a total written after the amounts it adds up. */
const TRAILING_TOTAL = /(^|[^其])(合计|共计|总计)(为|是)?$/;
/** "基本支出包括", "项目支出主要包括：": the amount named before it is made of what follows. */
const NAMED_OPENER = /^([^\d,;:、]{2,24}?)(?:主要|具体)?(?:包括|包含)\s?:?\s?/;
/** "基本支出中", "在项目支出中": a clause that names the amount whose parts follow. */
const AMONG = /^(?:在)?(.{2,24}?)(?:之中|中)$/;
/** "较2023年预算", "比上年": a comparison with last year's amount, not "与上年持平". */
const STATED_PREVIOUS = /(比|较|同|与)\s?(上年|去年|上一年|\d{4}\s?年)[^,;]{0,8}$/;
const OPENER = /^(其中|包括|包含|含|分别为|分别是|具体为|具体是|具体包括|主要包括)\s?:?\s?/;
const STOP_LIST = /^(另|此外|另外|同时|以及|除此之外)/;
const CONNECTIVE = /^[\s,;:、]*(其中|并|且|同时|另|和|及|以及|经汇总)?[\s,;:、]*$/;

interface OpenList {
  whole: Mention;
  parts: Mention[];
  via: 'list' | 'paragraphs';
  /** Index of the sentence the list was opened in (in-paragraph lists). */
  sentence: number;
  /** Enumerator style of the whole's paragraph and of its items (lists over paragraphs). */
  wholeStyle?: string;
  itemStyle?: string | null;
  /** Whether the list was opened in the paragraph being read (else it goes on from a paragraph above). */
  local: boolean;
  /** Opened by the paragraph's last words ("…。其中："): its parts are the paragraphs below. */
  atEnd?: boolean;
  /** 分别为/分别是: the list names every part. */
  exhaustive?: boolean;
}

interface ParagraphInput {
  source: TextSource;
  raw: string;
}

/**
 * Reads the statements of a document: consecutive paragraphs (cells one below the other in one column), in order.
 * A list opened by a paragraph ending in "其中：" takes its parts from the paragraphs below it.
 */
export function readDocument(paragraphs: readonly ParagraphInput[]): DocumentReading {
  const reading: DocumentReading = { mentions: [], statements: [], skipped: [] };
  let pending: OpenList | undefined;
  let previous: { cell: TextCell; lastItem?: Mention } | undefined;
  // A long merged cell holds several paragraphs, one per line: each line is read as a paragraph of its own,
  // continuing the line above it as a cell continues the cell above it.
  const lines = paragraphs.flatMap(({ source, raw }) =>
    raw
      .split(/\r?\n/)
      .filter((line) => line.trim() !== '')
      .map((line, index) => ({ source, raw: line, index })),
  );
  for (const { source, raw, index } of lines) {
    const contiguous =
      previous !== undefined &&
      (index > 0 ||
        (previous.cell.sheet === source.cell.sheet &&
          previous.cell.col === source.cell.col &&
          previous.cell.row + 1 === source.cell.row));
    // Most cells of a workbook state no figure at all: nothing to read, and a list from above ends there.
    if (!MAY_STATE.test(raw)) {
      if (pending) finishList(pending, reading);
      pending = undefined;
      previous = { cell: source.cell };
      continue;
    }
    const paragraph = readParagraph(raw);
    if (pending && !(contiguous && continuesList(pending, paragraph))) {
      finishList(pending, reading);
      pending = undefined;
    }
    const state = new ParagraphReader(source, paragraph, reading, pending, contiguous ? previous?.lastItem : undefined);
    state.read();
    pending = state.pendingList();
    previous = { cell: source.cell, lastItem: state.lastItem };
  }
  if (pending) finishList(pending, reading);
  return reading;
}

function enumeratorStyle(enumerator: string | undefined): string | undefined {
  if (!enumerator) return undefined;
  if (/^\([一二三四五六七八九十]+\)$|^（[一二三四五六七八九十]+）$/.test(enumerator)) return '(一)';
  if (/^[一二三四五六七八九十]+[、.]$/.test(enumerator)) return '一、';
  if (/^\(\d+\)$|^（\d+）$/.test(enumerator)) return '(1)';
  if (/^\d+[.]$/.test(enumerator)) return '1.';
  if (/^\d+、$/.test(enumerator)) return '1、';
  if (/^\d+\)$/.test(enumerator)) return '1)';
  return '①';
}

/** Whether a paragraph is the next part of a list opened by "其中：" at the end of the paragraph above. */
function continuesList(list: OpenList, paragraph: Paragraph): boolean {
  const first = paragraph.sentences[0]?.clauses[0];
  if (!first) return false;
  const style = enumeratorStyle(first.enumerator) ?? null;
  if (style !== null && style === list.wholeStyle) return false;
  if (list.itemStyle !== undefined && list.itemStyle !== style) return false;
  const token = first.tokens[0];
  if (!token || token.type !== 'quantity') return false;
  const role = quantityRole(first, token, undefined);
  if (role !== 'item' || !sameKind(list.whole.quantity, token)) return false;
  return true;
}

type QuantityRole = 'item' | 'delta' | 'reference' | 'per-unit' | 'approximate' | 'detail';

function leadOf(clause: Clause, token: Token, previous: Token | undefined): string {
  const all = textBefore(clause, token.start);
  if (!previous || previous.end > token.start) return stripOpener(all);
  return all.slice(textBefore(clause, previous.end).length);
}

function stripOpener(text: string): string {
  return text.replace(OPENER, '').replace(NAMED_OPENER, '');
}

function quantityRole(clause: Clause, token: Quantity, previous: Token | undefined): QuantityRole {
  const lead = leadOf(clause, token, previous);
  if (DELTA_LEAD.test(lead)) return 'delta';
  if (REFERENCE_LEAD.test(lead)) return 'reference';
  if (token.perUnit) return 'per-unit';
  if (token.approximate) return 'approximate';
  if (DETAIL_LEAD.test(lead.trim())) return 'detail';
  return 'item';
}

function unitClass(quantity: Quantity): string {
  if (quantity.kind === 'money') return 'money';
  if (quantity.unit === '人' || quantity.unit === '名') return 'person';
  if (quantity.unit === '台' || quantity.unit === '套') return 'device';
  return quantity.unit;
}

/** Parts and wholes are amounts or counts of one kind; physical measures (占地, 硬化面积) rarely add up. */
function sameKind(a: Quantity, b: Quantity): boolean {
  return a.kind !== 'measure' && unitClass(a) === unitClass(b);
}

function finishList(list: OpenList, reading: DocumentReading): void {
  if (list.parts.length === 0) {
    reading.skipped.push({
      source: list.whole.source,
      sentence: list.whole.sentence,
      text: `${list.whole.name}${list.whole.quantity.text}，其中…`,
      reason: 'list-without-parts',
    });
    return;
  }
  const parts: PartsStatement = {
    kind: 'parts',
    source: list.whole.source,
    sentence: list.whole.sentence,
    whole: list.whole,
    parts: list.parts,
    via: list.via,
    exhaustive: list.exhaustive === true,
  };
  reading.statements.push(parts);
  // "编报绩效目标的项目共4个，涉及项目预算资金598.46万元。其中：A …，B …，C …，D …": the count of the parts.
  const count = COUNT_OF_PARTS.exec(list.whole.sentence);
  if (count && list.parts.length >= 2 && list.whole.quantity.kind === 'money') {
    reading.statements.push({
      kind: 'count',
      source: list.whole.source,
      sentence: list.whole.sentence,
      count: Number(count[1]),
      countText: `${count[1]}${count[2]}`,
      items: list.parts.map((p) => p.name),
      joined: list.parts.length,
      parts,
    });
  }
}

/** "项目共4个", "共计 5 项": a count of things said with the total the list below breaks down. */
const COUNT_OF_PARTS = /共(?:计|有)?\s?(\d{1,3})\s?(个|项)(?![\d万元])/;

function sumOfBases(mentions: readonly Mention[]): Decimal | undefined {
  if (mentions.length === 0) return undefined;
  return mentions.slice(1).reduce((sum, m) => sum.plus(m.quantity.base), mentions[0]!.quantity.base);
}

/** The reading of one paragraph, with the lists it opens and the list from above it goes on with. */
class ParagraphReader {
  lastItem: Mention | undefined;
  private lastItemSentence = -1;
  /** Last year's amount just read ("较2023年预算14.00万元"), for the change that follows it. */
  private statedPrevious: { quantity: Quantity; text: string } | undefined;
  private lists: OpenList[] = [];
  private sentenceIndex = 0;
  private sentence = '';
  private consumed = new Set<Token>();
  private firstItemTaken = false;
  /** Reading the paragraph's first clause: a "其中：" there refers to the paragraph above. */
  private atStart = false;
  private paragraphStyle: string | undefined;

  constructor(
    private readonly source: TextSource,
    private readonly paragraph: Paragraph,
    private readonly reading: DocumentReading,
    continuing: OpenList | undefined,
    private readonly itemAbove: Mention | undefined,
  ) {
    if (continuing) this.lists.push(continuing);
    this.paragraphStyle = enumeratorStyle(paragraph.sentences[0]?.clauses[0]?.enumerator);
  }

  read(): void {
    this.paragraph.sentences.forEach((sentence, index) => {
      this.sentenceIndex = index;
      this.sentence = sentence.text;
      sentence.clauses.forEach((clause, c) => {
        const last = index === this.paragraph.sentences.length - 1 && c === sentence.clauses.length - 1;
        this.atStart = index === 0 && c === 0;
        this.readClause(clause, sentence.clauses[c - 1], sentence.clauses[c + 1], last);
      });
    });
    this.readCounts();
  }

  /**
   * The list to go on with in the paragraphs below: one opened at the very end of this paragraph ("…。其中："),
   * or the list from above this paragraph was a part of. Every other list ends with the paragraph.
   */
  pendingList(): OpenList | undefined {
    const top = this.lists[this.lists.length - 1];
    const opened = top && top.local && top.atEnd && top.parts.length === 0 ? top : undefined;
    const goingOn = opened ? undefined : this.lists.find((l) => !l.local);
    for (const list of this.lists) if (list !== opened && list !== goingOn) finishList(list, this.reading);
    if (opened) {
      opened.via = 'paragraphs';
      opened.local = false;
      opened.wholeStyle = this.paragraphStyle;
    }
    return opened ?? goingOn;
  }

  private skip(text: string, reason: SkipReason): void {
    this.reading.skipped.push({ source: this.source, sentence: this.sentence, text, reason });
  }

  private readClause(clause: Clause, before: Clause | undefined, after: Clause | undefined, last: boolean): void {
    const body = clause.body.trim();
    const opener = OPENER.exec(body);
    if (STOP_LIST.test(body)) this.closeAll();
    const bare = opener !== null && opener[0].length === body.length;
    const measured = clause.tokens.some((t) => t.type === 'quantity' || t.type === 'percent');
    if (opener && (bare || (measured && /^(其中|包括|含|主要包括|具体包括)/.test(opener[0]))))
      this.openList(clause, last && bare, /^分别/.test(opener[0]));
    // "基本支出中，人员经费…，公用经费…", "基本支出包括人员经费…": the parts of an amount named earlier.
    const among = measured ? NAMED_OPENER.exec(body) : AMONG.exec(body);
    const named = among && !opener ? this.earlierMention(among[1]!) : undefined;
    if (named) this.openList(clause, false, false, named);
    let previous: Token | undefined;
    for (const token of clause.tokens) {
      if (token.type === 'quantity') this.readQuantity(clause, token, previous, before, after);
      else if (token.type === 'percent') this.readPercent(clause, token, previous, after);
      else continue;
      previous = token;
    }
    // Last year's amount with no change right after it ("较上年预算14万元有所减少") is only compared with.
    if (this.statedPrevious) this.skip(this.statedPrevious.text, 'compared-amount');
    this.statedPrevious = undefined;
  }

  /** The latest amount read under this name, in this paragraph or the ones above. */
  private earlierMention(name: string): Mention | undefined {
    const key = nameKey(name);
    if (key.length < 2) return undefined;
    return [...this.reading.mentions].reverse().find((m) => m.key === key && m.quantity.kind === 'money');
  }

  private openList(clause: Clause, atEnd: boolean, exhaustive: boolean, named?: Mention): void {
    const whole = named ?? this.lastItem ?? (this.atStart ? this.itemAbove : undefined);
    if (!whole) {
      // A form label such as "其中：本年财政拨款" has no amount in it: nothing was skipped.
      if (clause.tokens.some((t) => t.type === 'quantity')) this.skip(clause.text, 'list-without-whole');
      return;
    }
    // The whole is an item of an open list: a list inside it. Otherwise lists end here.
    const at = this.lists.findIndex((l) => l.parts.includes(whole));
    if (at < 0) this.closeAll();
    else this.closeAbove(at);
    this.lists.push({ whole, parts: [], via: 'list', sentence: this.sentenceIndex, local: true, atEnd, exhaustive });
  }

  private closeAll(): void {
    this.closeAbove(-1);
  }

  /** Finishes the lists above index `keep` (keep = −1: all of them). */
  private closeAbove(keep: number): void {
    while (this.lists.length - 1 > keep) finishList(this.lists.pop()!, this.reading);
  }

  private readQuantity(
    clause: Clause,
    token: Quantity,
    previous: Token | undefined,
    before: Clause | undefined,
    after: Clause | undefined,
  ): void {
    if (this.consumed.has(token)) return;
    const role = quantityRole(clause, token, previous);
    const lead = leadOf(clause, token, previous);
    if (role === 'delta') {
      this.readChange(clause, token, lead, before, after, previous);
      return;
    }
    if (role === 'reference') {
      // "较2023年预算14.00万元减少2.00万元": last year's amount, which the change right after it starts from.
      if (STATED_PREVIOUS.test(lead)) this.statedPrevious = { quantity: token, text: `${lead}${token.text}` };
      else this.skip(`${lead}${token.text}`, 'compared-amount');
      return;
    }
    if (role === 'per-unit') {
      this.skip(`${lead}${token.text}`, 'per-unit');
      return;
    }
    if (role === 'approximate') {
      this.skip(`${lead}${token.text}`, 'approximate');
      return;
    }
    if (role === 'detail') {
      this.skip(`${lead}${token.text}`, 'change-explained');
      return;
    }
    const name = this.nameOf(clause, token, lead);
    const mention: Mention = {
      source: this.source,
      sentence: this.sentence,
      name,
      key: nameKey(name),
      id: quantityIdOf(name),
      fund: fundsNamed(name)[0],
      year: yearIn(lead),
      quantity: token,
      notThisYear: NOT_THIS_YEAR.test(name),
    };
    this.place(mention);
    if (!mention.parent && TRAILING_TOTAL.test(name)) this.readTrailingTotal(mention);
    this.reading.mentions.push(mention);
    this.lastItem = mention;
    this.lastItemSentence = this.sentenceIndex;
    this.readBracketedParts(clause, token, mention);
  }

  /** "本年收入471.53万元，上年结转29.22万元，收入合计500.75万元": the sentence's amounts before a total after them. */
  private readTrailingTotal(total: Mention): void {
    const parts = this.reading.mentions.filter(
      (m) => m.source === this.source && m.sentence === this.sentence && !m.parent,
    );
    // 上年结转 is one of this year's sources: "last year" in a name does not keep an amount out of the sum.
    if (parts.length < 2 || parts.some((p) => !sameKind(p.quantity, total.quantity))) return;
    // A total that names what it is made of ("“三公”经费合计") adds up only its own parts, not the sentence's others.
    const composition = compositionOf(total.id);
    if (composition && !parts.every((p) => p.id !== undefined && composition.includes(p.id))) return;
    // An amount that is itself the whole of a list of this sentence is no addend of the total.
    if (this.reading.statements.some((st) => st.kind === 'parts' && parts.includes(st.whole))) return;
    this.reading.statements.push({
      kind: 'parts',
      source: this.source,
      sentence: this.sentence,
      whole: total,
      parts,
      via: 'list',
      exhaustive: true,
    });
  }

  private nameOf(clause: Clause, token: Quantity, lead: string): string {
    const name = stripOpener(lead.trim())
      .replace(/^[\s,;:、]+/, '')
      .replace(/^(以及|和|及|与)(?=.{2})/, '');
    if (name !== '' && !CONNECTIVE.test(name)) return name;
    // "30万元用于基建工程项目预算编制": the amount first, what it is for after it.
    const rest = textAfter(clause, token.end).trim();
    const purpose = /^(用于|为|是|系)?(.+)$/.exec(rest);
    return purpose?.[2]?.replace(/[\d.,]+.*$/, '') ?? '';
  }

  /** Puts an item into the open list it belongs to, closing lists it cannot belong to. */
  private place(mention: Mention): void {
    const isFirstOfParagraph = !this.firstItemTaken;
    this.firstItemTaken = true;
    while (this.lists.length > 0) {
      const list = this.lists[this.lists.length - 1]!;
      // A list from the paragraphs above takes the paragraph's first item only.
      if (!list.local && !isFirstOfParagraph) return;
      if (this.accepts(list, mention)) {
        if (!list.local) list.itemStyle = enumeratorStyle(this.paragraph.sentences[0]?.clauses[0]?.enumerator) ?? null;
        list.parts.push(mention);
        mention.parent = list.whole;
        return;
      }
      finishList(this.lists.pop()!, this.reading);
    }
  }

  /** The mention is in the sentence of the list's last part and its name ends as every part's name does (用车, 预算). */
  private continuesRun(list: OpenList, mention: Mention): boolean {
    const last = list.parts[list.parts.length - 1];
    if (!last || last.sentence !== this.sentence || list.parts.length < 2) return false;
    // An amount as large as the whole is another statement ("…，支出预算500万元"), not one more part of it.
    if (!mention.quantity.base.lt(list.whole.quantity.base)) return false;
    const ending = (name: string) => name.replace(/[\s()（）]+$/, '').slice(-2);
    const shared = ending(last.name);
    return shared.length === 2 && [...list.parts, mention].every((p) => ending(p.name) === shared);
  }

  private accepts(list: OpenList, mention: Mention): boolean {
    if (!sameKind(list.whole.quantity, mention.quantity)) return false;
    const sum = sumOfBases(list.parts);
    // A list that already adds up to its whole is complete: a further amount is something else, unless it is
    // one more item of the same sentence's run, named like all the others ("执法执勤用车1辆，特种专业技术用车1辆").
    if (
      sum &&
      sum.equals(list.whole.quantity.base) &&
      !mention.quantity.base.isZero() &&
      !this.continuesRun(list, mention)
    )
      return false;
    if (list.local && this.sentenceIndex !== list.sentence) {
      // A new sentence goes on with the list only with a part the whole is known to be made of.
      const parts = compositionOf(list.whole.id);
      const lastSentence = list.parts[list.parts.length - 1]?.sentence;
      if (this.sentence !== lastSentence) {
        if (!parts || !mention.id || !parts.includes(mention.id)) return false;
        if (list.parts.some((p) => p.id === mention.id)) return false;
      }
    }
    // Inside a list within a list: an amount that fits the outer list and not the inner one goes back out.
    const index = this.lists.indexOf(list);
    const outer = index > 0 ? this.lists[index - 1] : undefined;
    if (outer && sum && sum.plus(mention.quantity.base).gt(list.whole.quantity.base)) {
      const outerSum = sumOfBases(outer.parts) ?? mention.quantity.base.times(0);
      if (outerSum.plus(mention.quantity.base).lte(outer.whole.quantity.base)) return false;
    }
    return true;
  }

  /** "4070万元(包括:公务用车运行维护费2648万元、公务用车购置1422万元)": parts in a bracket right after the whole. */
  private readBracketedParts(clause: Clause, token: Quantity, whole: Mention): void {
    const group = clause.groups.find(
      (g) =>
        g.start >= token.end &&
        clause.body.slice(token.end - clause.bodyStart, g.start - clause.bodyStart).trim() === '',
    );
    if (!group) return;
    // "60万元（占60%）", "(占项目支出的 12.5%)": the share of the amount before the bracket.
    if (group.clauses.length === 1) {
      const only = group.clauses[0]!;
      const percent = only.tokens.find((t): t is Percent => t.type === 'percent');
      const lead = percent ? leadOf(only, percent, undefined) : '';
      const shareOf = percent && lead.startsWith('占') ? SHARE_OF.exec(lead.slice(1)) : null;
      if (percent && shareOf && !percent.approximate) {
        const statement: ShareStatement = {
          kind: 'share',
          source: this.source,
          sentence: this.sentence,
          subject: whole,
          percent,
        };
        const base = shareOf[2]?.trim();
        if (!shareOf[1] && base) statement.baseName = base;
        this.reading.statements.push(statement);
        return;
      }
    }
    const parts: Mention[] = [];
    let opened = false;
    for (const inner of group.clauses) {
      if (OPENER.test(inner.body.trim())) opened = true;
      let previous: Token | undefined;
      for (const t of inner.tokens) {
        if (t.type !== 'quantity' && t.type !== 'percent') continue;
        if (t.type === 'quantity' && quantityRole(inner, t, previous) === 'item' && sameKind(whole.quantity, t)) {
          const lead = leadOf(inner, t, previous);
          const name = this.nameOf(inner, t, lead);
          parts.push({
            year: yearIn(lead),
            source: this.source,
            sentence: this.sentence,
            name,
            key: nameKey(name),
            id: quantityIdOf(name),
            fund: fundsNamed(name)[0],
            quantity: t,
            parent: whole,
            notThisYear: NOT_THIS_YEAR.test(name),
          });
        }
        previous = t;
      }
    }
    // "(2023年：90 万元；2022年：80 万元)", "(上年 90 万元)": other years, not parts.
    const otherYears =
      parts.some((p) => p.notThisYear) ||
      group.clauses.some((c) => c.tokens.some((t) => t.type === 'year') || NOT_THIS_YEAR.test(c.body));
    if (!otherYears && (parts.length >= 2 || (opened && parts.length === 1))) {
      this.reading.mentions.push(...parts);
      this.reading.statements.push({
        kind: 'parts',
        source: this.source,
        sentence: this.sentence,
        whole,
        parts,
        via: 'brackets',
        exhaustive: false,
      });
    }
  }

  private subjectInSentence(): Mention | undefined {
    return this.lastItemSentence === this.sentenceIndex ? this.lastItem : undefined;
  }

  private readChange(
    clause: Clause,
    delta: Quantity,
    lead: string,
    before: Clause | undefined,
    after: Clause | undefined,
    previousToken: Token | undefined,
  ): void {
    const stated = this.statedPrevious;
    this.statedPrevious = undefined;
    const previous =
      stated && previousToken === stated.quantity && sameKind(stated.quantity, delta) ? stated.quantity : undefined;
    const anchor = ANCHOR.exec(lead);
    const anchoredBefore = before && /(相比|比较|相较)\s?$/.test(before.body);
    if (!anchor && !anchoredBefore && !previous) {
      this.skip(`${lead}${delta.text}`, 'change-explained');
      return;
    }
    // "收入较去年增加 …": the change of a quantity named here, whose amount this sentence may not state.
    const subject = this.subjectFor(anchor && !previous ? lead.slice(0, anchor.index) : '');
    const direction = UP.test(DELTA_LEAD.exec(lead)![1]!) ? 'up' : 'down';
    const rate = this.rateAfter(clause, delta, after);
    if (!subject) {
      this.skip(`${lead}${delta.text}`, 'no-subject');
      return;
    }
    if (!sameKind(subject.quantity, delta)) {
      this.skip(`${lead}${delta.text}`, 'mixed-kinds');
      return;
    }
    const statement: ChangeStatement = {
      kind: 'change',
      source: this.source,
      sentence: this.sentence,
      subject,
      delta,
      direction,
    };
    if (rate) {
      statement.rate = rate.percent;
      statement.rateDirection = rate.direction;
    }
    if (previous) statement.previous = previous;
    this.reading.statements.push(statement);
  }

  /** The rate that goes with a change: later in the same clause, or the next clause ("…减少7.3万元,下降8.49%"). */
  private rateAfter(
    clause: Clause,
    delta: Quantity,
    after: Clause | undefined,
  ): { percent: Percent; direction: 'up' | 'down' } | undefined {
    const candidates: [Clause, Token, Token | undefined][] = [];
    const measured = (t: Token) => t.type === 'quantity' || t.type === 'percent';
    const next = clause.tokens.slice(clause.tokens.indexOf(delta) + 1).find(measured);
    const first = after?.tokens.find(measured);
    if (next) candidates.push([clause, next, delta]);
    else if (after && first) candidates.push([after, first, undefined]);
    for (const [where, token, previous] of candidates) {
      if (token.type !== 'percent') continue;
      const lead = leadOf(where, token, previous);
      const verb = RATE_LEAD.exec(lead);
      if (!verb || token.approximate) continue;
      this.consumed.add(token);
      return { percent: token, direction: UP.test(verb[1]!) ? 'up' : 'down' };
    }
    return undefined;
  }

  private readPercent(clause: Clause, token: Percent, previous: Token | undefined, after: Clause | undefined): void {
    if (this.consumed.has(token)) return;
    const lead = leadOf(clause, token, previous);
    const skip = (reason: SkipReason) => {
      this.skip(`${lead}${token.text}`, reason);
    };
    if (token.approximate) {
      skip('approximate');
      return;
    }
    const at = lead.lastIndexOf('占');
    const shareOf = at >= 0 ? SHARE_OF.exec(lead.slice(at + 1)) : null;
    if (shareOf) {
      // "基本支出占…": the share of the amount named before 占, which must be the one this sentence gave.
      const subject = this.subjectFor(lead.slice(0, at));
      if (!subject) {
        skip('no-subject');
        return;
      }
      const statement: ShareStatement = {
        kind: 'share',
        source: this.source,
        sentence: this.sentence,
        subject,
        percent: token,
      };
      const base = shareOf[2]?.trim();
      if (!shareOf[1] && base) statement.baseName = base;
      this.reading.statements.push(statement);
      return;
    }
    const ratio = RATIO_LEAD.exec(lead);
    if (ratio) {
      const subject = this.subjectFor(lead.slice(0, ratio.index));
      if (!subject) {
        skip('no-subject');
        return;
      }
      this.reading.statements.push({
        kind: 'ratio',
        source: this.source,
        sentence: this.sentence,
        subject,
        percent: token,
        baseName: ratio[2]!.trim(),
      });
      return;
    }
    if (EXECUTION_RATE_LEAD.test(lead)) {
      skip('execution-rate');
      return;
    }
    if (RATE_LEAD.test(lead)) {
      if (!this.readRateFirst(clause, token, lead, after)) skip('rate-without-change');
      return;
    }
    skip('other-percent');
  }

  /**
   * "比2023年增长4.32%，增加20.75万元": the rate first, the change right after it (in the clause or the next one).
   * Returns whether it read a change.
   */
  private readRateFirst(clause: Clause, rate: Percent, lead: string, after: Clause | undefined): boolean {
    const anchor = ANCHOR.exec(lead);
    if (!anchor || rate.approximate) return false;
    const measured = (t: Token) => t.type === 'quantity' || t.type === 'percent';
    const inClause = clause.tokens.slice(clause.tokens.indexOf(rate) + 1).find(measured);
    const [where, delta, before] = inClause
      ? [clause, inClause, rate]
      : [after, after?.tokens.find(measured), undefined];
    if (!where || !delta || delta.type !== 'quantity' || delta.approximate) return false;
    const deltaLead = leadOf(where, delta, before);
    const verb = DELTA_LEAD.exec(deltaLead);
    if (!verb || ANCHOR.test(deltaLead)) return false;
    // "…增长4.32%，增加20.75万元", not "…，其中基本支出增加10万元": a change with a name of its own is another's.
    const named = deltaLead.slice(0, verb.index).replace(/^[\s,;:、]+/, '');
    if (named !== '' && !CONNECTIVE.test(named)) return false;
    const subject = this.subjectFor(lead.slice(0, anchor.index));
    if (!subject || !sameKind(subject.quantity, delta)) return false;
    this.consumed.add(delta);
    this.reading.statements.push({
      kind: 'change',
      source: this.source,
      sentence: this.sentence,
      subject,
      delta,
      direction: UP.test(verb[1]!) ? 'up' : 'down',
      rate,
      rateDirection: UP.test(RATE_LEAD.exec(lead)![1]!) ? 'up' : 'down',
    });
    return true;
  }

  /**
   * The amount a share, ratio or change speaks of: the last one this sentence gave, provided the words before
   * the statement ("基本支出占…", "收入较去年…") name it or name nothing.
   */
  private subjectFor(named: string): Mention | undefined {
    const subject = this.subjectInSentence();
    const cleaned = stripOpener(named.trim()).replace(/^[\s,;:、]+/, '');
    if (cleaned === '' || CONNECTIVE.test(cleaned)) return subject;
    if (!subject) return this.namedEarlierInParagraph(cleaned);
    const id = quantityIdOf(cleaned);
    return subject.key === nameKey(cleaned) || (id !== undefined && subject.id === id) ? subject : undefined;
  }

  /**
   * "2024年收入预算总计500.75万元，…。收入较上年增加20.75万元": the amount of this paragraph an earlier sentence gave
   * under this name (not another year's).
   */
  private namedEarlierInParagraph(name: string): Mention | undefined {
    const key = nameKey(name);
    const id = quantityIdOf(name);
    const year = yearIn(name);
    if (key.length < 2) return undefined;
    for (let i = this.reading.mentions.length - 1; i >= 0; i--) {
      const mention = this.reading.mentions[i]!;
      if (mention.source !== this.source) break;
      if (mention.notThisYear || (year !== undefined && mention.year !== undefined && year !== mention.year)) continue;
      if (mention.key === key || (id !== undefined && mention.id === id)) return mention;
    }
    return undefined;
  }

  /** "内设 7 个科室：办公室、财务股、…": a count and the list it counts. */
  private readCounts(): void {
    for (const sentence of this.paragraph.sentences) {
      const match = COUNT_LIST.exec(sentence.text);
      if (!match) continue;
      const count = chineseNumber(match[1]!);
      // The list runs to the first comma, semicolon or full stop; brackets inside an item are its own.
      const list = match[4]!
        .replace(/\([^()]*\)/g, '')
        .split(/[,;。]/)[0]!
        .trim();
      if (count === undefined) continue;
      this.sentence = sentence.text;
      if (/[\d]/.test(list)) continue;
      if (/(等|等等)$/.test(list)) {
        this.skip(list, 'open-list');
        continue;
      }
      const pieces = list
        .split('、')
        .map((s) => s.trim())
        .filter((s) => s !== '');
      const last = pieces.pop() ?? '';
      const items = [...pieces, ...last.split(/以及|及|和/).map((s) => s.trim())].filter((s) => s !== '');
      if (items.length < 2 || items.some((item) => item.length > 20)) continue;
      this.reading.statements.push({
        kind: 'count',
        source: this.source,
        sentence: sentence.text,
        count,
        countText: `${match[1]}${match[2]}`,
        items,
        joined: pieces.length + 1,
      });
    }
  }
}

/** A digit, or a count in Chinese numerals ("三个股室"): what a paragraph needs to state anything. */
export const MAY_STATE = /[\d０-９]|[一二两三四五六七八九十]\s?(个|名|项|家|所|类|大类|方面|部分)/;

const COUNT_LIST =
  /(?:设|有|共|共有|下设|内设|设有|包括|包含|涉及|分为|由)\s?(\d{1,3}|[一二两三四五六七八九十]{1,3})\s?(个|名|项|家|所|类|大类|方面|部分)([^:,;。、\d]{0,12}?)(?::|,?\s?(?:分别为|分别是|包括|即)\s?:?)(.+)$/;

function yearIn(text: string): number | undefined {
  const match = /(\d{4})\s?年/.exec(text);
  return match ? Number(match[1]) : undefined;
}

export function quantityLabel(id: QuantityId | undefined, name: string): string {
  return id ? quantityDefinition(id).label['zh-CN'] : name;
}
