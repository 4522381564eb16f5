/**
 * Form hygiene: what a filled-in form must not still hold (placeholders, the form's own instructions, entries of
 * only dashes or stars) and vague words that are no target. The words are data, shared by the value/* rules.
 */
import type { Localized } from '../../messages';
import type { Indicator, TextCell } from '../../model';
import { keyOfNormalized } from '../../normalize';

/** Placeholders a template leaves for the number or the name: XX, ××, ***, 某某, 待填, 待定, ??. */
const PLACEHOLDER = /(?<![A-Za-z])(?:X{2,}|x{2,}|×{2,}|\*{2,}|？{2,}|\?{2,})(?![A-Za-z])|某某|待填|待补充|待定/;

export function placeholderIn(text: string): string | undefined {
  return PLACEHOLDER.exec(keyOfNormalized(text))?.[0];
}

/**
 * A form's own instruction left in a cell where content belongs: "（填写…）", "请说明…", "按…填报", "此处填写…",
 * "示例：…".
 */
const INSTRUCTION = [
  /^\(?(?:请|须|需|应)?(?:在此|此处)?(?:填写|填报|据实填写|简要填写|简述|列明|注明|填入)/,
  /^\((?:[^()]*)(?:填写|填报|填列)(?:[^()]*)\)$/,
  /请(?:填写|说明|简述|列明|注明|选择)/,
  /^按.{1,16}(?:填报|填写|填列)/,
  /^(?:示例|例|举例)[:：]/,
];

export function isInstruction(text: string): boolean {
  const key = keyOfNormalized(text);
  return INSTRUCTION.some((pattern) => pattern.test(key));
}

/** An entry of only -, _, *, /, \, ·, dots or spaces: nothing written, but not blank either. */
export function isJunkOnly(text: string): boolean {
  const key = keyOfNormalized(text);
  return key !== '' && /^[-_*/\\—–―－＿·.、]+$/.test(key);
}

/** Words of a direction, not a target: a 定量 target needs a number with them. */
export const VAGUE_WORDS = /提高|提升|加强|有效|明显|显著|进一步|逐步|不断|持续|大幅|稳步|改善|增强/;

/** The cells of an indicator a hygiene rule reads, with the name of each for messages. */
export function indicatorTexts(indicator: Indicator): { cell: TextCell; what: Localized }[] {
  const cells: { cell: TextCell | undefined; what: Localized }[] = [
    { cell: indicator.level3, what: { 'zh-CN': '指标名称', 'en-US': 'indicator name' } },
    { cell: indicator.value, what: { 'zh-CN': '指标值', 'en-US': 'target value' } },
    { cell: indicator.unit, what: { 'zh-CN': '计量单位', 'en-US': 'unit' } },
    { cell: indicator.actual, what: { 'zh-CN': '实际完成值', 'en-US': 'result' } },
    { cell: indicator.deviation, what: { 'zh-CN': '偏差原因', 'en-US': 'deviation reason' } },
  ];
  return cells.filter((c): c is { cell: TextCell; what: Localized } => c.cell !== undefined);
}
