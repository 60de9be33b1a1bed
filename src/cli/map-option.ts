/**
 * `--map`: the user's word on a column whose header the product does not recognise.
 *   --map "Клиент ID=clientId"           a column of the --orders file (for this import)
 *   --map "Склад="                        a column of the --orders file that is not imported
 *   --map "clients:Наименование=name"     a column of a sheet of the workbook (stored in its settings sheet)
 * The field is its name (`clientId`, `amount`, `quantity`…) or one of its headers (`ID клиента`).
 */
import type { SheetColumnMapping, SourceColumnMapping } from '../core/import';
import { UnlinkedOrdersError } from '../core/order-import';
import { sheetKindOfName, TABLE_FIELDS, type TableKind } from '../core/schema';
import { fieldNamed, SOURCE_FIELDS, sourceFieldNamed } from '../core/header-match';
import { listOption, UsageError, type ParsedArgs } from './args';
import { InputError } from './workbooks';

export interface MapOptions {
  source: SourceColumnMapping[];
  sheets: SheetColumnMapping[];
}

const TABLE_KINDS = Object.keys(TABLE_FIELDS) as TableKind[];

/** `clients`, `Клиенты`, `Customers`… → the table; anything else is part of a header. */
function tableOf(prefix: string): TableKind | undefined {
  const name = prefix.trim();
  const kind = TABLE_KINDS.find((k) => k === name.toLowerCase()) ?? sheetKindOfName(name);
  return kind !== undefined && (TABLE_KINDS as string[]).includes(kind) ? (kind as TableKind) : undefined;
}

function parseOne(text: string): { sheet: SheetColumnMapping } | { source: SourceColumnMapping } {
  const equals = text.lastIndexOf('=');
  if (equals < 0) throw new UsageError(`--map "${text}": нужно ЗАГОЛОВОК=ПОЛЕ / HEADER=FIELD is needed, e.g. --map "Клиент ID=clientId"`);
  const left = text.slice(0, equals);
  const right = text.slice(equals + 1).trim();
  const colon = left.indexOf(':');
  const kind = colon > 0 ? tableOf(left.slice(0, colon)) : undefined;
  const header = (kind ? left.slice(colon + 1) : left).trim();
  if (!header) throw new UsageError(`--map "${text}": нет заголовка столбца / the column header is missing`);
  if (kind) {
    const field = fieldNamed(kind, right);
    if (!field) throw new UsageError(`--map "${text}": «${right}» — не поле листа / is not a field of the sheet ${kind}. Поля / fields: ${TABLE_FIELDS[kind].join(', ')}`);
    return { sheet: { kind, header, field } as SheetColumnMapping };
  }
  if (!right) return { source: { header, field: null } };
  const field = sourceFieldNamed(right);
  if (!field) throw new UsageError(`--map "${text}": «${right}» — не поле заказа / is not an order field. Поля / fields: ${SOURCE_FIELDS.join(', ')}`);
  return { source: { header, field } };
}

/** The `--map` options, checked: a bad one is a usage error before any work. */
export function mapOptions(args: ParsedArgs, hasOrdersFile: boolean): MapOptions {
  const maps: MapOptions = { source: [], sheets: [] };
  for (const text of listOption(args, '--map')) {
    const parsed = parseOne(text);
    if ('sheet' in parsed) {
      maps.sheets.push(parsed.sheet);
    } else if (!hasOrdersFile) {
      throw new UsageError(`--map "${text}" сопоставляет столбец файла --orders; для листа книги: --map "clients:ЗАГОЛОВОК=ПОЛЕ" / maps a column of the --orders file; for a sheet of the workbook: --map "clients:HEADER=FIELD"`);
    } else {
      maps.source.push(parsed.source);
    }
  }
  return maps;
}

/** An import refused for lines that link to no client, with the `--map` that would link them. */
export function withMapHint(error: unknown): never {
  if (error instanceof UnlinkedOrdersError) {
    const column = error.column ?? 'ЗАГОЛОВОК';
    const skip = error.reason === 'mostUnlinked' ? `; не импортировать его / not to import it: --map "${column}="` : '';
    throw new InputError(`${error.message} Столбец клиента / the client column: --map "${column}=${error.field}"${skip}`);
  }
  throw error;
}
