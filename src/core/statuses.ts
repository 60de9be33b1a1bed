/**
 * The funnel statuses of the client's own method, in funnel order, each with its fill colour.
 * The Russian name is what goes into the sheet; the English one is for an English workbook.
 */
import type { Language } from './model';

export type FunnelStatusKey =
  | 'white'
  | 'grey'
  | 'green'
  | 'yellow'
  | 'green_gold'
  | 'gold'
  | 'platinum'
  | 'red_green'
  | 'red_gold'
  | 'red_platinum';

export interface FunnelStatus {
  key: FunnelStatusKey;
  ru: string;
  en: string;
  /** What the status means, for help text. */
  meaning: { ru: string; en: string };
  fill: string;
  font: string;
}

export const FUNNEL_STATUSES: readonly FunnelStatus[] = [
  { key: 'white', ru: 'Белый', en: 'White', meaning: { ru: 'новый контакт', en: 'new' }, fill: '#FFFFFF', font: '#000000' },
  { key: 'grey', ru: 'Серый', en: 'Grey', meaning: { ru: 'известен ЛПР', en: 'decision maker known' }, fill: '#BFBFBF', font: '#000000' },
  { key: 'green', ru: 'Зелёный', en: 'Green', meaning: { ru: 'согласен рассмотреть предложение', en: 'agreed to review an offer' }, fill: '#C6EFCE', font: '#006100' },
  { key: 'yellow', ru: 'Жёлтый', en: 'Yellow', meaning: { ru: 'подписан на рассылку', en: 'subscribed to mailings' }, fill: '#FFEB9C', font: '#7F6000' },
  { key: 'green_gold', ru: 'Зелёно-золотой', en: 'Green-gold', meaning: { ru: 'запросил продукт', en: 'requested the product' }, fill: '#D8E4BC', font: '#4F6228' },
  { key: 'gold', ru: 'Золотой', en: 'Gold', meaning: { ru: 'первый оплаченный заказ', en: 'first paid order' }, fill: '#FFD966', font: '#000000' },
  { key: 'platinum', ru: 'Платиновый', en: 'Platinum', meaning: { ru: 'больше трёх заказов', en: 'more than three orders' }, fill: '#D9E1F2', font: '#1F3864' },
  { key: 'red_green', ru: 'Красно-зелёный', en: 'Red-green', meaning: { ru: 'отказался', en: 'refused' }, fill: '#F4B084', font: '#375623' },
  { key: 'red_gold', ru: 'Красно-золотой', en: 'Red-gold', meaning: { ru: 'ушёл после одного-двух заказов', en: 'stopped after one or two orders' }, fill: '#F8CBAD', font: '#7F6000' },
  { key: 'red_platinum', ru: 'Красно-платиновый', en: 'Red-platinum', meaning: { ru: 'ушёл лояльный клиент', en: 'a loyal client who left' }, fill: '#FF9999', font: '#1F3864' },
];

/** The status names as written in a workbook of the given language. */
export function statusNames(language: Language): string[] {
  return FUNNEL_STATUSES.map((s) => s[language]);
}

/** A status name as compared: lower case, ё as е, no spaces around a hyphen. */
function statusKey(text: string): string {
  return text.trim().toLowerCase().replace(/ё/g, 'е').replace(/\s*-\s*/g, '-');
}

/** Every status by its Russian and English names as compared; built once, as a base's every client is looked up. */
const STATUS_BY_KEY = new Map<string, FunnelStatus>(FUNNEL_STATUSES.flatMap((s) => [[statusKey(s.en), s], [statusKey(s.ru), s]]));

/** The status a cell names, in either language, any case, ё or е; undefined when it names none. */
export function findStatus(text: string): FunnelStatus | undefined {
  let status = STATUS_BY_TEXT.get(text);
  if (status === undefined) STATUS_BY_TEXT.set(text, (status = STATUS_BY_KEY.get(statusKey(text)) ?? null));
  return status ?? undefined;
}

/**
 * The statuses cells name, by their text as typed (null: none): every step looks up each client's status,
 * and a base types a handful of texts 20,000 times. Few texts are ever typed, so nothing is let go.
 */
const STATUS_BY_TEXT = new Map<string, FunnelStatus | null>();
