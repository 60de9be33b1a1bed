/**
 * Opening the bytes of a file the user named as an .xlsx, with a message that says what the file is and
 * what to do when it is not a readable workbook: an empty file, an Excel 97–2003 or password-protected
 * book (both OLE containers, not zips), a CSV or other file renamed to .xlsx, a zip without a workbook
 * inside, a package damaged or cut short. The zip library's own messages («Corrupted zip ?») name no
 * cause a user can act on; they are kept only as the technical detail at the end.
 */
import JSZip from 'jszip';

/** The file is not a workbook the product can read; the message is for the user, in both languages. */
export class WorkbookFileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'WorkbookFileError';
  }
}

const ZIP_SIGNATURE = [0x50, 0x4b];
/** The OLE compound file of .xls and of an encrypted .xlsx. */
const OLE_SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

const startsWith = (data: Uint8Array, signature: number[]) => signature.every((byte, i) => data[i] === byte);

const RESAVE = 'откройте книгу в Excel и сохраните заново как .xlsx';

function detail(error: unknown): string {
  return error instanceof Error ? ` (${error.message})` : '';
}

/** The zip package of an .xlsx, or a WorkbookFileError saying why the bytes are not one. */
export async function openXlsxPackage(data: Uint8Array): Promise<JSZip> {
  if (data.length === 0) throw new WorkbookFileError('файл пуст / the file is empty');
  if (startsWith(data, OLE_SIGNATURE)) {
    throw new WorkbookFileError(
      'это книга Excel 97–2003 (.xls) или книга с паролем; откройте её в Excel и сохраните как .xlsx без пароля / ' +
        'this is an Excel 97–2003 workbook (.xls) or a password-protected one; open it in Excel and save it as .xlsx without a password',
    );
  }
  if (!startsWith(data, ZIP_SIGNATURE)) {
    throw new WorkbookFileError(
      'это не книга Excel: возможно, CSV или другой файл с расширением .xlsx (заказы из CSV: --orders FILE.csv) / ' +
        'not an Excel workbook: perhaps a CSV or another file named .xlsx (orders from a CSV: --orders FILE.csv)',
    );
  }
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(data);
  } catch (error) {
    throw new WorkbookFileError(`файл повреждён или обрезан; ${RESAVE} / the file is damaged or cut short; open it in Excel and save it again as .xlsx${detail(error)}`);
  }
  if (!zip.file('xl/workbook.xml')) {
    throw new WorkbookFileError('архив без книги Excel внутри (нет xl/workbook.xml): это не .xlsx / a zip archive with no Excel workbook inside (no xl/workbook.xml): not an .xlsx');
  }
  return zip;
}

/** An error met while reading the parts of a package that opened: a damaged part. */
export function damagedPartError(error: unknown): WorkbookFileError {
  if (error instanceof WorkbookFileError) return error;
  return new WorkbookFileError(`часть книги повреждена; ${RESAVE} / part of the workbook is damaged; open it in Excel and save it again as .xlsx${detail(error)}`);
}
