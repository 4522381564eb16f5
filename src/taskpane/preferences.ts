/**
 * What the pane remembers between sessions (the scope last checked, the page's language), in the browser's
 * localStorage, which the pane in Excel has too. Where storage is refused (private mode, a locked-down webview)
 * the pane simply starts from its defaults.
 */
const PREFIX = 'budget-check.';

/** The part of the Web Storage API used here (the pane's sources also compile for Node, without the DOM types). */
interface KeyValueStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}
const storage = (): KeyValueStorage | undefined => (globalThis as { localStorage?: KeyValueStorage }).localStorage;

export function loadPreference(key: string): string | undefined {
  try {
    return storage()?.getItem(PREFIX + key) ?? undefined;
  } catch {
    return undefined;
  }
}

export function savePreference(key: string, value: string): void {
  try {
    storage()?.setItem(PREFIX + key, value);
  } catch {
    // Not remembered: the next session starts from the default.
  }
}
