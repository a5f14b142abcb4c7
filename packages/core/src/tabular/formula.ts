/** What a spreadsheet would take for the start of a formula (or a DDE payload) in a text cell. */
const FORMULA_START = /^[=+\-@\t\r]/

/**
 * Text written to a file a spreadsheet opens: a cell starting like a formula gets a leading
 * apostrophe, so opening an export cannot run what someone typed into a name or description.
 */
export function defuseFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text
}
