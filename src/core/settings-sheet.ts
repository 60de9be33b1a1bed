/**
 * The settings sheet (`Настройки` / `Settings`): one setting per row — key, value, description.
 * Keys are stable English identifiers so a Russian and an English workbook read the same way; header
 * mappings are stored as `mapping.<sheet>.<field>` = the user's header (empty: "no such column").
 */
import type { CellValue, SheetSnapshot, WorkbookSnapshot } from '../workbook/snapshot';
import type { SheetOperation } from '../workbook/operations';
import type { Language, Problem } from './model';
import { DEFAULT_SETTINGS, type DuplicateSensitivity, type RfmMode, type Settings } from './settings';
import { cellText, isBlank, normaliseText } from './normalise/text';
import { parseAmount } from './normalise/amount';
import { TABLE_FIELDS, headerKey, sheetName, sheetNameMatches, workbookLanguage, type FieldsOf, type HeaderMapping, type TableKind } from './schema';
import { message } from './messages/message';

type Texts = { ru: string; en: string };

const COLUMN_HEADERS: Record<'key' | 'value' | 'description', Texts> = {
  key: { ru: 'Ключ', en: 'Key' },
  value: { ru: 'Значение', en: 'Value' },
  description: { ru: 'Описание', en: 'Description' },
};

/** A setting's value from a cell: the parsed value, or an error message. */
type Parsed<T> = { value: T } | { error: Texts };

interface SettingSpec<K extends keyof Settings> {
  description: Texts;
  parse(raw: CellValue): Parsed<Settings[K]>;
  /** The value as written to the sheet. */
  write(value: Settings[K]): string | number;
}

function wholeNumber(min: number, max: number) {
  return (raw: CellValue): Parsed<number> => {
    const { amount } = parseAmount(raw);
    if (amount === null || !Number.isInteger(amount) || amount < min || amount > max) {
      return { error: { ru: `нужно целое число от ${min} до ${max}`, en: `a whole number from ${min} to ${max} is needed` } };
    }
    return { value: amount };
  };
}

function percent(raw: CellValue): Parsed<number> {
  const { amount } = parseAmount(typeof raw === 'string' ? raw.replace('%', '') : raw);
  if (amount === null || amount <= 0 || amount >= 100) return { error: { ru: 'нужно число процентов больше 0 и меньше 100', en: 'a percentage above 0 and below 100 is needed' } };
  return { value: amount };
}

/** Four increasing positive whole numbers, written `30; 60; 90; 180`. */
function bands(raw: CellValue): Parsed<number[]> {
  const parts = cellText(raw).split(/[;,\s]+/).filter(Boolean).map(Number);
  const ok = parts.length === 4 && parts.every((n, i) => Number.isInteger(n) && n > 0 && (i === 0 || n > parts[i - 1]));
  return ok ? { value: parts } : { error: { ru: 'нужны четыре возрастающих целых числа через «;», например 30; 60; 90; 180', en: 'four increasing whole numbers separated by ";" are needed, e.g. 30; 60; 90; 180' } };
}

/** One of a few words; each accepted in either language. */
function oneOf<T extends string>(choices: Record<T, string[]>, hint: Texts) {
  return (raw: CellValue): Parsed<T> => {
    const word = normaliseText(raw);
    const found = (Object.keys(choices) as T[]).find((key) => key === word || choices[key].includes(word));
    return found ? { value: found } : { error: hint };
  };
}

const RFM_MODES: Record<RfmMode, string[]> = { percentiles: ['процентили', 'перцентили'], fixed: ['фиксированные', 'границы'] };
const SENSITIVITIES: Record<DuplicateSensitivity, string[]> = { strict: ['строго', 'строгая'], normal: ['обычно', 'обычная'], loose: ['мягко', 'мягкая'] };
const LANGUAGES: Record<Language, string[]> = { ru: ['русский', 'rus', 'russian'], en: ['английский', 'english', 'eng'] };

const SPECS: { [K in keyof Settings]: SettingSpec<K> } = {
  coldDays: {
    description: { ru: 'Клиент с заказами «остыл», если со дня последнего заказа прошло столько дней или больше', en: 'A client with orders is cold after this many days since the last order' },
    parse: wholeNumber(1, 3650),
    write: (v) => v,
  },
  abcA: {
    description: { ru: 'ABC: доля выручки класса A, %', en: 'ABC: share of revenue of class A, %' },
    parse: percent,
    write: (v) => v,
  },
  abcB: {
    description: { ru: 'ABC: доля выручки класса B, % (C — остальное)', en: 'ABC: share of revenue of class B, % (C is the rest)' },
    parse: percent,
    write: (v) => v,
  },
  rfmMode: {
    description: { ru: 'RFM: percentiles — пороги по 20/40/60/80 % клиентов; fixed — фиксированные границы ниже', en: 'RFM: percentiles — thresholds at 20/40/60/80 % of clients; fixed — the bands below' },
    parse: oneOf(RFM_MODES, { ru: 'нужно percentiles или fixed', en: 'percentiles or fixed is needed' }),
    write: (v) => v,
  },
  rfmRecencyBands: {
    description: { ru: 'RFM fixed: границы давности в днях для R5, R4, R3, R2', en: 'RFM fixed: recency bands in days for R5, R4, R3, R2' },
    parse: bands,
    write: (v) => v.join('; '),
  },
  rfmFrequencyBands: {
    description: { ru: 'RFM fixed: границы числа заказов для F1, F2, F3, F4', en: 'RFM fixed: order-count bands for F1, F2, F3, F4' },
    parse: bands,
    write: (v) => v.join('; '),
  },
  phoneRegion: {
    description: { ru: 'Страна для телефонов без кода страны (RU, KZ, BY…)', en: 'Country of phone numbers written without a country code (RU, KZ, BY…)' },
    parse: (raw) => {
      const code = cellText(raw).toUpperCase();
      return /^[A-Z]{2}$/.test(code) ? { value: code } : { error: { ru: 'нужен двухбуквенный код страны, например RU', en: 'a two-letter country code such as RU is needed' } };
    },
    write: (v) => v,
  },
  managerLimit: {
    description: { ru: 'Сколько активных клиентов может вести один менеджер', en: 'How many active clients one manager may handle' },
    parse: wholeNumber(1, 100000),
    write: (v) => v,
  },
  duplicateSensitivity: {
    description: { ru: 'Поиск дубликатов: strict, normal или loose', en: 'Duplicate search: strict, normal or loose' },
    parse: oneOf(SENSITIVITIES, { ru: 'нужно strict, normal или loose', en: 'strict, normal or loose is needed' }),
    write: (v) => v,
  },
  language: {
    description: { ru: 'Язык листов и заголовков, которые создаёт надстройка: ru или en', en: 'Language of the sheets and headers the add-in creates: ru or en' },
    parse: oneOf(LANGUAGES, { ru: 'нужно ru или en', en: 'ru or en is needed' }),
    write: (v) => v,
  },
  computedColumns: {
    description: {
      ru: 'Столбцы листа клиентов, которые программа заполняет сама (через «;»): история заказов, давность, ABC, RFM, группа дубликатов. Такие же столбцы, заполненные вами, программа читает и меняет только с вашего подтверждения',
      en: 'Columns of the clients sheet the product fills itself (separated by ";"): order history, recency, ABC, RFM, duplicate group. Such columns filled by you are read, and changed only with your confirmation',
    },
    parse: (raw) => ({ value: cellText(raw).split(';').map((part) => part.trim()).filter(Boolean) }),
    write: (v) => v.join('; '),
  },
};

const SETTING_KEYS = Object.keys(SPECS) as Array<keyof Settings>;
const MAPPING_PREFIX = 'mapping.';

export interface StoredSettings {
  settings: Settings;
  mapping: HeaderMapping;
  problems: Problem[];
}

/** Column indexes of key and value: by header, else the first two columns. */
function keyValueColumns(sheet: SheetSnapshot): { key: number; value: number; valueHeader: string } {
  const find = (texts: Texts, fallback: number) => {
    const index = sheet.header.findIndex((cell) => [texts.ru, texts.en].some((t) => headerKey(t) === headerKey(cell)));
    return index >= 0 ? index : fallback;
  };
  const value = find(COLUMN_HEADERS.value, 1);
  return { key: find(COLUMN_HEADERS.key, 0), value, valueHeader: cellText(sheet.header[value]) || COLUMN_HEADERS.value.ru };
}

function isSettingKey(key: string): key is keyof Settings {
  return (SETTING_KEYS as string[]).includes(key);
}

/** `mapping.clients.phone` → ['clients', 'phone'] when both parts are known. */
function mappingTarget(key: string): [TableKind, string] | null {
  if (!key.startsWith(MAPPING_PREFIX)) return null;
  const [kind, field] = key.slice(MAPPING_PREFIX.length).split('.');
  if (!(kind in TABLE_FIELDS)) return null;
  return (TABLE_FIELDS[kind as TableKind] as readonly string[]).includes(field) ? [kind as TableKind, field] : null;
}

/**
 * The settings stored in the workbook. Missing keys take defaults (language: detected from the
 * workbook); unknown keys are ignored; a bad value is a problem and the default is used.
 */
export function readSettings(snapshot: WorkbookSnapshot): StoredSettings {
  const language = workbookLanguage(snapshot);
  const settings: Settings = { ...DEFAULT_SETTINGS, language, rfmRecencyBands: [...DEFAULT_SETTINGS.rfmRecencyBands], rfmFrequencyBands: [...DEFAULT_SETTINGS.rfmFrequencyBands] };
  const mapping: HeaderMapping = {};
  const problems: Problem[] = [];
  const sheet = snapshot.sheets.find((s) => sheetNameMatches('settings', s.name));
  if (!sheet) return { settings, mapping, problems };
  const columns = keyValueColumns(sheet);
  const rowOf: Partial<Record<keyof Settings, number>> = {};
  sheet.rows.forEach((row, index) => {
    const key = cellText(row[columns.key]);
    const raw = row[columns.value] ?? null;
    if (isSettingKey(key)) {
      if (isBlank(raw)) return;
      const parsed = SPECS[key].parse(raw) as Parsed<never>;
      if ('value' in parsed) {
        settings[key] = parsed.value;
        rowOf[key] = index + 2;
      } else {
        const shown = SPECS[key].write(DEFAULT_SETTINGS[key] as never);
        problems.push({
          sheet: sheet.name,
          row: index + 2,
          column: columns.valueHeader,
          value: cellText(raw),
          message: message('settings.badValue', { key, error: parsed.error, shown }),
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

/** The mapping's rows (key, header, description), in table and field order. */
function mappingRows(mapping: HeaderMapping, language: Language): CellValue[][] {
  const rows: CellValue[][] = [];
  for (const kind of Object.keys(TABLE_FIELDS) as TableKind[]) {
    const forKind = (mapping[kind] ?? {}) as Partial<Record<FieldsOf[TableKind], string | null>>;
    for (const field of TABLE_FIELDS[kind] as readonly FieldsOf[TableKind][]) {
      const header = forKind[field];
      if (header === undefined) continue;
      const description = language === 'ru'
        ? `Заголовок столбца для поля ${field} на листе ${sheetName(kind, 'ru')} (пусто — столбца нет)`
        : `Column header of the field ${field} on the ${sheetName(kind, 'en')} sheet (empty: there is no such column)`;
      rows.push([`${MAPPING_PREFIX}${kind}.${field}`, header ?? '', description]);
    }
  }
  return rows;
}

/** The rows of the settings sheet: every setting, then the header mapping the user set. */
function settingsRows(settings: Settings, mapping: HeaderMapping, language: Language): CellValue[][] {
  const rows: CellValue[][] = SETTING_KEYS.map((key) => [key, SPECS[key].write(settings[key] as never), SPECS[key].description[language]]);
  return [...rows, ...mappingRows(mapping, language)];
}

/** Write the settings sheet whole (replacing it): `sheet` defaults to the canonical name in `language`. */
export function settingsOperations(settings: Settings, mapping: HeaderMapping, language: Language, sheet = sheetName('settings', language)): SheetOperation[] {
  return [
    {
      kind: 'writeTable',
      sheet,
      replace: true,
      header: [COLUMN_HEADERS.key[language], COLUMN_HEADERS.value[language], COLUMN_HEADERS.description[language]],
      rows: settingsRows(settings, mapping, language),
      columnWidths: [28, 22, 80],
      freezeHeader: true,
    },
  ];
}

/**
 * Sets the given header mappings in the settings sheet and touches nothing else: a key already there
 * gets the new header in its value cell, a new key is appended, every other row (a value typed by hand
 * included, even one that does not parse) stays as it is. A workbook without a settings sheet gets one.
 */
export function mappingOperations(snapshot: WorkbookSnapshot, mapping: HeaderMapping): SheetOperation[] {
  const stored = readSettings(snapshot);
  const language = stored.settings.language;
  const sheet = snapshot.sheets.find((s) => sheetNameMatches('settings', s.name));
  if (!sheet) return settingsOperations(stored.settings, mapping, language);
  const columns = keyValueColumns(sheet);
  const found = sheet.header.findIndex((cell) => [COLUMN_HEADERS.description.ru, COLUMN_HEADERS.description.en].some((t) => headerKey(t) === headerKey(cell)));
  const descriptionColumn = found >= 0 ? found : 2;
  const values: Array<CellValue | undefined> = [];
  const appended: CellValue[][] = [];
  for (const [key, header, description] of mappingRows(mapping, language)) {
    const index = sheet.rows.findIndex((row) => cellText(row[columns.key]) === key);
    if (index >= 0) {
      values[index] = header;
      continue;
    }
    const row: CellValue[] = new Array(Math.max(sheet.header.length, columns.key + 1, columns.value + 1, descriptionColumn + 1)).fill(null);
    row[columns.key] = key;
    row[columns.value] = header;
    row[descriptionColumn] = description;
    appended.push(row);
  }
  const operations: SheetOperation[] = [];
  if (values.length > 0) operations.push({ kind: 'writeColumns', sheet: sheet.name, columns: [{ column: columns.value + 1, values: Array.from(values) }] });
  if (appended.length > 0) operations.push({ kind: 'appendRows', sheet: sheet.name, rows: appended });
  return operations;
}
