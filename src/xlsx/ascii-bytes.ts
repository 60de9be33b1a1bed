/**
 * ASCII text found in UTF-8 bytes without decoding them: the tags and attribute names of an .xlsx part are
 * ASCII, and no byte of a multi-byte UTF-8 character is below 0x80, so a match is always the text itself.
 */

/**
 * Where `data` holds the byte `byte` first, from `from` on; -1 when nowhere. A loop, not `indexOf`: the
 * bytes looked for in a sheet are a few apart, and each call of Buffer's `indexOf` (a binding) costs more
 * than looking at them (on 900,000 cells, ten calls a cell took 0.9 s).
 */
export function nextByte(data: Uint8Array, byte: number, from: number): number {
  for (let at = from; at < data.length; at++) if (data[at] === byte) return at;
  return -1;
}

/** Whether `data` holds the ASCII text `ascii` at `at`. */
export function holdsText(data: Uint8Array, at: number, ascii: string): boolean {
  for (let k = 0; k < ascii.length; k++) if (data[at + k] !== ascii.charCodeAt(k)) return false;
  return true;
}

/** Where `data` holds `ascii` first, from `from` on; -1 when nowhere. */
export function indexOfText(data: Uint8Array, ascii: string, from = 0): number {
  const first = ascii.charCodeAt(0);
  for (let at = nextByte(data, first, from); at >= 0; at = nextByte(data, first, at + 1)) if (holdsText(data, at, ascii)) return at;
  return -1;
}

/** Where `data` holds `ascii` last; -1 when nowhere. */
export function lastIndexOfText(data: Uint8Array, ascii: string): number {
  const first = ascii.charCodeAt(0);
  for (let at = data.lastIndexOf(first); at >= 0; at = at > 0 ? data.lastIndexOf(first, at - 1) : -1) if (holdsText(data, at, ascii)) return at;
  return -1;
}
