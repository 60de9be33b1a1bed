/**
 * The rule every gateway follows to write a user's string as literal text (operations.ts: "every string
 * value is literal text"). Excel and Google Sheets both parse a string put into a cell as if the user had
 * typed it: `=…` and `+…`, `-…`, `@…` become formulas, `#…` an error literal, anything with a digit may
 * become a number, a date, a time, a percentage or money, `true`/`ИСТИНА` a boolean. Both hosts take a
 * leading apostrophe as "this is text", store the string without it and give it back unchanged, so such a
 * string is written behind one. The apostrophe touches only the value written, not the cell's format.
 *
 * A user's own leading apostrophe is protected the same way (`'abc` is written as `''abc`), and leading
 * spaces do not hide a formula sign. Prefixing a string that would have stayed text anyway is harmless;
 * missing one is not, so the rule errs on the side of the prefix.
 */

/** True when a host could read `text`, put into a cell as it is, as something other than that text. */
export function needsQuotePrefix(text: string): boolean {
  return /^\s*[=+\-@#']/.test(text) || /\d/.test(text) || /^\s*(true|false|истина|ложь)\s*$/i.test(text);
}

/** `text` as a cell input that every host keeps as exactly that text. */
export function literalCellInput(text: string): string {
  return text !== '' && needsQuotePrefix(text) ? `'${text}` : text;
}
