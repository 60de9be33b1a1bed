/**
 * The workbook's vocabulary: which names the product's sheets go by and which headers its fields go
 * by, in Russian and English, with the synonyms users actually type. Matching is case-, space-, ё- and
 * punctuation-insensitive (`Моб. телефон` = `моб телефон`, `E-mail` = `email`).
 *
 * The first Russian and the first English synonym of each entry are the canonical names: what the
 * product writes when it creates a sheet or adds a column.
 */
import { CLIENT_FIELDS, ORDER_FIELDS, SERVICE_FIELDS } from './model';
import type { ClientField, Language, OrderField, ServiceField } from './model';
import { cellText, normaliseText } from './normalise/text';
import type { WorkbookSnapshot } from '../workbook/snapshot';

/** The three sheets of user data. */
export type TableKind = 'services' | 'clients' | 'orders';

export type SheetKind =
  | TableKind
  | 'settings'
  | 'abc'
  | 'abcServices'
  | 'rfm'
  | 'funnel'
  | 'managers'
  | 'cohorts'
  | 'duplicates'
  | 'archive'
  | 'valueArchive'
  | 'problems'
  | 'today'
  | 'history'
  | 'clientValue'
  | 'abcXyz'
  | 'plan'
  | 'planFact'
  | 'funnelMovement'
  | 'merge';

export interface FieldsOf {
  clients: ClientField;
  services: ServiceField;
  orders: OrderField;
}

export const TABLE_FIELDS: { [K in TableKind]: readonly FieldsOf[K][] } = {
  clients: CLIENT_FIELDS,
  services: SERVICE_FIELDS,
  orders: ORDER_FIELDS,
};

/**
 * The user's own word on where a field is: field → header text, or null for "this sheet has no such
 * column" (so a synonym match is not used). Stored in the settings sheet.
 */
export type HeaderMapping = { [K in TableKind]?: Partial<Record<FieldsOf[K], string | null>> };

export interface Names {
  ru: string[];
  en: string[];
}

const SHEET_NAMES: Record<SheetKind, Names> = {
  services: {
    ru: ['Услуги', 'Прайс', 'Прайс-лист', 'Товары и услуги', 'Каталог', 'Номенклатура', 'Товары', 'Справочник услуг'],
    en: ['Services', 'Price list', 'Products', 'Products and services', 'Catalogue', 'Catalog'],
  },
  clients: {
    ru: ['Клиенты', 'База клиентов', 'Клиентская база', 'Контрагенты', 'Покупатели', 'Заказчики', 'Контакты'],
    en: ['Clients', 'Customers', 'Client base', 'Customer base', 'Contacts', 'Accounts'],
  },
  orders: {
    ru: ['Заказы', 'Продажи', 'Сделки', 'Покупки', 'Реализация', 'История заказов'],
    en: ['Orders', 'Sales', 'Deals', 'Purchases', 'Order history', 'Transactions'],
  },
  settings: { ru: ['Настройки', 'Параметры'], en: ['Settings', 'Options'] },
  abc: { ru: ['ABC', 'ABC клиентов', 'ABC-анализ'], en: ['ABC', 'ABC clients', 'ABC analysis'] },
  abcServices: { ru: ['ABC услуг'], en: ['ABC services'] },
  rfm: { ru: ['RFM', 'RFM-анализ'], en: ['RFM', 'RFM analysis'] },
  funnel: { ru: ['Воронка'], en: ['Funnel'] },
  managers: { ru: ['Менеджеры', 'Нагрузка менеджеров'], en: ['Managers', 'Manager load'] },
  cohorts: { ru: ['Когорты', 'Когортный анализ'], en: ['Cohorts', 'Cohort analysis'] },
  duplicates: { ru: ['Дубликаты', 'Дубли'], en: ['Duplicates'] },
  archive: { ru: ['Архив'], en: ['Archive'] },
  valueArchive: { ru: ['Архив значений'], en: ['Value archive'] },
  // Excel reserves «History» as a sheet name (it refuses to add or rename a sheet to it): the English
  // sheet is written as «Contact history», and a «History» sheet made in Google Sheets is still read.
  history: { ru: ['История', 'История контактов'], en: ['Contact history', 'History'] },
  problems: { ru: ['Проблемы', 'Ошибки данных'], en: ['Problems', 'Data problems'] },
  today: { ru: ['Сегодня'], en: ['Today'] },
  clientValue: { ru: ['Ценность клиентов'], en: ['Client value'] },
  abcXyz: { ru: ['ABC-XYZ'], en: ['ABC-XYZ'] },
  plan: { ru: ['План', 'План продаж', 'План менеджеров'], en: ['Plan', 'Sales plan', 'Targets'] },
  planFact: { ru: ['План-факт', 'План и факт', 'Планфакт'], en: ['Plan vs actual', 'Plan vs fact', 'Plan and actual'] },
  // «Воронка: движение» is the report's title: a sheet name cannot hold a colon in Excel.
  funnelMovement: { ru: ['Воронка — движение'], en: ['Funnel movement'] },
  // The result of merging the managers' files back (manager-merge.ts).
  merge: { ru: ['Слияние'], en: ['Merge'] },
};

/** Every kind of sheet the product names. */
export const SHEET_KINDS = Object.keys(SHEET_NAMES) as SheetKind[];

/** The columns of the user's plan sheet «План»: one row per manager and month. */
export const PLAN_FIELDS = ['manager', 'month', 'revenue', 'newClients', 'contacts'] as const;
export type PlanField = (typeof PLAN_FIELDS)[number];

export const PLAN_HEADERS: Record<PlanField, Names> = {
  manager: { ru: ['Менеджер', 'Ответственный', 'Продавец'], en: ['Manager', 'Sales rep', 'Owner'] },
  month: { ru: ['Месяц', 'Период', 'Месяц плана'], en: ['Month', 'Period'] },
  revenue: { ru: ['Выручка', 'План выручки', 'Выручка, план', 'Продажи'], en: ['Revenue', 'Revenue plan', 'Sales'] },
  newClients: { ru: ['Новые клиенты', 'Новых клиентов', 'План новых клиентов'], en: ['New clients', 'New customers'] },
  contacts: { ru: ['Контакты', 'Контактов', 'План контактов', 'Касания'], en: ['Contacts', 'Touches'] },
};

export const CLIENT_HEADERS: Record<ClientField, Names> = {
  id: { ru: ['ID', 'ИД', 'Код клиента', 'Номер клиента', '№ клиента', 'Код'], en: ['ID', 'Client ID', 'Customer ID', 'Code'] },
  name: {
    ru: ['Клиент', 'ФИО', 'Имя', 'Наименование', 'Название', 'Компания', 'Организация', 'Контрагент', 'Покупатель', 'Заказчик', 'ФИО клиента', 'Имя клиента', 'Название компании', 'Наименование клиента'],
    en: ['Client', 'Name', 'Customer', 'Full name', 'Company', 'Client name', 'Customer name', 'Account'],
  },
  type: { ru: ['Тип', 'Тип клиента', 'Физ/юр', 'Физ/юр лицо', 'Вид клиента'], en: ['Type', 'Client type', 'Customer type'] },
  contact: {
    ru: ['Контактное лицо', 'Контакт', 'ЛПР', 'Лицо принимающее решение', 'Представитель'],
    en: ['Contact person', 'Contact', 'Decision maker'],
  },
  phone: {
    ru: ['Телефон', 'Тел', 'Тел.', 'Моб. телефон', 'Мобильный', 'Мобильный телефон', 'Сотовый', 'Номер телефона', 'Контактный телефон', 'Телефон клиента', 'Телефон для связи'],
    en: ['Phone', 'Mobile', 'Telephone', 'Phone number', 'Tel', 'Cell'],
  },
  email: { ru: ['E-mail', 'Эл. почта', 'Электронная почта', 'Почта', 'Емейл', 'Имейл', 'Е-мейл'], en: ['E-mail', 'Email', 'Mail', 'Email address'] },
  inn: { ru: ['ИНН', 'ИНН клиента'], en: ['INN', 'TIN', 'Tax ID', 'VAT number'] },
  city: { ru: ['Город', 'Населённый пункт', 'Регион', 'Город клиента'], en: ['City', 'Town', 'Location'] },
  industry: { ru: ['Отрасль', 'Сфера', 'Сфера деятельности', 'Вид деятельности', 'Направление'], en: ['Industry', 'Sector', 'Business'] },
  source: { ru: ['Источник', 'Откуда пришёл', 'Канал привлечения', 'Источник клиента'], en: ['Source', 'Lead source', 'Acquisition channel'] },
  manager: {
    ru: ['Менеджер', 'Ответственный', 'Ответственный менеджер', 'Клиентский менеджер', 'Продавец'],
    en: ['Manager', 'Owner', 'Account manager', 'Sales rep', 'Responsible'],
  },
  status: { ru: ['Статус', 'Статус воронки', 'Статус клиента', 'Этап воронки', 'Этап'], en: ['Status', 'Funnel status', 'Client status', 'Stage'] },
  service: { ru: ['Услуга', 'Услуги', 'Товар', 'Продукт', 'Интересующая услуга', 'Купленная услуга'], en: ['Service', 'Product', 'Services'] },
  firstContact: {
    ru: ['Дата первого контакта', 'Первый контакт', 'Дата контакта', 'Дата обращения', 'Дата первого обращения', 'Первое обращение', 'Дата добавления', 'Дата регистрации'],
    en: ['First contact', 'First contact date', 'Date of first contact', 'Date added', 'Created'],
  },
  firstOrder: { ru: ['Первый заказ', 'Дата первого заказа', 'Первая покупка', 'Дата первой покупки'], en: ['First order', 'First order date', 'First purchase'] },
  lastOrder: { ru: ['Последний заказ', 'Дата последнего заказа', 'Последняя покупка', 'Дата последней покупки'], en: ['Last order', 'Last order date', 'Last purchase'] },
  orders: { ru: ['Заказов', 'Кол-во заказов', 'Количество заказов', 'Число заказов', 'Покупок'], en: ['Orders', 'Number of orders', 'Order count', 'Orders count'] },
  revenue: { ru: ['Выручка', 'Сумма заказов', 'Сумма покупок', 'Оборот', 'Выручка всего'], en: ['Revenue', 'Total revenue', 'Total spent', 'Sales total'] },
  daysSinceLastOrder: {
    ru: ['Дней с последнего заказа', 'Дней без заказа', 'Дней с последней покупки', 'Давность'],
    en: ['Days since last order', 'Days since last purchase', 'Recency'],
  },
  expectedOrder: { ru: ['Ожидаемый заказ', 'Дата ожидаемого заказа', 'Ожидаемая дата заказа'], en: ['Expected order', 'Expected order date'] },
  rhythm: { ru: ['Ритм', 'Ритм заказов'], en: ['Rhythm', 'Order rhythm'] },
  birthday: { ru: ['День рождения', 'Дата рождения', 'ДР'], en: ['Birthday', 'Date of birth', 'DOB', 'Birth date'] },
  nextContact: { ru: ['Следующий контакт', 'Дата следующего контакта', 'Следующее касание', 'Перезвонить'], en: ['Next contact', 'Next contact date', 'Follow up', 'Follow-up date'] },
  channel: { ru: ['Канал связи', 'Предпочтительный канал', 'Способ связи', 'Канал'], en: ['Channel', 'Preferred channel', 'Contact channel'] },
  consent: {
    ru: ['Согласие на рассылку', 'Согласие на рекламу', 'Согласие на рассылки', 'Согласие', 'Рассылка'],
    en: ['Marketing consent', 'Consent to advertising', 'Opt-in', 'Consent', 'Newsletter consent'],
  },
  refusalReason: { ru: ['Причина отказа', 'Отказ', 'Причина ухода'], en: ['Reason for refusal', 'Refusal reason', 'Lost reason', 'Churn reason'] },
  comment: { ru: ['Комментарий', 'Комментарии', 'Примечание', 'Примечания', 'Заметки', 'Комментарий менеджера'], en: ['Comment', 'Comments', 'Notes', 'Note', 'Remarks'] },
  abc: { ru: ['ABC', 'ABC-класс', 'Класс ABC', 'АВС'], en: ['ABC', 'ABC class'] },
  rfm: { ru: ['RFM', 'RFM-код', 'Код RFM'], en: ['RFM', 'RFM code', 'RFM score'] },
  segment: { ru: ['Сегмент RFM', 'RFM-сегмент', 'Сегмент'], en: ['RFM segment', 'Segment'] },
  duplicateGroup: { ru: ['Группа дубликатов', 'Дубликат', 'Дубли'], en: ['Duplicate group', 'Duplicates', 'Duplicate'] },
};

export const SERVICE_HEADERS: Record<ServiceField, Names> = {
  name: {
    ru: ['Услуга', 'Наименование', 'Название', 'Наименование услуги', 'Название услуги', 'Товар', 'Продукт', 'Номенклатура'],
    en: ['Service', 'Name', 'Service name', 'Product', 'Product name', 'Item'],
  },
  category: { ru: ['Категория', 'Группа', 'Раздел', 'Вид услуги'], en: ['Category', 'Group', 'Type'] },
  price: { ru: ['Цена', 'Стоимость', 'Цена, руб', 'Цена руб', 'Прайс', 'Тариф'], en: ['Price', 'Cost', 'Rate', 'Unit price'] },
  audience: { ru: ['Для кого', 'Тип клиента', 'Физ/юр', 'Аудитория', 'Целевая аудитория'], en: ['For whom', 'Audience', 'Client type', 'Customer type'] },
  description: { ru: ['Описание', 'Описание услуги', 'Состав'], en: ['Description', 'Details'] },
  active: { ru: ['Активна', 'Активность', 'Действует', 'Актуальна', 'В продаже'], en: ['Active', 'Enabled', 'Available', 'On sale'] },
};

export const ORDER_HEADERS: Record<OrderField, Names> = {
  date: { ru: ['Дата', 'Дата заказа', 'Дата продажи', 'Дата покупки', 'Дата сделки', 'Дата оплаты', 'Период'], en: ['Date', 'Order date', 'Sale date', 'Purchase date', 'InvoiceDate'] },
  clientId: { ru: ['ID клиента', 'Код клиента', 'ИД клиента', 'Номер клиента'], en: ['Client ID', 'Customer ID', 'CustomerID', 'Client code'] },
  client: { ru: ['Клиент', 'Покупатель', 'Контрагент', 'Заказчик', 'ФИО', 'Наименование клиента', 'Компания'], en: ['Client', 'Customer', 'Customer name', 'Client name', 'Buyer'] },
  service: { ru: ['Услуга', 'Товар', 'Номенклатура', 'Продукт', 'Наименование', 'Наименование услуги'], en: ['Service', 'Product', 'Item', 'Description'] },
  amount: {
    ru: ['Сумма', 'Сумма заказа', 'Стоимость', 'Итого', 'Сумма, руб', 'Выручка', 'Оплачено', 'Стоимость товара', 'Стоимость услуги'],
    en: ['Amount', 'Total', 'Sum', 'Order total', 'Revenue', 'Paid'],
  },
  number: { ru: ['Номер заказа', '№ заказа', 'Номер', '№', 'Номер документа', 'Документ', 'Номер чека'], en: ['Order number', 'Order no', 'Order #', 'Order ID', 'Number', 'InvoiceNo', 'Invoice'] },
  manager: { ru: ['Менеджер', 'Ответственный', 'Клиентский менеджер', 'Продавец'], en: ['Manager', 'Sales rep', 'Seller', 'Owner'] },
  comment: { ru: ['Комментарий', 'Примечание', 'Комментарии', 'Комментарий менеджера'], en: ['Comment', 'Notes', 'Note'] },
};

const HEADERS: { [K in TableKind]: Record<FieldsOf[K], Names> } = {
  clients: CLIENT_HEADERS,
  services: SERVICE_HEADERS,
  orders: ORDER_HEADERS,
};

/** Key for exact comparison: letters and digits only (`Моб. телефон` → `мобтелефон`). */
export function headerKey(text: unknown): string {
  return normaliseText(text).replace(/[^\p{L}\p{N}]/gu, '');
}

/** The name the product gives a sheet it creates. */
export function sheetName(kind: SheetKind, language: Language): string {
  return SHEET_NAMES[kind][language][0];
}

/** The header the product writes for a field when it adds the column or creates the sheet. */
export function fieldHeader<K extends TableKind>(kind: K, field: FieldsOf[K], language: Language): string {
  return (HEADERS[kind] as Record<string, Names>)[field][language][0];
}

/** True when `name` is one of the names (any language, any case/spacing) of a sheet kind. */
export function sheetNameMatches(kind: SheetKind, name: string): boolean {
  const key = headerKey(name);
  const names = SHEET_NAMES[kind];
  return [...names.ru, ...names.en].some((candidate) => headerKey(candidate) === key);
}

/** The kind of sheet a name stands for, if any. */
export function sheetKindOfName(name: string): SheetKind | undefined {
  return SHEET_KINDS.find((kind) => sheetNameMatches(kind, name));
}

// ——— Matching headers ———
//

const CYRILLIC = /[\u0400-\u04FF]/u;
const LATIN = /[A-Za-z]/;

/**
 * The language of texts the user wrote (sheet names, headers): Russian when any is Cyrillic, English
 * when there is Latin text and no Cyrillic, Russian when there is nothing to tell by.
 */
export function detectLanguage(texts: Iterable<string>): Language {
  let latin = false;
  for (const text of texts) {
    if (CYRILLIC.test(text)) return 'ru';
    // ID, ABC, RFM are the same in both languages and say nothing.
    if (LATIN.test(text.replace(/\b(?:ID|ABC|RFM|E-?mail|ИНН)\b/giu, ''))) latin = true;
  }
  return latin ? 'en' : 'ru';
}

/** Language of a workbook, told by its sheet names and headers. */
export function workbookLanguage(snapshot: WorkbookSnapshot): Language {
  return detectLanguage(snapshot.sheets.flatMap((sheet) => [sheet.name, ...sheet.header.map((cell) => cellText(cell))]));
}
