/**
 * A plan's requests cut into batchUpdate calls, and what a call that fails in the middle of a plan leaves.
 *
 * Each batchUpdate is atomic (all its requests or none), so batches are cut between operations: an
 * operation is then written or not, and only one too big for a batch of its own can be partly written.
 * When a batch fails for good, everything before it is written, the batch itself is not — or, when the
 * answer was lost and it could not be checked, perhaps — and the rest is not. The error names the
 * operations of each kind, and a note on A1 of each sheet left short says so until a run completes.
 */
import type { sheets_v4 } from 'googleapis';
import { operationStep, type SheetOperation } from '../workbook/operations';
import { render } from '../core/messages/message';
import { faultSummary, SheetsCallError } from './retry';

/** The requests [start, end) that one operation produced. */
export interface OperationSpan {
  op: SheetOperation;
  start: number;
  end: number;
}

/** Batches [start, end) over the requests, cut only between operations unless one alone exceeds `limit`. */
export function splitBatches(spans: readonly OperationSpan[], limit: number): Array<{ start: number; end: number }> {
  const batches: Array<{ start: number; end: number }> = [];
  let start = 0;
  let end = 0;
  for (const span of spans) {
    if (span.end - start > limit && span.start > start) {
      batches.push({ start, end: span.start });
      start = span.start;
    }
    while (span.end - start > limit) {
      batches.push({ start, end: start + limit });
      start += limit;
    }
    end = span.end;
  }
  if (end > start) batches.push({ start, end });
  return batches;
}

export type WriteStatus = 'written' | 'partly written' | 'perhaps written' | 'not written';

/**
 * Where a plan stopped: requests before `written` are in the spreadsheet, those in [written, unknownEnd)
 * may be (a batch whose answer was lost and could not be checked), the rest are not.
 */
export interface StopPoint {
  written: number;
  unknownEnd: number;
}

export function statusOf(span: OperationSpan, stop: StopPoint): WriteStatus {
  if (span.end <= stop.written) return 'written';
  if (span.start < stop.written) return 'partly written';
  if (span.start < stop.unknownEnd) return 'perhaps written';
  return 'not written';
}

// -------------------------------------------------------------------------------------------------
// The note on A1 of a sheet a failed plan left short

/** The product's note; the rest of a note on A1 (the user's own) is kept around it. */
export const INCOMPLETE_NOTE =
  'Лист заполнен не полностью: запись в Google Таблицу прервалась. Запустите действие ещё раз.\n' +
  'This sheet is incomplete: writing to Google Sheets was interrupted. Run the action again.';

/** A1's note without the product's note. */
export function withoutIncompleteNote(note: string): string {
  return note.split(INCOMPLETE_NOTE).map((part) => part.trim()).filter(Boolean).join('\n\n');
}

/** A1's note with the product's note after the user's own. */
export function withIncompleteNote(note: string): string {
  return [withoutIncompleteNote(note), INCOMPLETE_NOTE].filter(Boolean).join('\n\n');
}

export function noteRequest(sheetId: number, note: string): sheets_v4.Schema$Request {
  return { updateCells: { start: { sheetId, rowIndex: 0, columnIndex: 0 }, rows: [{ values: [{ note }] }], fields: 'note' } };
}

// -------------------------------------------------------------------------------------------------
// The error

export interface OperationOutcome {
  step: string;
  sheet: string;
  status: WriteStatus;
}

/** Each operation's step once, in plan order («Цвета: «ABC»» for ten colour rules on ABC). */
function steps(outcomes: readonly OperationOutcome[], status: WriteStatus): string {
  return [...new Set(outcomes.filter((o) => o.status === status).map((o) => o.step))].join('; ');
}

/**
 * A plan that stopped part way: `operations` says of each whether it was written, `noted` the sheets
 * whose A1 note now says they are incomplete, `notNoted` those where that note could not be written.
 */
export class PartialWriteError extends Error {
  readonly operations: OperationOutcome[];

  constructor(
    spans: readonly OperationSpan[],
    readonly stop: StopPoint,
    readonly batch: { index: number; count: number },
    readonly failure: SheetsCallError,
    readonly noted: string[],
    readonly notNoted: string[],
  ) {
    const operations = spans.map((s) => ({ step: render(operationStep(s.op), 'ru'), sheet: s.op.sheet, status: statusOf(s, stop) }));
    const lines = [
      `Google Sheets: часть ${batch.index + 1} из ${batch.count} не записана / part ${batch.index + 1} of ${batch.count} was not written ` +
        `(${failure.attempts} ${failure.attempts === 1 ? 'попытка / attempt' : 'попыток / attempts'}: ${faultSummary(failure.lastError)}).`,
    ];
    const list = (ru: string, en: string, status: WriteStatus) => {
      const text = steps(operations, status);
      if (text) lines.push(`${ru} / ${en}: ${text}.`);
    };
    list('Записано', 'Written', 'written');
    list('Записано частично', 'Partly written', 'partly written');
    list('Неизвестно, записано ли (ответ потерян)', 'Unknown whether written (the answer was lost)', 'perhaps written');
    list('Не записано', 'Not written', 'not written');
    if (stop.unknownEnd === 0) lines.push('Таблица не изменена / The spreadsheet is unchanged.');
    const sheets = (names: string[]) => names.map((n) => `«${n}»`).join(', ');
    if (noted.length) lines.push(`Заметка в A1 на листах ${sheets(noted)} говорит, что они заполнены не полностью / A note on A1 of ${sheets(noted)} says the sheet is incomplete.`);
    if (notNoted.length) lines.push(`Заметку в A1 записать не удалось / The note on A1 could not be written: ${sheets(notNoted)}.`);
    lines.push('Запустите действие ещё раз / Run the action again.');
    super(lines.join('\n'));
    this.name = 'PartialWriteError';
    this.operations = operations;
  }
}
