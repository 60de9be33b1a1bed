/**
 * Refusing a file that is not text. A workbook, an archive, a PDF or any binary file given where a CSV
 * export belongs would otherwise be split into "lines" of bytes, and its garbage imported as orders or
 * listed as columns. It is recognised by its signature (zip — .xlsx, .docx, .ods —, PDF, the old
 * Office format of .xls) or, after decoding, by a NUL character or by control characters no text
 * export holds (the decoder falls back to windows-1251, which turns any byte into some character, so
 * binary data shows up as those controls).
 */
import type { Language } from '../model';
import { say } from '../base';

export type NotTextKind = 'zip' | 'pdf' | 'ole' | 'binary';

/** A file that is not a text export: nothing is read from it. */
export class NotTextError extends Error {
  constructor(
    message: string,
    readonly kind: NotTextKind,
  ) {
    super(message);
    this.name = 'NotTextError';
  }
}

const SIGNATURES: ReadonlyArray<{ mark: readonly number[]; kind: NotTextKind }> = [
  { mark: [0x50, 0x4b, 0x03, 0x04], kind: 'zip' },
  { mark: [0x50, 0x4b, 0x05, 0x06], kind: 'zip' },
  { mark: [0x50, 0x4b, 0x07, 0x08], kind: 'zip' },
  { mark: [0x25, 0x50, 0x44, 0x46, 0x2d], kind: 'pdf' },
  { mark: [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1], kind: 'ole' },
];

/** How much of the text is looked at for control characters: binary data shows from its start. */
const SAMPLE = 1 << 20;

/**
 * Control characters that no text export holds: C0 controls but tab, LF, VT, FF, CR and the DOS
 * end-of-file mark (SUB, 0x1A); DEL; C1 controls (windows-1251 gives U+0098 for its one unused byte).
 */
function isStrayControl(c: number): boolean {
  return (c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0b && c !== 0x0c && c !== 0x0d && c !== 0x1a) || (c >= 0x7f && c <= 0x9f);
}

/** More than this share (1 in N) of stray controls is binary data, not a stray character in a comment. */
const CONTROL_SHARE = 100;
/** …and at least this many, so a short file with one odd character is still read. */
const MIN_CONTROLS = 4;

function kindOf(bytes: Uint8Array, text: string): NotTextKind | null {
  const signed = SIGNATURES.find(({ mark }) => bytes.length >= mark.length && mark.every((byte, i) => bytes[i] === byte));
  if (signed) return signed.kind;
  if (text.includes('\u0000')) return 'binary';
  const end = Math.min(text.length, SAMPLE);
  let controls = 0;
  for (let i = 0; i < end; i++) if (isStrayControl(text.charCodeAt(i))) controls++;
  return controls >= MIN_CONTROLS && controls * CONTROL_SHARE > end ? 'binary' : null;
}

/** Throws `NotTextError` when `bytes` (decoded as `text`) are not a text file. */
export function refuseNonText(bytes: Uint8Array, text: string, file: string, language: Language): void {
  const kind = kindOf(bytes, text);
  if (kind === null) return;
  const what: Record<NotTextKind, [string, string]> = {
    zip: ['архив zip (так устроены .xlsx, .docx, .ods)', 'a zip archive (as .xlsx, .docx and .ods files are)'],
    pdf: ['документ PDF', 'a PDF document'],
    ole: ['книга Excel 97–2003 (.xls) или другой документ Office', 'an Excel 97–2003 workbook (.xls) or another Office document'],
    binary: ['не текст: в нём двоичные данные (нулевые байты или управляющие символы)', 'not text: it holds binary data (NUL bytes or control characters)'],
  };
  throw new NotTextError(
    say(
      language,
      `Файл «${file}» — ${what[kind][0]}, а не CSV: ничего не импортировано. Сохраните таблицу заказов как CSV (UTF-8 или windows-1251) и укажите этот файл.`,
      `The file "${file}" is ${what[kind][1]}, not a CSV: nothing is imported. Save the orders table as CSV (UTF-8 or windows-1251) and give that file.`,
    ),
    kind,
  );
}
