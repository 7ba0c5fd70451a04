/**
 * Text that a spreadsheet program could take for a formula (=, +, -, @, or a leading tab or
 * carriage return, as OWASP lists them) gets a leading apostrophe, so a name or title typed by an
 * outsider (a letter, a data set) never runs as =HYPERLINK(…) or a DDE call when someone edits
 * the exported cell or saves the sheet as CSV.
 */
export function inertCellText(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}
