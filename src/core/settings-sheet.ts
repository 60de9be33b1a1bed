/**
 * The settings sheet (`Настройки` / `Settings`): one setting per row — its label, value and description in
 * the workbook's language, and its stable key (`coldDays`, `mapping.clients.phone`) in a hidden last
 * column, so a Russian and an English workbook read the same way and a user reads no identifiers. Reading
 * takes a row's key from the key column or, where the user removed it or typed a row by hand, from the
 * label (either language); values are accepted as written in either language. Header mappings are stored
 * as `mapping.<sheet>.<field>` = the user's header (empty: "no such column").
 */
import type { CellValue, SheetSnapshot, WorkbookSnapshot } from '../workbook/snapshot';
import type { SheetOperation } from '../workbook/operations';
import { say, type Language, type Problem } from './model';
import { DEFAULT_GREETING, DEFAULT_SETTINGS, type Settings } from './settings';
import { cellText, isBlank } from './normalise/text';
import { SETTING_KEYS, SPECS, isSettingKey, type Parsed, type Texts } from './settings-specs';
import { TABLE_FIELDS, fieldHeader, headerKey, sheetName, sheetNameMatches, workbookLanguage, type FieldsOf, type HeaderMapping, type TableKind } from './schema';
import { message } from './messages/message';
import { valueArchiveOperations, type ArchivedValue } from './value-archive';

const COLUMN_HEADERS: Record<'label' | 'value' | 'description' | 'key', Texts> = {
  label: { ru: 'Настройка', en: 'Setting' },
  value: { ru: 'Значение', en: 'Value' },
  description: { ru: 'Описание', en: 'Description' },
  key: { ru: 'Ключ', en: 'Key' },
};

const MAPPING_PREFIX = 'mapping.';

export interface StoredSettings {
  settings: Settings;
  mapping: HeaderMapping;
  problems: Problem[];
}

/** 0-based columns of the sheet's parts, by header; -1 where the sheet has no such column. */
interface SettingsColumns {
  key: number;
  label: number;
  value: number;
  description: number;
  valueHeader: string;
}

/** By header; a sheet with neither a key nor a label header is read as key, value (its first two columns). */
function settingsColumns(sheet: SheetSnapshot): SettingsColumns {
  const find = (texts: Texts) => sheet.header.findIndex((cell) => [texts.ru, texts.en].some((t) => headerKey(t) === headerKey(cell)));
  const [key, label, description] = [find(COLUMN_HEADERS.key), find(COLUMN_HEADERS.label), find(COLUMN_HEADERS.description)];
  const found = find(COLUMN_HEADERS.value);
  const value = found >= 0 ? found : 1;
  return { key: key < 0 && label < 0 ? 0 : key, label, value, description, valueHeader: cellText(sheet.header[value]) || COLUMN_HEADERS.value.ru };
}

/** `mapping.clients.phone` → ['clients', 'phone'] when both parts are known. */
function mappingTarget(key: string): [TableKind, string] | null {
  if (!key.startsWith(MAPPING_PREFIX)) return null;
  const [kind, field] = key.slice(MAPPING_PREFIX.length).split('.');
  if (!(kind in TABLE_FIELDS)) return null;
  return (TABLE_FIELDS[kind as TableKind] as readonly string[]).includes(field) ? [kind as TableKind, field] : null;
}

function mappingLabel(kind: TableKind, field: string, language: Language): string {
  const header = fieldHeader(kind, field as FieldsOf[TableKind], language);
  return language === 'ru' ? `Столбец «${header}» листа «${sheetName(kind, 'ru')}»` : `Column "${header}" of the ${sheetName(kind, 'en')} sheet`;
}

/** Every label a row may carry instead of its key, in both languages, by `headerKey`. */
const KEYS_BY_LABEL: ReadonlyMap<string, string> = (() => {
  const labels = new Map<string, string>();
  for (const key of SETTING_KEYS) for (const language of ['ru', 'en'] as const) labels.set(headerKey(SPECS[key].label[language]), key);
  for (const kind of Object.keys(TABLE_FIELDS) as TableKind[]) {
    for (const field of TABLE_FIELDS[kind]) for (const language of ['ru', 'en'] as const) labels.set(headerKey(mappingLabel(kind, field, language)), `${MAPPING_PREFIX}${kind}.${field}`);
  }
  return labels;
})();

/** The row's key: the key column's when it holds one, else what its label (or its first cell) names. */
function rowKey(row: readonly CellValue[], columns: SettingsColumns): string {
  for (const column of [columns.key, columns.label]) {
    if (column < 0) continue;
    const text = cellText(row[column]);
    if (isSettingKey(text) || mappingTarget(text)) return text;
    const byLabel = KEYS_BY_LABEL.get(headerKey(text));
    if (byLabel) return byLabel;
  }
  return '';
}

/**
 * The settings stored in the workbook. Missing keys take defaults (language: detected from the
 * workbook); unknown keys are ignored; a bad value is a problem and the default is used.
 */
export function readSettings(snapshot: WorkbookSnapshot): StoredSettings {
  const language = workbookLanguage(snapshot);
  const settings: Settings = { ...DEFAULT_SETTINGS, language, greetingTemplate: DEFAULT_GREETING[language], rfmRecencyBands: [...DEFAULT_SETTINGS.rfmRecencyBands], rfmFrequencyBands: [...DEFAULT_SETTINGS.rfmFrequencyBands] };
  const mapping: HeaderMapping = {};
  const problems: Problem[] = [];
  const sheet = snapshot.sheets.find((s) => sheetNameMatches('settings', s.name));
  if (!sheet) return { settings, mapping, problems };
  const columns = settingsColumns(sheet);
  const rowOf: Partial<Record<keyof Settings, number>> = {};
  sheet.rows.forEach((row, index) => {
    const key = rowKey(row, columns);
    const raw = row[columns.value] ?? null;
    if (isSettingKey(key)) {
      if (isBlank(raw)) return;
      const parsed = SPECS[key].parse(raw) as Parsed<never>;
      if ('value' in parsed) {
        settings[key] = parsed.value;
        rowOf[key] = index + 2;
      } else {
        const shown = SPECS[key].write(DEFAULT_SETTINGS[key] as never, language);
        problems.push({
          sheet: sheet.name,
          row: index + 2,
          column: columns.valueHeader,
          value: cellText(raw),
          message: message('settings.badValue', { label: SPECS[key].label, error: parsed.error, shown }),
        });
      }
      return;
    }
    const target = mappingTarget(key);
    if (target) {
      const [kind, field] = target;
      const header = cellText(raw);
      const forKind = (mapping[kind] ?? {}) as Record<string, string | null>;
      forKind[field] = header || null;
      (mapping as Record<string, unknown>)[kind] = forKind;
    }
  });
  if (settings.abcA + settings.abcB >= 100) {
    problems.push({
      sheet: sheet.name,
      row: rowOf.abcB ?? rowOf.abcA ?? 1,
      column: columns.valueHeader,
      value: `${settings.abcA} + ${settings.abcB}`,
      message: message('settings.abcOverflow', { sum: settings.abcA + settings.abcB, a: DEFAULT_SETTINGS.abcA, b: DEFAULT_SETTINGS.abcB }),
    });
    settings.abcA = DEFAULT_SETTINGS.abcA;
    settings.abcB = DEFAULT_SETTINGS.abcB;
  }
  return { settings, mapping, problems };
}

/** One row of the sheet: what it says, by part. */
interface SettingRow {
  key: string;
  label: string;
  value: CellValue;
  description: string;
}

/** The mapping's rows, in table and field order. */
function mappingRows(mapping: HeaderMapping, language: Language): SettingRow[] {
  const rows: SettingRow[] = [];
  for (const kind of Object.keys(TABLE_FIELDS) as TableKind[]) {
    const forKind = (mapping[kind] ?? {}) as Partial<Record<FieldsOf[TableKind], string | null>>;
    for (const field of TABLE_FIELDS[kind] as readonly FieldsOf[TableKind][]) {
      const header = forKind[field];
      if (header === undefined) continue;
      const description = language === 'ru'
        ? `Как этот столбец называется в вашей книге (пусто — такого столбца нет)`
        : `What this column is called in your workbook (empty: there is no such column)`;
      rows.push({ key: `${MAPPING_PREFIX}${kind}.${field}`, label: mappingLabel(kind, field, language), value: header ?? '', description });
    }
  }
  return rows;
}

/** The rows of the settings sheet: every setting, then the header mapping the user set. */
function settingsRows(settings: Settings, mapping: HeaderMapping, language: Language): SettingRow[] {
  const rows = SETTING_KEYS.map((key): SettingRow => ({
    key,
    label: SPECS[key].label[language],
    value: SPECS[key].write(settings[key] as never, language),
    description: SPECS[key].description[language],
  }));
  return [...rows, ...mappingRows(mapping, language)];
}

/** Write the settings sheet whole (replacing it): `sheet` defaults to the canonical name in `language`. */
export function settingsOperations(settings: Settings, mapping: HeaderMapping, language: Language, sheet = sheetName('settings', language)): SheetOperation[] {
  return [
    {
      kind: 'writeTable',
      sheet,
      replace: true,
      header: [COLUMN_HEADERS.label[language], COLUMN_HEADERS.value[language], COLUMN_HEADERS.description[language], COLUMN_HEADERS.key[language]],
      rows: settingsRows(settings, mapping, language).map((row) => [row.label, row.value, row.description, row.key]),
      columnWidths: [36, 22, 80, 26],
      hiddenColumns: [false, false, false, true],
      freezeHeader: true,
    },
  ];
}

/** A new row laid out as the sheet lays out its rows (a sheet of an older layout keeps its layout). */
function rowInLayout(row: SettingRow, columns: SettingsColumns, width: number): CellValue[] {
  const description = columns.description >= 0 ? columns.description : columns.key < 0 ? -1 : Math.max(columns.key, columns.value) + 1;
  const cells: CellValue[] = new Array(Math.max(width, columns.key + 1, columns.label + 1, columns.value + 1, description + 1)).fill(null);
  if (columns.label >= 0) cells[columns.label] = row.label;
  if (columns.key >= 0) cells[columns.key] = row.key;
  cells[columns.value] = row.value;
  // Without a label column the description is all that tells a reader what the row is.
  if (description >= 0) cells[description] = columns.label >= 0 ? row.description : `${row.label}. ${row.description}`;
  return cells;
}

/** Why the settings sheet changes: the action's name and its moment, for the value archive. */
export interface SettingsChange {
  action: string;
  when: Date;
}

/** A change of the header mapping, made `when`. */
export function mappingChange(language: Language, when: Date): SettingsChange {
  return { action: say(language, 'Настройки: сопоставление столбцов', 'Settings: column mapping'), when };
}

/** A stored value as the sheet would show it, so that "changed" means changed as written. */
function shownValue(row: SettingRow, stored: StoredSettings, language: Language): string {
  if (isSettingKey(row.key)) return cellText(SPECS[row.key].write(stored.settings[row.key] as never, language));
  const [kind, field] = mappingTarget(row.key) ?? [];
  const header = kind && field ? (stored.mapping[kind] as Record<string, string | null> | undefined)?.[field] : undefined;
  return header ?? '';
}

/** Whether `row`'s new value still holds all of `before`: a list the product adds to (the computed columns) loses nothing. */
function keepsAll(row: SettingRow, before: CellValue): boolean {
  if (!isSettingKey(row.key)) return false;
  const [was, now] = [SPECS[row.key].parse(before), SPECS[row.key].parse(row.value)];
  if (!('value' in was) || !('value' in now) || !Array.isArray(was.value) || !Array.isArray(now.value)) return false;
  const kept: unknown[] = now.value;
  return was.value.every((item: unknown) => kept.includes(item));
}

/**
 * Writes the settings and mapping that differ from what the sheet holds now, and touches nothing else:
 * a setting whose row is there gets the new value in its value cell (in the row reading takes, the last
 * one with that key), a setting without a row gets one appended, and every other row — a value typed by
 * hand included, even one that does not parse, while the form leaves it as it is — stays untouched. A
 * value that changes is first copied to the value archive, unless the new one holds all of it (a list the
 * product only adds to). A workbook without a settings sheet gets one whole.
 */
export function settingsChangeOperations(snapshot: WorkbookSnapshot, settings: Settings, mapping: HeaderMapping, change: SettingsChange): SheetOperation[] {
  const stored = readSettings(snapshot);
  const sheet = snapshot.sheets.find((s) => sheetNameMatches('settings', s.name));
  if (!sheet) return settingsOperations(settings, mapping, settings.language);
  const language = stored.settings.language;
  const columns = settingsColumns(sheet);
  const keys = sheet.rows.map((row) => rowKey(row, columns));
  const values: Array<CellValue | undefined> = [];
  const appended: CellValue[][] = [];
  const archived: ArchivedValue[] = [];
  for (const row of settingsRows(settings, mapping, language)) {
    if (cellText(row.value) === shownValue(row, stored, language)) continue;
    const index = keys.lastIndexOf(row.key);
    if (index < 0) {
      appended.push(rowInLayout(row, columns, sheet.header.length));
      continue;
    }
    values[index] = row.value;
    const before = sheet.rows[index][columns.value] ?? null;
    const label = (columns.label >= 0 && cellText(sheet.rows[index][columns.label])) || row.label;
    if (!isBlank(before) && !keepsAll(row, before)) archived.push({ sheet: sheet.name, row: index + 2, column: `${columns.valueHeader}: ${label}`, clientId: null, client: '', before, after: row.value });
  }
  const operations: SheetOperation[] = valueArchiveOperations(archived, change.action, change.when, language);
  if (values.length > 0) operations.push({ kind: 'writeColumns', sheet: sheet.name, columns: [{ column: columns.value + 1, values: Array.from(values) }] });
  if (appended.length > 0) operations.push({ kind: 'appendRows', sheet: sheet.name, rows: appended });
  return operations;
}
