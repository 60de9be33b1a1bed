/**
 * The panel's strings in Russian (the default) and English, and how a key and its placeholders become
 * text: `{name}` is filled by `format`, with numbers and plural nouns as the language writes them.
 */
import type { Language } from '../core/model';
import { RU, type MessageKey } from './messages-ru';
import { EN } from './messages-en';
import { formatNumber } from './format';

export type { MessageKey } from './messages-ru';

const DICTIONARIES: Record<Language, Record<MessageKey, string>> = { ru: RU, en: EN };

export type Vars = Record<string, string | number>;

const PLURAL_RULES: Record<Language, Intl.PluralRules> = { ru: new Intl.PluralRules('ru-RU'), en: new Intl.PluralRules('en-GB') };
/** Which of a message's noun forms each plural category takes: Russian one|few|many (a fraction reads as few: «1,5 клиента»), English one|other. */
const FORM_OF_CATEGORY: Record<Language, Partial<Record<Intl.LDMLPluralRule, number>>> = {
  ru: { one: 0, few: 1, many: 2, other: 1 },
  en: { one: 0, other: 1 },
};

/** The noun form for `count` among a message's forms (Russian: one|few|many; English: one|other). */
function pluralForm(count: number, forms: readonly string[], language: Language): string {
  const index = FORM_OF_CATEGORY[language][PLURAL_RULES[language].select(count)] ?? forms.length - 1;
  return forms[Math.min(index, forms.length - 1)];
}

/** A count handed over already written (`2 000`, `1 234,5`) as the number it is. */
function countOf(value: string | number): number {
  return typeof value === 'number' ? value : Number(value.replace(/[\s\u00a0\u202f]/g, '').replace(',', '.'));
}

/**
 * Fill `{name}` placeholders; a number is written as the language writes numbers (`2 000`, `2,000`).
 * `{name|клиент|клиента|клиентов}` (English `{name|client|clients}`) writes the count and its noun in the
 * form `Intl.PluralRules` picks: «621 клиент», «2 000 клиентов». An unknown placeholder stays visible
 * rather than vanishing.
 */
export function format(template: string, vars: Vars = {}, language: Language = 'ru'): string {
  return template.replace(/\{(\w+)((?:\|[^|}]*)*)\}/g, (whole, name: string, forms: string) => {
    if (!(name in vars)) return whole;
    const value = vars[name];
    const shown = typeof value === 'number' ? formatNumber(value, language) : value;
    return forms ? `${shown} ${pluralForm(countOf(value), forms.slice(1).split('|'), language)}` : shown;
  });
}

export type Translate = (key: MessageKey, vars?: Vars) => string;

export function translator(language: Language): Translate {
  const dictionary = DICTIONARIES[language];
  return (key, vars) => format(dictionary[key], vars, language);
}
