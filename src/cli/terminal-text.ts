/**
 * Text from a file (headers, cell values, sheet names) or from the command line, made safe to print on a
 * terminal. A cell may hold escape sequences that recolour, clear or retitle the terminal, or a bidi
 * override that makes a line read differently from what it holds: these are shown as visible escapes.
 */

/** C0 controls (tab and newline too: one problem stays one line), DEL, C1 controls, bidi embeddings, overrides and isolates. */
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

function visibleEscape(char: string): string {
  const code = char.charCodeAt(0);
  return code <= 0xff ? `\\x${code.toString(16).toUpperCase().padStart(2, '0')}` : `\\u${code.toString(16).toUpperCase()}`;
}

/** The text with every control and bidi-override character written as `\xHH` or `\uHHHH`. */
export function terminalSafe(text: string): string {
  return text.replace(UNSAFE, visibleEscape);
}

/**
 * One line on stderr, or on stdout where the line is the command's result (`today`'s list, for a scheduled
 * job to pipe on); the text may hold user data, so it is printed through `terminalSafe`.
 */
export function printLine(text: string, stream: NodeJS.WriteStream = process.stderr): void {
  stream.write(`${terminalSafe(text)}\n`);
}
