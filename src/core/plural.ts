/**
 * A count with its noun in the right form: «1 клиент», «3 клиента», «11 клиентов», «21 клиент»;
 * "1 client", "3 clients". Numbers are grouped as each language writes them (`12 345` with a no-break
 * space in Russian, `12,345` in English), so a message reads like the rest of the product.
 */
import type { Language } from './model';

/** Russian forms: for 1 (21, 101 …), for 2–4 (22–24 …), for the rest (5–20, 25–30, 11–14 …). */
export type RussianForms = readonly [one: string, few: string, many: string];

export function russianForm(count: number, [one, few, many]: RussianForms): string {
  const n = Math.abs(Math.trunc(count));
  const lastTwo = n % 100;
  const last = n % 10;
  if (last === 1 && lastTwo !== 11) return one;
  if (last >= 2 && last <= 4 && (lastTwo < 12 || lastTwo > 14)) return few;
  return many;
}

const GROUPING: Record<Language, Intl.NumberFormat> = {
  ru: new Intl.NumberFormat('ru-RU', { maximumFractionDigits: 2 }),
  en: new Intl.NumberFormat('en-GB', { maximumFractionDigits: 2 }),
};

/** `count` grouped as the language writes numbers. */
export function formatCount(count: number, language: Language): string {
  return GROUPING[language].format(count);
}

/** `count` and its noun: `countOf(3, ['клиент', 'клиента', 'клиентов'], ['client', 'clients'], 'ru')` → «3 клиента». */
export function countOf(count: number, ru: RussianForms, en: readonly [one: string, many: string], language: Language): string {
  const noun = language === 'ru' ? russianForm(count, ru) : count === 1 ? en[0] : en[1];
  return `${formatCount(count, language)} ${noun}`;
}

/** The noun most counts of the product count. */
export const CLIENT_NOUN = { ru: ['клиент', 'клиента', 'клиентов'], en: ['client', 'clients'] } as const;
