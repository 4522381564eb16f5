import Decimal from 'decimal.js';

/**
 * Cell text as the checker compares it: full-width ASCII (ＡＢＣ１２３％＋－．，) folded to half-width,
 * ideographic and other unusual spaces to a plain space, zero-width characters removed, runs of
 * white space collapsed, trimmed. Used for matching and number parsing; messages quote the original.
 */
const NEEDS_MAPPING = /[\uff01-\uff5e\u3000\u00a0\u2000-\u200d\u202f\u205f\ufeff]/;

/** Anything normalizeText changes: white space (incl. U+3000, NBSP), full-width ASCII, zero-width characters. */
const NEEDS_WORK = /[\s\uff01-\uff5e\u200b-\u200d\ufeff]/;

export function normalizeText(input: string): string {
  // Most cells need nothing at all: one regex scan decides (far cheaper than a character loop).
  if (!NEEDS_WORK.test(input)) return input;
  if (!NEEDS_MAPPING.test(input)) return input.replace(/\s+/g, ' ').trim();
  let out = '';
  for (const ch of input) {
    const code = ch.codePointAt(0)!;
    if (code >= 0xff01 && code <= 0xff5e) out += String.fromCodePoint(code - 0xfee0);
    else if (
      code === 0x3000 ||
      code === 0x00a0 ||
      (code >= 0x2000 && code <= 0x200a) ||
      code === 0x202f ||
      code === 0x205f
    )
      out += ' ';
    else if (code === 0x200b || code === 0x200c || code === 0x200d || code === 0xfeff) continue;
    else out += ch;
  }
  return out.replace(/\s+/g, ' ').trim();
}

const CJK = '\\u3000-\\u303f\\u3400-\\u9fff\\uf900-\\ufaff\\uff00-\\uffef';
const SPACE_BY_CJK = new RegExp(`(?<=[${CJK}])\\s+|\\s+(?=[${CJK}])`, 'gu');

/**
 * A name as a message quotes it: the spaces a line break inside the cell left ("平武县政务网络 工作中心政务网 维护经费
 * (邮电 费)") removed next to Chinese characters; spaces between Latin words stay.
 */
export function displayName(input: string): string {
  return input.replace(/\s+/g, ' ').trim().replace(SPACE_BY_CJK, '');
}

/** normalizeText without any white space at all: the form used to match labels and header names. */
export function textKey(input: string): string {
  return keyOfNormalized(normalizeText(input));
}

/** textKey of a text that is already normalized (its only white space is single plain spaces). */
export function keyOfNormalized(normalized: string): string {
  return normalized.indexOf(' ') < 0 ? normalized : normalized.replace(/ /g, '');
}

const PLAIN_NUMBER = /^[+-]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?$|^[+-]?\.\d+$/;

/**
 * A number written as text ("1,234.50", "５８２．０３", "\u300070" (an ideographic space before 70), "05") → Decimal; anything else → null.
 * Text with words or units around the number is not a number here (see parseAmountText).
 */
export function parseNumberText(text: string): Decimal | null {
  const normalized = normalizeText(text).replace(/\s+/g, '');
  if (!PLAIN_NUMBER.test(normalized)) return null;
  return new Decimal(normalized.replace(/,/g, ''));
}

export type MoneyUnit = '元' | '万元';

/** "582.03万元", "864.3万", "232.03", "1,000元" → value and the unit written with it (万 means 万元). */
export function parseAmountText(text: string): { value: Decimal; unit?: MoneyUnit } | null {
  const normalized = normalizeText(text).replace(/\s+/g, '');
  const match = /^([+-]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?)(万元|万|元)?$/.exec(normalized);
  if (!match) return null;
  const value = new Decimal(match[1]!.replace(/,/g, ''));
  const unitText = match[2];
  if (unitText === undefined) return { value };
  return { value, unit: unitText === '元' ? '元' : '万元' };
}

/** "……", "…", "...", "。。。": a row left as a placeholder in a template. */
export function isPlaceholderText(text: string): boolean {
  return isPlaceholderKey(textKey(text));
}

/** isPlaceholderText of a text key (already normalized, white space removed). */
export function isPlaceholderKey(key: string): boolean {
  return /^[….。·⋯]+$/.test(key);
}

/** "-", "—", "－", "/": written in an amount cell to mean nothing / zero. */
export function isDashText(text: string): boolean {
  return /^[-—–―－/／]+$/.test(textKey(text));
}

/** Converts an amount to 元, so that tables in 元 and in 万元 can be compared exactly. */
export function toYuan(value: Decimal, unit: MoneyUnit | undefined): Decimal {
  return unit === '元' ? value : value.times(10000);
}

/** A name as a message quotes it: the line breaks and spaces a wrapped cell leaves between Chinese characters gone. */
export function compactName(text: string): string {
  return text
    .replace(/\s*\n\s*/g, '')
    .replace(/(?<=[\u3000-\u9fff\uff00-\uffef])\s+|\s+(?=[\u3000-\u9fff\uff00-\uffef])/g, '')
    .trim();
}
