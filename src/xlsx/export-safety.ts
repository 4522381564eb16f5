/**
 * Text written into a spreadsheet we produce is neutralized when a spreadsheet program could take it for
 * a formula (it starts with = + - @, a tab or a carriage return): it comes from the checked files.
 */
export function safeText(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}
