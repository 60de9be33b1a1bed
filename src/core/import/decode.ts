/**
 * Turning the bytes of a CSV file into text. Files come from 1C and Russian banks (windows-1251, no
 * BOM), from Excel's "CSV UTF-8" (UTF-8 with a BOM), from Google Sheets and web exports (UTF-8 without
 * one) and, rarely, from Excel's "Unicode text" (UTF-16 with a BOM).
 *
 * The rule: a byte-order mark decides; else the bytes are UTF-8 when they are valid UTF-8 (text in
 * windows-1251 with any Cyrillic letter is practically never valid UTF-8); else windows-1251.
 * Uses the standard TextDecoder, present in Node and in browsers.
 */

export type TextEncodingName = 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be' | 'windows-1251';

export interface DecodedText {
  text: string;
  encoding: TextEncodingName;
}

function startsWith(bytes: Uint8Array, mark: readonly number[]): boolean {
  return bytes.length >= mark.length && mark.every((byte, i) => bytes[i] === byte);
}

const BOMS: ReadonlyArray<{ mark: readonly number[]; encoding: TextEncodingName; label: string }> = [
  { mark: [0xef, 0xbb, 0xbf], encoding: 'utf-8-bom', label: 'utf-8' },
  { mark: [0xff, 0xfe], encoding: 'utf-16le', label: 'utf-16le' },
  { mark: [0xfe, 0xff], encoding: 'utf-16be', label: 'utf-16be' },
];

/** The text of a file and the encoding it was read in. The byte-order mark is not part of the text. */
export function decodeBytes(bytes: Uint8Array): DecodedText {
  for (const bom of BOMS) {
    // TextDecoder drops the BOM itself (ignoreBOM defaults to false).
    if (startsWith(bytes, bom.mark)) return { text: new TextDecoder(bom.label).decode(bytes), encoding: bom.encoding };
  }
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    return { text: new TextDecoder('windows-1251').decode(bytes), encoding: 'windows-1251' };
  }
}
