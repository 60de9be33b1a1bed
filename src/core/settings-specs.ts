/**
 * What each setting of the settings sheet is: the label and description a user reads (in the workbook's
 * language), how a typed value is read (words of either language accepted) and how it is written back.
 * The stable key (`coldDays`, …) is what the product reads; the sheet keeps it in a hidden column.
 */
import type { CellValue } from '../workbook/snapshot';
import type { Language } from './model';
import type { DuplicateSensitivity, RfmMode, Settings } from './settings';
import { cellText, normaliseText } from './normalise/text';
import { parseAmount } from './normalise/amount';

export type Texts = { ru: string; en: string };

/** A setting's value from a cell: the parsed value, or an error message. */
export type Parsed<T> = { value: T } | { error: Texts };

export interface SettingSpec<K extends keyof Settings> {
  label: Texts;
  description: Texts;
  parse(raw: CellValue): Parsed<Settings[K]>;
  /** The value as written to the sheet, in the workbook's language. */
  write(value: Settings[K], language: Language): string | number;
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

/** A number from `min` to `max`, fractions allowed (1,5). */
function numberBetween(min: number, max: number) {
  return (raw: CellValue): Parsed<number> => {
    const { amount } = parseAmount(raw);
    if (amount === null || amount < min || amount > max) return { error: { ru: `нужно число от ${min} до ${max}, например 2 или 1,5`, en: `a number from ${min} to ${max} is needed, e.g. 2 or 1.5` } };
    return { value: amount };
  };
}

function percent(raw: CellValue): Parsed<number> {
  const { amount } = parseAmount(typeof raw === 'string' ? raw.replace('%', '') : raw);
  if (amount === null || amount <= 0 || amount >= 100) return { error: { ru: 'нужно число процентов больше 0 и меньше 100', en: 'a percentage above 0 and below 100 is needed' } };
  return { value: amount };
}

function percentOrZero(raw: CellValue): Parsed<number> {
  const { amount } = parseAmount(typeof raw === 'string' ? raw.replace('%', '') : raw);
  if (amount === null || amount < 0 || amount >= 100) return { error: { ru: 'нужно число процентов от 0 до 100', en: 'a percentage from 0 to below 100 is needed' } };
  return { value: amount };
}

/** Four increasing positive whole numbers, written `30; 60; 90; 180`. */
function bands(raw: CellValue): Parsed<number[]> {
  const parts = cellText(raw).split(/[;,\s]+/).filter(Boolean).map(Number);
  const ok = parts.length === 4 && parts.every((n, i) => Number.isInteger(n) && n > 0 && (i === 0 || n > parts[i - 1]));
  return ok ? { value: parts } : { error: { ru: 'нужны четыре возрастающих целых числа через «;», например 30; 60; 90; 180', en: 'four increasing whole numbers separated by ";" are needed, e.g. 30; 60; 90; 180' } };
}

/**
 * A choice among a few words. Each choice is written as its word in the workbook's language, and read back
 * from its key, its word in either language, or an older spelling.
 */
function choice<T extends string>(words: Record<T, Texts & { also?: string[] }>) {
  const keys = Object.keys(words) as T[];
  const accepted = (key: T) => [key, words[key].ru, words[key].en, ...(words[key].also ?? [])].map(normaliseText);
  const list = (language: Language) => keys.map((key) => `«${words[key][language]}»`).join(language === 'ru' ? ' или ' : ' or ');
  return {
    parse: (raw: CellValue): Parsed<T> => {
      const word = normaliseText(raw);
      const found = keys.find((key) => accepted(key).includes(word));
      return found ? { value: found } : { error: { ru: `нужно ${list('ru')}`, en: `${list('en')} is needed` } };
    },
    write: (value: T, language: Language) => words[value][language],
    list,
  };
}

const RFM_MODES = choice<RfmMode>({
  percentiles: { ru: 'по процентилям', en: 'percentiles', also: ['процентили', 'перцентили'] },
  fixed: { ru: 'фиксированные', en: 'fixed', also: ['границы'] },
});
const SENSITIVITIES = choice<DuplicateSensitivity>({
  strict: { ru: 'строгий', en: 'strict', also: ['строго', 'строгая'] },
  normal: { ru: 'обычный', en: 'normal', also: ['обычно', 'обычная'] },
  loose: { ru: 'мягкий', en: 'loose', also: ['мягко', 'мягкая'] },
});
const LANGUAGES = choice<Language>({
  ru: { ru: 'русский', en: 'Russian', also: ['rus'] },
  en: { ru: 'английский', en: 'English', also: ['eng'] },
});

const asIs = <T extends string | number>(value: T) => value;
const joined = (value: string[] | number[]) => value.join('; ');

/** «Имя — адрес» (the dash may be –, -, : or =); the address is the last word. */
export const MANAGER_EMAIL = /^(.+?)\s*[—–:=-]\s*([^\s@;]+@[^\s@;]+\.[^\s@;]+)$/;

/** «Менеджер — адрес» pairs separated by «;»; each must end in an e-mail address. */
function managerEmails(raw: CellValue): Parsed<string[]> {
  const parts = cellText(raw).split(';').map((part) => part.trim()).filter(Boolean);
  const bad = parts.find((part) => !MANAGER_EMAIL.test(part));
  if (bad === undefined) return { value: parts.map((part) => part.replace(MANAGER_EMAIL, '$1 — $2')) };
  return {
    error: {
      ru: `«${bad}»: нужно «Менеджер — адрес» через «;», например «Анна — anna@firm.ru; Борис — boris@firm.ru»`,
      en: `"${bad}": "Manager — address" pairs separated by ";" are needed, e.g. "Anna — anna@firm.com; Boris — boris@firm.com"`,
    },
  };
}

export const SPECS: { [K in keyof Settings]: SettingSpec<K> } = {
  coldDays: {
    label: { ru: 'Клиент остывает через, дней', en: 'Client goes cold after, days' },
    description: { ru: 'Клиент с заказами «остыл», если со дня последнего заказа прошло столько дней или больше', en: 'A client with orders is cold after this many days since the last order' },
    parse: wholeNumber(1, 3650),
    write: asIs,
  },
  rhythmSlip: {
    label: { ru: 'Пропуск ритма, раз', en: 'Rhythm missed after, times' },
    description: {
      ru: 'У клиента с 3 и более днями заказов свой ритм — медиана промежутков между заказами. Он «пропускает», если со дня последнего заказа прошло больше стольких его промежутков; тогда в «Сегодня» он вместо «остывших»',
      en: 'A client with orders on 3 days or more has a rhythm: the median gap between orders. The client is missing it after more than this many gaps since the last order, and is listed so in Today instead of as cold',
    },
    parse: numberBetween(1, 10),
    write: asIs,
  },
  abcA: {
    label: { ru: 'Граница A, % выручки', en: 'Class A boundary, % of revenue' },
    description: { ru: 'ABC: класс A — клиенты, дающие первые столько процентов выручки', en: 'ABC: class A are the clients bringing the first this many percent of revenue' },
    parse: percent,
    write: asIs,
  },
  abcB: {
    label: { ru: 'Граница B, % выручки', en: 'Class B boundary, % of revenue' },
    description: { ru: 'ABC: класс B — следующие столько процентов выручки; C — остальное', en: 'ABC: class B are the next this many percent of revenue; C is the rest' },
    parse: percent,
    write: asIs,
  },
  xyzX: {
    label: { ru: 'Граница X, % колебаний', en: 'Class X limit, % variation' },
    description: { ru: 'XYZ: класс X — помесячная выручка за 12 месяцев колеблется не больше чем на столько процентов от средней', en: 'XYZ: class X when monthly revenue over 12 months varies by at most this percent of its mean' },
    parse: percent,
    write: asIs,
  },
  xyzY: {
    label: { ru: 'Граница Y, % колебаний', en: 'Class Y limit, % variation' },
    description: { ru: 'XYZ: класс Y — колебания не больше этого; Z — больше', en: 'XYZ: class Y when the variation is at most this; Z above' },
    parse: percent,
    write: asIs,
  },
  clvDiscount: {
    label: { ru: 'Ставка дисконтирования CLV, % в месяц', en: 'CLV discount rate, % a month' },
    description: { ru: 'Ценность клиента за 12 месяцев: выручка каждого следующего месяца уменьшается на столько процентов за месяц ожидания; 0 — без дисконтирования', en: 'Client value over 12 months: each later month\'s revenue is discounted by this percent per month of waiting; 0 means no discount' },
    parse: percentOrZero,
    write: asIs,
  },
  rfmMode: {
    label: { ru: 'Границы RFM', en: 'RFM boundaries' },
    description: {
      ru: `RFM: ${RFM_MODES.list('ru')}. По процентилям — пороги по 20/40/60/80 % клиентов; фиксированные — границы в двух строках ниже`,
      en: `RFM: ${RFM_MODES.list('en')}. Percentiles: thresholds at 20/40/60/80 % of clients; fixed: the bands in the two rows below`,
    },
    parse: RFM_MODES.parse,
    write: RFM_MODES.write,
  },
  rfmRecencyBands: {
    label: { ru: 'RFM: границы давности, дней', en: 'RFM: recency bands, days' },
    description: { ru: 'Для фиксированных границ RFM: дни с последнего заказа для R5, R4, R3, R2 через «;»', en: 'For fixed RFM boundaries: days since the last order for R5, R4, R3, R2, separated by ";"' },
    parse: bands,
    write: joined,
  },
  rfmFrequencyBands: {
    label: { ru: 'RFM: границы числа заказов', en: 'RFM: order-count bands' },
    description: { ru: 'Для фиксированных границ RFM: число заказов для F1, F2, F3, F4 через «;»', en: 'For fixed RFM boundaries: order counts for F1, F2, F3, F4, separated by ";"' },
    parse: bands,
    write: joined,
  },
  phoneRegion: {
    label: { ru: 'Страна телефонов', en: 'Phone country' },
    description: { ru: 'Страна для телефонов без кода страны: двухбуквенный код (RU, KZ, BY…)', en: 'Country of phone numbers written without a country code: a two-letter code (RU, KZ, BY…)' },
    parse: (raw) => {
      const code = cellText(raw).toUpperCase();
      return /^[A-Z]{2}$/.test(code) ? { value: code } : { error: { ru: 'нужен двухбуквенный код страны, например RU', en: 'a two-letter country code such as RU is needed' } };
    },
    write: asIs,
  },
  managerLimit: {
    label: { ru: 'Клиентов на менеджера', en: 'Clients per manager' },
    description: { ru: 'Сколько активных клиентов может вести один менеджер', en: 'How many active clients one manager may handle' },
    parse: wholeNumber(1, 100000),
    write: asIs,
  },
  duplicateSensitivity: {
    label: { ru: 'Поиск дубликатов', en: 'Duplicate search' },
    description: {
      ru: `${SENSITIVITIES.list('ru')}: строгий — только совпадение телефона или e-mail; мягкий — находит больше похожих имён`,
      en: `${SENSITIVITIES.list('en')}: strict matches only a phone or an e-mail; loose finds more similar names`,
    },
    parse: SENSITIVITIES.parse,
    write: SENSITIVITIES.write,
  },
  language: {
    label: { ru: 'Язык листов надстройки', en: "Language of the add-in's sheets" },
    description: { ru: `Язык листов и заголовков, которые создаёт надстройка: ${LANGUAGES.list('ru')}`, en: `Language of the sheets and headers the add-in creates: ${LANGUAGES.list('en')}` },
    parse: LANGUAGES.parse,
    write: LANGUAGES.write,
  },
  computedColumns: {
    label: { ru: 'Столбцы, которые заполняет программа', en: 'Columns the product fills' },
    description: {
      ru: 'Столбцы листа клиентов, которые программа заполняет сама (через «;»): история заказов, давность, ABC, RFM, группа дубликатов. Такие же столбцы, заполненные вами, программа читает и меняет только с вашего подтверждения',
      en: 'Columns of the clients sheet the product fills itself (separated by ";"): order history, recency, ABC, RFM, duplicate group. Such columns filled by you are read, and changed only with your confirmation',
    },
    parse: (raw) => ({ value: cellText(raw).split(';').map((part) => part.trim()).filter(Boolean) }),
    write: joined,
  },
  managerEmails: {
    label: { ru: 'Почта менеджеров для письма «Сегодня»', en: 'Managers\' e-mail for the Today letter' },
    description: {
      ru: 'Кому каждое утро уходит письмо «Сегодня» (Google Таблицы): «Менеджер — адрес» через «;», например «Анна — anna@firm.ru; Борис — boris@firm.ru». Имя — как в столбце «Менеджер»',
      en: 'Where the morning Today letter goes (Google Sheets): "Manager — address" pairs separated by ";", e.g. "Anna — anna@firm.com; Boris — boris@firm.com". The name as in the Manager column',
    },
    parse: managerEmails,
    write: joined,
  },
  greetingTemplate: {
    label: { ru: 'Шаблон поздравления', en: 'Greeting template' },
    description: {
      ru: 'Текст поздравления с днём рождения в панели «Сегодня»: {имя} — имя клиента (из ФИО «Иванова Анна Сергеевна» — «Анна»), {фио} — ФИО полностью. Для компании — контактное лицо',
      en: 'The birthday greeting in the Today panel: {name} is the client\'s first name (from «Иванова Анна Сергеевна», «Анна»), {fullName} the full name. For a company, its contact person',
    },
    parse: (raw) => {
      const text = cellText(raw).trim();
      return text ? { value: text } : { error: { ru: 'нужен текст поздравления, например «{имя}, с днём рождения!»', en: 'a greeting text is needed, e.g. "{name}, happy birthday!"' } };
    },
    write: asIs,
  },
};

export const SETTING_KEYS = Object.keys(SPECS) as Array<keyof Settings>;

export function isSettingKey(key: string): key is keyof Settings {
  return (SETTING_KEYS as string[]).includes(key);
}
