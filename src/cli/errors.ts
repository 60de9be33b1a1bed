/**
 * What the command says when it stops on an error, and with which exit code: 2 for input it cannot work
 * on (the user can fix it), 1 for a write that failed on the way (a full disk, Google Sheets out of
 * reach). Either way one clear message and no stack trace: a stack trace is kept for real bugs.
 */
import { UsageError } from './args';
import { FileWriteError } from './atomic-write';
import { InputError } from './workbooks';

/**
 * Errors the core raises for input it cannot work on (no clients sheet, no orders sheet, an import
 * refused or whose lines link to no client, a mapping to a column that is not there, a result bigger
 * than the host holds, an orders file that is not text). Told by name: the core's classes stay where
 * they are thrown, without the command importing every planner.
 */
const DOMAIN_INPUT_ERRORS = ['NoClientsSheetError', 'NoOrdersSheetError', 'OrderImportError', 'UnlinkedOrdersError', 'MappingError', 'HostLimitError', 'NotTextError'];

/**
 * The Sheets API gateway's errors (src/sheets-api): a call that failed for good after its bounded
 * retries, and a plan that stopped part way. Told by name so the command does not load googleapis
 * unless a Google Sheet is named.
 */
const SHEETS_ERRORS = ['SheetsCallError', 'PartialWriteError'];

/** HTTP statuses that the user settles, not a retry: bad request, no access, no such spreadsheet. */
const SHEETS_ACCESS_HINTS: Record<number, string> = {
  400: 'проверьте ID таблицы / check the spreadsheet ID',
  401: 'проверьте файл ключа --credentials / check the --credentials key file',
  403: 'откройте доступ к таблице для e-mail сервисного аккаунта из файла ключа / share the spreadsheet with the service account e-mail of the key file',
  404: 'таблица не найдена: проверьте ID / no such spreadsheet: check the ID',
};

function sheetsStatus(error: Error): number | undefined {
  const failure = (error as { failure?: { lastError?: unknown }; lastError?: unknown }).failure ?? error;
  const last = (failure as { lastError?: { response?: { status?: unknown }; status?: unknown; code?: unknown } }).lastError;
  const status = last?.response?.status ?? last?.status ?? last?.code;
  return typeof status === 'number' ? status : typeof status === 'string' && /^\d+$/.test(status) ? Number(status) : undefined;
}

export interface StopReport {
  exitCode: 1 | 2;
  message: string;
}

/** The message and exit code for an error the user can act on, or null for a bug (rethrown, with its stack). */
export function stopReport(error: unknown): StopReport | null {
  if (!(error instanceof Error)) return null;
  if (error instanceof UsageError || error instanceof InputError || DOMAIN_INPUT_ERRORS.includes(error.name)) {
    return { exitCode: 2, message: error.message };
  }
  // A full disk or a lost drive: the message says what was not written and that the target was kept.
  if (error instanceof FileWriteError) return { exitCode: 1, message: error.message };
  if (SHEETS_ERRORS.includes(error.name)) {
    const status = sheetsStatus(error);
    const hint = status !== undefined ? SHEETS_ACCESS_HINTS[status] : undefined;
    if (hint && error.name === 'SheetsCallError') return { exitCode: 2, message: `${error.message}\n${hint}` };
    return { exitCode: 1, message: error.message };
  }
  return null;
}
