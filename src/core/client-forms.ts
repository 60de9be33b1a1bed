/**
 * The panel's client forms as plans: a new client, a funnel status, a note. Each takes the base as read
 * from a snapshot, the form's input and «today», checks the input (a mistake is a `FormError` in the
 * workbook's language, nothing is planned) and plans the cells to write. The user's other cells are never
 * touched: a new client is a new row, a status or a note one cell of the client's own row.
 */
import type { WriteColumns, AppendRows } from '../workbook/operations';
import { FORMAT_DATE } from '../workbook/operations';
import type { CellValue } from '../workbook/snapshot';
import { rowIndex } from '../workbook/snapshot';
import type { Plan } from '../workbook/workbook';
import type { Base } from './base';
import { headerRowOf, lastDataRow, managedColumns, type LocatedSheet } from './layout';
import type { Client, ClientField, DayNumber, Language } from './model';
import { message, MessageError, type Message } from './messages/message';
import { dayToDate, dayToIso, isoToDotted } from './normalise/date';
import { fieldHeader } from './schema';
import { findStatus, statusNames } from './statuses';
import { assignIds } from './structure';

/** A mistake in what the user entered in a form: its message, for the panel to show in its language. */
export class FormError extends MessageError {
  constructor(detail: Message, language: Language) {
    super(detail, language);
    this.name = 'FormError';
  }
}

/** What the new-client form gives (all text as typed; `birthday` as ISO `yyyy-mm-dd`). */
export interface NewClientInput {
  name: string;
  phone?: string;
  email?: string;
  city?: string;
  type?: string;
  contact?: string;
  industry?: string;
  source?: string;
  manager?: string;
  status?: string;
  service?: string;
  channel?: string;
  comment?: string;
  birthday?: DayNumber | null;
}

function clientsSheet(base: Base): LocatedSheet<ClientField> {
  const layout = base.layout.clients;
  if (!layout) throw new FormError(message('form.noClientsSheet'), base.layout.language);
  return layout;
}

/** The new client's row at the end of the sheet, with a new ID; the plan's report is that ID. */
export function planAddClient(base: Base, input: NewClientInput, today: DayNumber): Plan<{ id: string }> {
  const language = base.layout.language;
  const name = input.name?.trim();
  if (!name) throw new FormError(message('form.noName'), language);
  const layout = clientsSheet(base);
  const row = Math.max(lastDataRow(layout), ...base.clients.map((client) => client.row)) + 1;
  const id = assignIds([...base.clients, { row, id: null }], language).get(row)!;
  const values: Partial<Record<ClientField, CellValue | undefined>> = {
    id,
    name,
    phone: input.phone,
    email: input.email,
    city: input.city,
    type: input.type,
    contact: input.contact,
    industry: input.industry,
    source: input.source,
    manager: input.manager,
    status: input.status || statusNames(language)[0],
    service: input.service,
    channel: input.channel,
    comment: input.comment,
    firstContact: dayToDate(today),
    birthday: input.birthday === null || input.birthday === undefined ? undefined : dayToDate(input.birthday),
  };
  const width = Math.max(layout.usedWidth, layout.header.length);
  const cells: CellValue[] = new Array(width).fill(null);
  for (const [field, value] of Object.entries(values) as Array<[ClientField, CellValue | undefined]>) {
    const at = layout.columns[field];
    if (at !== undefined && value !== undefined && value !== '') cells[at] = typeof value === 'string' ? value.trim() : value;
  }
  const formats: (string | null)[] = new Array(width).fill(null);
  for (const field of ['firstContact', 'birthday'] as const) {
    const at = layout.columns[field];
    if (at !== undefined) formats[at] = FORMAT_DATE;
  }
  const append: AppendRows = { kind: 'appendRows', sheet: layout.sheet, rows: [cells], numberFormats: formats };
  return { operations: [append], report: { id } };
}

/** One cell of a client's row (the column is added at the right when the sheet lacks it). */
export function clientCellOperation(base: Base, field: ClientField, client: Client, value: CellValue, numberFormat?: string): WriteColumns {
  const layout = clientsSheet(base);
  const language = base.layout.language;
  const existing = layout.columns[field];
  const managed = managedColumns(layout, language).find((m) => m.field === field);
  const column = existing !== undefined ? existing + 1 : (managed?.column ?? Math.max(layout.usedWidth, layout.header.length) + 1);
  const header = existing === undefined ? (managed?.header ?? fieldHeader('clients', field, language)) : undefined;
  const index = rowIndex(client.row, layout.headerRow);
  const values: Array<CellValue | undefined> = new Array(index + 1).fill(undefined);
  values[index] = value;
  return { kind: 'writeColumns', sheet: layout.sheet, ...headerRowOf(layout), columns: [{ column, header, values, ...(numberFormat ? { numberFormat } : {}) }] };
}

/** The client's funnel status, as the workbook's language names it. */
export function planSetStatus(base: Base, client: Client, status: string): Plan<null> {
  const language: Language = base.layout.language;
  const known = findStatus(status);
  if (!known) throw new FormError(message('form.noSuchStatus', { status }), language);
  return { operations: [clientCellOperation(base, 'status', client, known[language])], report: null };
}

/** A dated line added to the client's comment; what was there stays, above it. */
export function planAddNote(base: Base, client: Client, note: string, today: DayNumber): Plan<null> {
  const text = note.trim();
  if (!text) throw new FormError(message('form.emptyNote'), base.layout.language);
  const line = `${isoToDotted(dayToIso(today))}: ${text}`;
  const comment = client.comment ? `${client.comment}\n${line}` : line;
  return { operations: [clientCellOperation(base, 'comment', client, comment)], report: null };
}
