/**
 * Recognising a header: which field of a sheet, or of an imported orders file, a header names — by an
 * exact synonym, by the same words in any order and form, or by a synonym's words plus qualifiers that
 * name nothing else. The synonyms themselves are the workbook's vocabulary (schema.ts).
 */
import { CLIENT_FIELDS, ORDER_FIELDS, SERVICE_FIELDS } from './model';
import type { ClientField, OrderField } from './model';
import { normaliseText } from './normalise/text';
import { CLIENT_HEADERS, headerKey, ORDER_HEADERS, SERVICE_HEADERS, TABLE_FIELDS, type FieldsOf, type Names, type TableKind } from './schema';

/** Words of a header (`Телефон клиента, моб.` → [телефон, клиента, моб]). */
function headerWords(text: unknown): string[] {
  return normaliseText(text)
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
}

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
