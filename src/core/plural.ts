/**
 * A count with its noun in the right form: «1 клиент», «3 клиента», «11 клиентов», «21 клиент»;
 * "1 client", "3 clients". Numbers are grouped as each language writes them (`12 345` with a no-break
 * space in Russian, `12,345` in English), so a message reads like the rest of the product.
 */
import type { Language } from './model';

/** Russian forms: for 1 (21, 101 …), for 2–4 (22–24 …), for the rest (5–20, 25–30, 11–14 …). */
export type RussianForms = readonly [one: string, few: string, many: string];

const PLURAL_RULES: Record<Language, Intl.PluralRules> = { ru: new Intl.PluralRules('ru-RU'), en: new Intl.PluralRules('en-GB') };
/** Which of the forms each plural category takes: Russian one|few|many (a fraction reads as few: «1,5 клиента»), English one|other. */
const FORM_OF_CATEGORY: Record<Language, Partial<Record<Intl.LDMLPluralRule, number>>> = {
  ru: { one: 0, few: 1, many: 2, other: 1 },
  en: { one: 0, other: 1 },
};

/** The noun form for `count`, as Intl.PluralRules picks it among the language's forms. */
export function pluralForm(count: number, forms: readonly string[], language: Language): string {
  const index = FORM_OF_CATEGORY[language][PLURAL_RULES[language].select(count)] ?? forms.length - 1;
  return forms[Math.min(index, forms.length - 1)];
}

export function russianForm(count: number, forms: RussianForms): string {
  return pluralForm(count, forms, 'ru');
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
  const noun = pluralForm(count, language === 'ru' ? ru : en, language);
  return `${formatCount(count, language)} ${noun}`;
}

/** The noun most counts of the product count. */
export const CLIENT_NOUN = { ru: ['клиент', 'клиента', 'клиентов'], en: ['client', 'clients'] } as const;
