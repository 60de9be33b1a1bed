/**
 * Encoding text as windows-1251, the code page of 1C and Russian bank exports. TextEncoder only writes
 * UTF-8, so the table is built once from the standard decoder; characters the code page lacks
 * (₽, for one) become `?`, as Windows itself writes them.
 */
const UNMAPPED = 0x3f;
/** Every character of windows-1251 is below U+2200 (the highest is ™, U+2122). */
const TABLE_SIZE = 0x2200;

let table: Uint8Array | undefined;

/** Byte of each UTF-16 code below TABLE_SIZE; 0 for characters the code page lacks. */
function codePage(): Uint8Array {
  if (!table) {
    const high = new Uint8Array(128).map((_, i) => 0x80 + i);
    const chars = new TextDecoder('windows-1251').decode(high);
    table = new Uint8Array(TABLE_SIZE);
    for (let i = 0; i < chars.length; i++) table[chars.charCodeAt(i)] = 0x80 + i;
  }
  return table;
}

export function encodeWindows1251(text: string): Uint8Array {
  const map = codePage();
  const out = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    out[i] = c < 0x80 ? c : c < TABLE_SIZE ? map[c] || UNMAPPED : UNMAPPED;
  }
  return out;
}
