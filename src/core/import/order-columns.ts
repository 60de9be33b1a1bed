/**
 * The columns of an orders file: which field each holds (by header or as mapped), and each cell converted
 * to a real date or number, or kept as written and reported.
 */
import { NO_CONSENT } from '../consent';
import type { CellValue, SheetSnapshot } from '../../workbook/snapshot';
import { NO_HISTORY, type Client, type DayNumber, type Language, type OrderField } from '../model';
import { say } from '../base';
import { message, type Message } from '../messages/message';
import { headerKey } from '../schema';
import { clientKeyOfHeader, matchSourceHeader, ORDER_CLIENT_DETAIL_FIELDS, type MatchRank, type OrderClientDetailField, type OrderLineField, type SourceField } from '../header-match';
import type { SourceColumnMapping } from './mapping';
import { parseDay, dayToDate, plainDay } from '../normalise/date';
import { parseAmount, plainAmount } from '../normalise/amount';
import { cellText, isBlank } from '../normalise/text';
import { OrderImportError } from './order-report';

export interface SourceColumns {
  order: Partial<Record<OrderField | OrderLineField, number>>;
  client: Partial<Record<OrderClientDetailField, number>>;
  /** Headers that hold no field (their values are not imported), the ones mapped away excluded. */
  ignored: string[];
  /** Where the ignored columns are. */
  ignoredAt: number[];
  /** Of the ignored columns, those whose header names the client (`ФИО / код клиента`). */
  clientLike: number[];
}

/** The user's mapping first, then each field at the column that names it most surely (the first of equals). */
export function sourceColumns(source: SheetSnapshot, mapping: readonly SourceColumnMapping[], language: Language): SourceColumns {
  const headers = source.header.map((cell) => cellText(cell));
  const at = new Map<SourceField, number>();
  const settled = new Set<number>();
  for (const { header, field } of mapping) {
    const index = headers.findIndex((text, i) => !settled.has(i) && headerKey(text) === headerKey(header));
    if (index < 0) {
      throw new OrderImportError(
        say(
          language,
          `В файле «${source.name}» нет столбца «${header}», указанного в сопоставлении. Столбцы файла: ${headers.filter(Boolean).join(', ')}.`,
          `The file "${source.name}" has no column "${header}" to map. Its columns: ${headers.filter(Boolean).join(', ')}.`,
        ),
      );
    }
    if (field !== null && at.has(field)) {
      throw new OrderImportError(
        say(language, `Поле ${field} сопоставлено двум столбцам: «${headers[at.get(field)!]}» и «${header}».`, `The field ${field} is mapped to two columns: "${headers[at.get(field)!]}" and "${header}".`),
      );
    }
    settled.add(index);
    if (field !== null) at.set(field, index);
  }
  const best = new Map<SourceField, { index: number; rank: MatchRank }>();
  const matched = new Set<number>();
  headers.forEach((header, index) => {
    if (!header || settled.has(index)) return;
    const match = matchSourceHeader(header);
    if (!match || at.has(match.field)) return;
    const current = best.get(match.field);
    if (!current || match.rank < current.rank) best.set(match.field, { index, rank: match.rank });
  });
  for (const [field, { index }] of best) {
    at.set(field, index);
    matched.add(index);
  }
  const order: SourceColumns['order'] = {};
  const client: SourceColumns['client'] = {};
  for (const [field, index] of at) {
    if ((ORDER_CLIENT_DETAIL_FIELDS as readonly string[]).includes(field)) client[field as OrderClientDetailField] = index;
    else order[field as OrderField | OrderLineField] = index;
  }
  const ignoredAt = headers.flatMap((header, index) => (header && !settled.has(index) && !matched.has(index) ? [index] : []));
  return {
    order,
    client,
    ignored: ignoredAt.map((index) => headers[index]),
    ignoredAt,
    clientLike: ignoredAt.filter((index) => clientKeyOfHeader(headers[index]) !== undefined),
  };
}

/** What an import takes from the file besides its columns. */
export interface OrderImportOptions {
  /** Only lines dated on or after this day are imported (undated lines are imported and reported). */
  since?: DayNumber;
}

/** A source column and where its values go. */
export interface ImportedColumn {
  field: OrderField;
  /** Index in the source rows. */
  from: number;
  /** Index in the Orders sheet's rows; -1 when the sheet has no such column (the value is still checked). */
  to: number;
  /** The source header, for problems. */
  header: string;
}

/** The day a source cell holds: a real date, or a text date in any accepted form; null for anything else. */
export function dayOf(value: CellValue | undefined): DayNumber | null {
  const quick = plainDay(value);
  if (quick === quick) return quick;
  return isBlank(value) ? null : parseDay(value, { serialNumbers: false }).day;
}

/** A cell that did not convert: kept as its text, reported with the message. */
export class ConversionProblem {
  constructor(
    readonly text: string,
    readonly message: Message,
  ) {}
}

/**
 * Converts source cells for the Orders sheet: real dates and numbers where they parse. One `Date` is
 * made per distinct day and shared by the rows of that day: cells are values nobody changes in place,
 * and a million separate dates cost memory and collection time.
 */
export class CellConverter {
  private readonly dates = new Map<number, Date>();


  private dateOf(day: number): Date {
    let date = this.dates.get(day);
    if (date === undefined) {
      date = dayToDate(day);
      this.dates.set(day, date);
    }
    return date;
  }

  /** The converted value, or a problem message (the value then stays as text). */
  convert(field: OrderField, value: CellValue | undefined): CellValue | ConversionProblem {
    if (field === 'date') {
      const day = dayOf(value);
      if (day !== null) return this.dateOf(day);
      if (isBlank(value)) return null;
      return new ConversionProblem(asWritten(value), message('import.notDate'));
    }
    if (field === 'amount') {
      const quick = plainAmount(value);
      if (quick === quick) return quick;
      if (isBlank(value)) return null;
      const parsed = parseAmount(value);
      if (parsed.amount !== null) return parsed.amount;
      return new ConversionProblem(asWritten(value), message('import.notAmount'));
    }
    return isBlank(value) ? null : asWritten(value);
  }
}

/**
 * A source cell as the text to write: a string exactly as the file has it (a tab before `=1+1`, a line
 * break at the end are the user's; the cell is written as literal text anyway), anything else as its text.
 */
export function asWritten(value: CellValue | undefined): string {
  return typeof value === 'string' ? value : cellText(value);
}

export function blankClient(row: number): Client {
  return {
    row,
    id: null,
    name: '',
    type: '',
    contact: '',
    phone: '',
    phoneNormalised: null,
    email: '',
    emailNormalised: null,
    inn: '',
    city: '',
    cityNormalised: '',
    industry: '',
    source: '',
    manager: '',
    status: '',
    service: '',
    firstContact: null,
    birthday: null,
    nextContact: null,
    channel: '',
    consent: NO_CONSENT,
    refusalReason: '',
    comment: '',
    history: NO_HISTORY,
  };
}
