/** What an order import reports, and the errors it refuses with. */
import type { Language, Problem } from '../model';
import type { AddedColumn } from './added-columns';
import { say } from '../base';
import { formatCount } from '../plural';
import { isoToDotted } from '../normalise/date';

export interface OrderImportReport {
  /** Name of the imported file or sheet, for messages. */
  source: string;
  imported: number;
  /** Lines of the file the Orders sheet already held (an export imported again): not imported. */
  alreadyPresent: number;
  /** The first day imported (`since`, ISO), or null when every date is. */
  since: string | null;
  /** Lines dated before `since`: not imported. */
  beforeSince: number;
  /** Imported lines linked to a client already in the base (the rest name a new client or none). */
  linked: number;
  clientsAdded: number;
  /** Source headers that match no order or client field (their values are not imported). */
  ignoredColumns: string[];
  /** Columns added at a sheet's right for what the file has and the sheet had no column for. */
  addedColumns: AddedColumn[];
  problems: Problem[];
}

export class NoOrdersSheetError extends Error {
  constructor(language: Language) {
    super(
      say(
        language,
        'В книге нет листа заказов: сначала выполните «Структурировать базу».',
        'The workbook has no orders sheet: run "Structure the base" first.',
      ),
    );
    this.name = 'NoOrdersSheetError';
  }
}

/** An import the product refuses (a mapped header the file does not have). Nothing is written. */
export class OrderImportError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'OrderImportError';
  }
}

/**
 * An import whose lines cannot be linked to clients: nothing is written. `column` is the file's column
 * that most likely holds the client (null when none looks like it) and `field` the field to map it to;
 * `reason` says whether the file has no recognised client column or most of its lines link nowhere.
 */
export class UnlinkedOrdersError extends OrderImportError {
  constructor(
    message: string,
    readonly column: string | null,
    readonly field: 'clientId' | 'client',
    readonly reason: 'noClientColumn' | 'mostUnlinked',
  ) {
    super(message);
    this.name = 'UnlinkedOrdersError';
  }
}

/**
 * The import in one line, numbers grouped as the language writes them («уже были: 1 234», with a
 * no-break space): what was imported, what the sheet already held, what `since` left out.
 */
export function orderImportSummary(report: OrderImportReport, language: Language): string {
  const n = (count: number) => formatCount(count, language);
  const parts = [
    say(language, `Импортировано заказов: ${n(report.imported)} (связано с клиентами базы: ${n(report.linked)})`, `Orders imported: ${n(report.imported)} (linked to clients of the base: ${n(report.linked)})`),
    say(language, `уже были: ${n(report.alreadyPresent)}`, `already there: ${n(report.alreadyPresent)}`),
  ];
  if (report.since !== null) {
    const since = say(language, isoToDotted(report.since), report.since);
    parts.push(say(language, `раньше ${since}: ${n(report.beforeSince)}`, `before ${since}: ${n(report.beforeSince)}`));
  }
  parts.push(say(language, `добавлено клиентов: ${n(report.clientsAdded)}`, `clients added: ${n(report.clientsAdded)}`));
  if (report.addedColumns.length > 0) {
    const columns = report.addedColumns.map(({ sheet, header }) => `«${header}» (${sheet})`).join(', ');
    parts.push(say(language, `добавлены столбцы, которых не было: ${columns}`, `columns added that were missing: ${columns}`));
  }
  return parts.join(', ');
}
