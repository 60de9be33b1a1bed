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
  | 'duplicates'
  | 'archive'
  | 'valueArchive'
  | 'problems';

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

interface Names {
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
  duplicates: { ru: ['Дубликаты', 'Дубли'], en: ['Duplicates'] },
  archive: { ru: ['Архив'], en: ['Archive'] },
  valueArchive: { ru: ['Архив значений'], en: ['Value archive'] },
  problems: { ru: ['Проблемы', 'Ошибки данных'], en: ['Problems', 'Data problems'] },
};

const CLIENT_HEADERS: Record<ClientField, Names> = {
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
  birthday: { ru: ['День рождения', 'Дата рождения', 'ДР'], en: ['Birthday', 'Date of birth', 'DOB', 'Birth date'] },
  nextContact: { ru: ['Следующий контакт', 'Дата следующего контакта', 'Следующее касание', 'Перезвонить'], en: ['Next contact', 'Next contact date', 'Follow up', 'Follow-up date'] },
  channel: { ru: ['Канал связи', 'Предпочтительный канал', 'Способ связи', 'Канал'], en: ['Channel', 'Preferred channel', 'Contact channel'] },
  refusalReason: { ru: ['Причина отказа', 'Отказ', 'Причина ухода'], en: ['Reason for refusal', 'Refusal reason', 'Lost reason', 'Churn reason'] },
  comment: { ru: ['Комментарий', 'Комментарии', 'Примечание', 'Примечания', 'Заметки', 'Комментарий менеджера'], en: ['Comment', 'Comments', 'Notes', 'Note', 'Remarks'] },
  abc: { ru: ['ABC', 'ABC-класс', 'Класс ABC', 'АВС'], en: ['ABC', 'ABC class'] },
  rfm: { ru: ['RFM', 'RFM-код', 'Код RFM'], en: ['RFM', 'RFM code', 'RFM score'] },
  segment: { ru: ['Сегмент RFM', 'RFM-сегмент', 'Сегмент'], en: ['RFM segment', 'Segment'] },
  duplicateGroup: { ru: ['Группа дубликатов', 'Дубликат', 'Дубли'], en: ['Duplicate group', 'Duplicates', 'Duplicate'] },
};

const SERVICE_HEADERS: Record<ServiceField, Names> = {
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

const ORDER_HEADERS: Record<OrderField, Names> = {
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

/** Words of a header (`Телефон клиента, моб.` → [телефон, клиента, моб]). */
function headerWords(text: unknown): string[] {
  return normaliseText(text)
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
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
  return (Object.keys(SHEET_NAMES) as SheetKind[]).find((kind) => sheetNameMatches(kind, name));
}

// ——— Matching headers ———
//
// A header names a field in one of three ways, tried in this order (`MatchRank`):
// 0. exactly a synonym (up to case, spaces, ё and punctuation);
// 1. the same words as a synonym, in any order and any grammatical form, once words that say nothing
//    about the field are set aside (`Клиент ID` = `ID клиента`, `Сумма документа, руб.` = `Сумма`);
// 2. a synonym's words plus qualifiers that name no other field (`Телефон (рабочий)`,
//    `Наименование товара`). A synonym that is a single generic word (Дата, Сумма, Номер, Цена…) is
//    never taken this way: its complement says what it is (`Дата рождения`, `Сумма НДС`,
//    `Номер телефона`), and a complement that is itself a field's word (`Email менеджера`,
//    `Клиент (код 1С)`) keeps the header from any field it does not belong to.
// Each set of words names one field per table (checked by the tests), so there is never a choice.

/** How a header was recognised: 0 exactly, 1 by the same words, 2 by the words plus qualifiers. */
export type MatchRank = 0 | 1 | 2;

export interface HeaderMatch<F> {
  field: F;
  rank: MatchRank;
}

/** Words that stand for one another: a field named with one is named with any (`Код контрагента` = `ID клиента`). */
const WORD_CLASSES: Record<string, readonly string[]> = {
  '#client': ['клиент', 'контрагент', 'покупатель', 'заказчик', 'плательщик', 'client', 'customer', 'buyer', 'payer'],
  '#id': ['id', 'ид', 'код', 'code'],
};

/** Words that never change what a header names: units, currencies, prepositions. */
const NEUTRAL_WORDS = [
  'руб', 'рубль', 'р', 'rub', 'rur', 'usd', 'eur', 'шт', 'pcs', 'ед', 'единица', 'unit',
  'с', 'со', 'в', 'во', 'по', 'за', 'на', 'для', 'от', 'из', 'к', 'и', 'of', 'per', 'the', 'in', 'for', 'by', 'to', 'and',
];

/** Words that say which document a line of orders comes from, not what the column holds. */
const ORDER_CONTEXT_WORDS = [
  'документ', 'заказ', 'продажа', 'покупка', 'сделка', 'чек', 'накладная', 'реализация', 'операция', 'транзакция',
  'платёж', 'итого', 'итоговая', 'всего', 'общая', 'время',
  'order', 'invoice', 'sale', 'transaction', 'purchase', 'document', 'receipt', 'total', 'time',
];

/** On the clients sheet every column is the client's: `Телефон клиента` is the phone. */
const CLIENT_CONTEXT_WORDS = WORD_CLASSES['#client'];
/** On the services sheet every column is the service's: `Цена услуги` is the price. */
const SERVICE_CONTEXT_WORDS = ['услуга', 'товар', 'service', 'product'];

/**
 * Qualifiers that keep the meaning of the amount or price they follow (`Сумма с НДС` is the sum;
 * `Сумма НДС`, the tax alone, is not). Set aside before the words are compared.
 */
const KEEPING_PHRASES: readonly (readonly string[])[] = [
  ['с', 'ндс'], ['вкл', 'ндс'], ['включая', 'ндс'], ['с', 'учетом', 'ндс'], ['incl', 'vat'], ['including', 'vat'], ['inc', 'vat'], ['with', 'vat'],
  ['со', 'скидкой'], ['с', 'учетом', 'скидки'], ['with', 'discount'],
];

/** Words whose complement says what they are: a synonym of only such a word is matched exactly or by the same words. */
const GENERIC_WORDS = [
  'дата', 'сумма', 'номер', 'код', 'количество', 'кол', 'цена', 'стоимость', 'тип', 'вид', 'период',
  'date', 'amount', 'sum', 'number', 'no', 'type', 'price', 'quantity', 'qty', 'count', 'value', 'period',
];

const CYRILLIC_WORD = /^[а-я]+$/;
const LATIN_WORD = /^[a-z]+$/;
/** Russian inflections, longest first; a stem keeps at least three letters. */
const RUSSIAN_ENDINGS = [
  'ями', 'ами', 'ого', 'его', 'ому', 'ему', 'ыми', 'ими',
  'ия', 'ие', 'ии', 'ию', 'ий', 'ый', 'ой', 'ей', 'ая', 'яя', 'ое', 'ее', 'ые', 'ую', 'юю', 'ов', 'ев', 'ам', 'ям', 'ах', 'ях', 'ом', 'ем',
  'а', 'я', 'ы', 'и', 'у', 'ю', 'е', 'о', 'ь', 'й',
];

/** The word without its grammatical ending (`клиента` → `клиент`, `customers` → `customer`). */
function stem(word: string): string {
  if (CYRILLIC_WORD.test(word)) {
    for (const ending of RUSSIAN_ENDINGS) {
      if (word.endsWith(ending) && word.length - ending.length >= 3) return word.slice(0, -ending.length);
    }
    return word;
  }
  if (LATIN_WORD.test(word) && word.length > 3 && word.endsWith('s') && !word.endsWith('ss')) return word.slice(0, -1);
  return word;
}

const CONCEPT_OF_STEM = new Map<string, string>(
  Object.entries(WORD_CLASSES).flatMap(([concept, words]) => words.map((word) => [stem(word), concept] as [string, string])),
);

/** What a word stands for: its class, or its stem. */
function concept(word: string): string {
  const stemmed = stem(word);
  return CONCEPT_OF_STEM.get(stemmed) ?? stemmed;
}

const conceptSet = (words: readonly string[]) => new Set(words.map(concept));
const GENERIC = conceptSet(GENERIC_WORDS);
const KEEPING = KEEPING_PHRASES.map((phrase) => phrase.map((word) => normaliseText(word)));

/** Words split also where a small letter meets a capital (`InvoiceDate`, `CustomerID`, `UnitPrice`). */
function splitHeader(header: unknown): string[] {
  const text = header === null || header === undefined ? '' : String(header);
  return headerWords(text.replace(/(\p{Ll})(\p{Lu})/gu, '$1 $2'));
}

/** The concepts of a header's words, with keeping phrases and the table's neutral words set aside. */
function headerConcepts(header: unknown, neutral: ReadonlySet<string>): Set<string> {
  const words = splitHeader(header);
  const concepts = new Set<string>();
  for (let i = 0; i < words.length; i++) {
    const phrase = KEEPING.find((p) => p.every((word, k) => words[i + k] === word));
    if (phrase) {
      i += phrase.length - 1;
      continue;
    }
    const c = concept(words[i]);
    if (!neutral.has(c)) concepts.add(c);
  }
  return concepts;
}

const setKey = (concepts: ReadonlySet<string>) => [...concepts].sort().join(' ');

interface Synonym<F> {
  field: F;
  concepts: ReadonlySet<string>;
  /** A single generic word (see GENERIC_WORDS), or too short to stand in a longer header (`ДР`, `ID`). */
  exactOnly: boolean;
}

interface Vocabulary<F extends string> {
  /** Exact key → field. */
  byKey: Map<string, F>;
  /** Concept set → field. */
  bySet: Map<string, F>;
  synonyms: Synonym<F>[];
  /** Per field, every concept of its synonyms: a qualifier among them stays within the field. */
  own: Map<F, Set<string>>;
  /** Every concept of the table's synonyms: a qualifier among them that is not the field's own names another field. */
  known: Set<string>;
  neutral: ReadonlySet<string>;
}

function buildVocabulary<F extends string>(table: Record<F, Names>, fields: readonly F[], contextWords: readonly string[]): Vocabulary<F> {
  const neutral = conceptSet([...NEUTRAL_WORDS, ...contextWords]);
  const vocabulary: Vocabulary<F> = { byKey: new Map(), bySet: new Map(), synonyms: [], own: new Map(), known: new Set(), neutral };
  for (const field of fields) {
    const own = new Set<string>();
    vocabulary.own.set(field, own);
    for (const text of [...table[field].ru, ...table[field].en]) {
      const key = headerKey(text);
      const concepts = headerConcepts(text, neutral);
      const set = setKey(concepts);
      // Two fields sharing a synonym or its words would make a header's field a matter of table order.
      for (const [map, at] of [[vocabulary.byKey, key], [vocabulary.bySet, set]] as const) {
        const other = map.get(at);
        if (other !== undefined && other !== field) throw new Error(`The header "${text}" names both ${other} and ${field}`);
        if (at) map.set(at, field);
      }
      if (concepts.size === 0) continue;
      concepts.forEach((c) => {
        own.add(c);
        vocabulary.known.add(c);
      });
      const exactOnly = key.length < 3 || (concepts.size === 1 && GENERIC.has([...concepts][0]));
      vocabulary.synonyms.push({ field, concepts, exactOnly });
    }
  }
  return vocabulary;
}

/** Fields an order line of an imported file may carry besides the Orders sheet's. */
export const ORDER_LINE_FIELDS = ['quantity', 'price'] as const;
export type OrderLineField = (typeof ORDER_LINE_FIELDS)[number];

/** Client details an order line may carry besides the client's ID and name. */
export const ORDER_CLIENT_DETAIL_FIELDS = ['phone', 'email', 'city', 'inn', 'contact', 'type'] as const satisfies readonly ClientField[];
export type OrderClientDetailField = (typeof ORDER_CLIENT_DETAIL_FIELDS)[number];

/**
 * What a column of an imported orders file may hold: an Orders sheet field, the quantity or unit price
 * the amount is computed from when the file has no sum, or a detail of a client the import adds.
 */
export type SourceField = OrderField | OrderLineField | OrderClientDetailField;
export const SOURCE_FIELDS: readonly SourceField[] = [...ORDER_FIELDS, ...ORDER_LINE_FIELDS, ...ORDER_CLIENT_DETAIL_FIELDS];

const ORDER_LINE_HEADERS: Record<OrderLineField, Names> = {
  quantity: { ru: ['Количество', 'Кол-во', 'Количество товара'], en: ['Quantity', 'Qty'] },
  price: { ru: ['Цена', 'Цена за единицу', 'Цена товара', 'Цена услуги'], en: ['Price', 'Unit price', 'Price per unit'] },
};

const VOCABULARIES: { [K in TableKind]: Vocabulary<FieldsOf[K]> } = {
  clients: buildVocabulary(CLIENT_HEADERS, CLIENT_FIELDS, CLIENT_CONTEXT_WORDS),
  services: buildVocabulary(SERVICE_HEADERS, SERVICE_FIELDS, SERVICE_CONTEXT_WORDS),
  orders: buildVocabulary(ORDER_HEADERS, ORDER_FIELDS, ORDER_CONTEXT_WORDS),
};
/** The columns of an imported orders file: the Orders sheet's and the line's quantity and price. */
const ORDER_SOURCE = buildVocabulary<OrderField | OrderLineField>(
  { ...ORDER_HEADERS, ...ORDER_LINE_HEADERS },
  [...ORDER_FIELDS, ...ORDER_LINE_FIELDS],
  ORDER_CONTEXT_WORDS,
);

/** Words that by themselves name a field somewhere (Телефон, Менеджер, Код, Клиент…): as a qualifier they name another thing. */
const HEAD_CONCEPTS = new Set(
  [...Object.values(VOCABULARIES), ORDER_SOURCE].flatMap((v: Vocabulary<string>) => v.synonyms.filter((s) => s.concepts.size === 1).map((s) => [...s.concepts][0])),
);

function matchIn<F extends string>(vocabulary: Vocabulary<F>, header: unknown): HeaderMatch<F> | undefined {
  const key = headerKey(header);
  if (!key) return undefined;
  const exact = vocabulary.byKey.get(key);
  if (exact !== undefined) return { field: exact, rank: 0 };
  const concepts = headerConcepts(header, vocabulary.neutral);
  if (concepts.size === 0) return undefined;
  const same = vocabulary.bySet.get(setKey(concepts));
  if (same !== undefined) return { field: same, rank: 1 };
  let best: Synonym<F> | undefined;
  let tied = false;
  for (const synonym of vocabulary.synonyms) {
    if (synonym.exactOnly) continue;
    if (![...synonym.concepts].every((c) => concepts.has(c))) continue;
    const own = vocabulary.own.get(synonym.field)!;
    if ([...concepts].some((c) => !own.has(c) && (vocabulary.known.has(c) || HEAD_CONCEPTS.has(c)))) continue;
    if (!best || synonym.concepts.size > best.concepts.size) {
      best = synonym;
      tied = false;
    } else if (synonym.concepts.size === best.concepts.size && synonym.field !== best.field) {
      tied = true;
    }
  }
  return best && !tied ? { field: best.field, rank: 2 } : undefined;
}

/** The field a header names exactly (up to case, spaces, ё and punctuation). */
export function fieldOfHeader<K extends TableKind>(kind: K, header: unknown): FieldsOf[K] | undefined {
  const key = headerKey(header);
  return key ? (VOCABULARIES[kind] as Vocabulary<FieldsOf[K]>).byKey.get(key) : undefined;
}

/**
 * The field a header names, in other words too: the same words as a synonym in any order and form
 * (`Клиент ID`, `Дата документа`), else a synonym's words with qualifiers (`Телефон (рабочий)`); see
 * the matching rules above. Sheets use it for the headers no synonym names exactly.
 */
export function fieldOfHeaderPrefix<K extends TableKind>(kind: K, header: unknown): FieldsOf[K] | undefined {
  return matchIn<FieldsOf[K]>(VOCABULARIES[kind] as Vocabulary<FieldsOf[K]>, header)?.field;
}

/**
 * The field a column of an imported orders file holds, and how surely: an order field, quantity or
 * price first, a client detail (phone, e-mail…) when that is named more surely.
 */
export function matchSourceHeader(header: unknown): HeaderMatch<SourceField> | undefined {
  const order = matchIn(ORDER_SOURCE, header);
  const client = matchIn(VOCABULARIES.clients, header);
  const detail = client && (ORDER_CLIENT_DETAIL_FIELDS as readonly string[]).includes(client.field) ? (client as HeaderMatch<OrderClientDetailField>) : undefined;
  if (detail && (!order || detail.rank < order.rank)) return detail;
  return order;
}

/**
 * Which client key a header that names the client holds (`Клиент ID`, `Код покупателя` → clientId;
 * `Клиент (ФИО)` → client); undefined for a header that does not name the client.
 */
export function clientKeyOfHeader(header: unknown): 'clientId' | 'client' | undefined {
  const concepts = headerConcepts(header, new Set());
  if (!concepts.has('#client')) return undefined;
  return concepts.has('#id') || concepts.has(concept('номер')) || concepts.has('number') ? 'clientId' : 'client';
}

/**
 * The field a name stands for when the user names it (`--map "Код=clientId"`): the field's own name
 * (any case) or one of its headers (`ID клиента`).
 */
export function fieldNamed<K extends TableKind>(kind: K, name: string): FieldsOf[K] | undefined {
  const fields = TABLE_FIELDS[kind] as readonly FieldsOf[K][];
  return fields.find((field) => field.toLowerCase() === name.trim().toLowerCase()) ?? fieldOfHeader(kind, name);
}

/** As `fieldNamed`, for a column of an imported orders file (`id` and `name` are the client's ID and name). */
export function sourceFieldNamed(name: string): SourceField | undefined {
  const wanted = name.trim().toLowerCase();
  const aliases: Record<string, SourceField> = { id: 'clientId', name: 'client' };
  const byName = SOURCE_FIELDS.find((field) => field.toLowerCase() === wanted) ?? aliases[wanted];
  if (byName) return byName;
  const header = matchSourceHeader(name);
  return header?.rank === 0 ? header.field : undefined;
}

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
