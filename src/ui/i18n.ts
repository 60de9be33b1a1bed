/**
 * The panel's strings in Russian (the default) and English, and how a key and its placeholders become
 * text: `{name}` is filled by `format`, with numbers and plural nouns as the language writes them.
 */
import type { Language } from '../core/model';
import { RU, type MessageKey } from './messages-ru';
import { EN } from './messages-en';
import { formatNumber } from './format';
import { pluralForm } from '../core/plural';

export type { MessageKey } from './messages-ru';

const DICTIONARIES: Record<Language, Record<MessageKey, string>> = { ru: RU, en: EN };

export type Vars = Record<string, string | number>;

/** A count handed over already written (`2 000`, `1 234,5`) as the number it is. */
function numberOf(value: string | number): number {
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
    return forms ? `${shown} ${pluralForm(numberOf(value), forms.slice(1).split('|'), language)}` : shown;
  });
}

export type Translate = (key: MessageKey, vars?: Vars) => string;

export function translator(language: Language): Translate {
  const dictionary = DICTIONARIES[language];
  return (key, vars) => format(dictionary[key], vars, language);
}
