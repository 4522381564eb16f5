/**
 * Budget Check as worksheet functions: =BUDGET.CHECK(A1:L60), =预算.检查表格(A1:L60) in Chinese Excel.
 * Thin wrappers over ./core (which calls the engine); the metadata comes from these JSDoc comments
 * (custom-functions-metadata-plugin), the Chinese names from ./localization.
 */
/* global CustomFunctions */
import { hasExcelApi, readNumberFormats } from '../office/adapter';
import { officeLocale } from '../office/locale';
import { BadOptionsError, RangeTooLargeError, checkRange, parseValueText, sumCheck, weightsOfRange } from './core';

/**
 * The range's number formats, read through the adapter (shared runtime): Excel passes raw values, so "95%"
 * arrives as 0.95. Without them (no Excel API, or the read failed) the check runs on the values alone.
 */
async function formatsOf(address: string | undefined): Promise<string[][] | undefined> {
  if (!address || !hasExcelApi()) return undefined;
  try {
    return await readNumberFormats(address);
  } catch {
    return undefined;
  }
}

/** Every failure as #VALUE! with its reason in the cell's error tooltip, never a bare error. */
function asExcelError(error: unknown): never {
  if (error instanceof RangeTooLargeError || error instanceof BadOptionsError) {
    // CustomFunctions.Error is what Excel shows as #VALUE! with a tooltip; it does not extend Error.
    // eslint-disable-next-line @typescript-eslint/only-throw-error
    throw new CustomFunctions.Error(CustomFunctions.ErrorCode.invalidValue, error.message);
  }
  const reason = error instanceof Error ? error.message : String(error);
  // eslint-disable-next-line @typescript-eslint/only-throw-error
  throw new CustomFunctions.Error(
    CustomFunctions.ErrorCode.invalidValue,
    `检查失败 (check failed): ${reason}`.slice(0, 255),
  );
}

/**
 * Checks the budget tables in a range and lists every problem: severity, cell, rule and message.
 * @customfunction CHECK
 * @param range The table to check: a performance target table or a budget table, with its header rows.
 * @param [options] A profile (national-2021, legacy, execution-90) or a JSON configuration.
 * @param invocation Invocation parameters.
 * @requiresParameterAddresses
 * @returns A table of findings (severity | cell | rule | message), or ✓ when there is none.
 */
export async function check(
  range: unknown[][],
  options: unknown,
  invocation: CustomFunctions.Invocation,
): Promise<string[][]> {
  const address = invocation.parameterAddresses?.[0];
  try {
    return checkRange(range, address, options, officeLocale(), await formatsOf(address));
  } catch (error) {
    return asExcelError(error);
  }
}

/**
 * Sums the weights of each project in a performance target table and says whether they are right.
 * @customfunction WEIGHTS
 * @param range A performance target table with a weight column.
 * @param invocation Invocation parameters.
 * @requiresParameterAddresses
 * @returns One row per project: project | weight total | status.
 */
export async function weights(range: unknown[][], invocation: CustomFunctions.Invocation): Promise<unknown[][]> {
  const address = invocation.parameterAddresses?.[0];
  try {
    return weightsOfRange(range, address, officeLocale(), await formatsOf(address));
  } catch (error) {
    return asExcelError(error);
  }
}

/**
 * Reads one target value such as "≥30万件": comparator, number, unit and kind.
 * @customfunction PARSE
 * @param text A target value, e.g. ≥98%, ≤15万元 or 优.
 * @returns One row: comparator | number | unit | kind.
 */
export function parse(text: unknown): unknown[][] {
  try {
    return parseValueText(text, officeLocale());
  } catch (error) {
    return asExcelError(error);
  }
}

/**
 * The exact difference between a total and the sum of its parts (0 when it adds up), in decimal arithmetic.
 * @customfunction SUMCHECK
 * @param total The total.
 * @param parts The parts: cells or ranges.
 * @returns total − Σ parts.
 */
export function sumcheck(total: number, ...parts: unknown[][][]): number {
  try {
    return sumCheck(total, parts);
  } catch (error) {
    return asExcelError(error);
  }
}
