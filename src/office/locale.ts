/** The language Office speaks, for the pane and the worksheet functions alike. */
import type { Locale } from '../validation';

/** Chinese unless Office speaks English. */
export function localeOf(displayLanguage: string | undefined): Locale {
  return displayLanguage && /^en/i.test(displayLanguage) ? 'en-US' : 'zh-CN';
}

/** Office's display language now: Chinese for zh-*, English otherwise (Chinese before Office has a context). */
export function officeLocale(): Locale {
  // The shared runtime may call a function before Office has set its context, whatever the typings say.
  // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition
  return localeOf(typeof Office !== 'undefined' ? Office.context?.displayLanguage : undefined);
}

/** Calls `start` with Office's language once Office.js is ready (the pane's entry point). */
export function whenOfficeReady(start: (locale: Locale) => void): void {
  void Office.onReady(() => {
    start(localeOf(Office.context.displayLanguage));
  });
}
