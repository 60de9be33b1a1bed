/**
 * How a template and its placeholders become text, for the product's messages and the panel's own
 * strings alike: `{name}` is filled from the params, a number written as the language writes numbers
 * (`2 000`, `2,000`); `{name|клиент|клиента|клиентов}` (English `{name|client|clients}`) writes the count
 * and its noun in the form `Intl.PluralRules` picks: «621 клиент», «2 000 клиентов».
 */
import type { Language } from '../model';
import { formatCount, pluralForm } from '../plural';

/** A count handed over already written (`2 000`, `1 234,5`) as the number it is. */
function numberOf(value: string | number): number {
  return typeof value === 'number' ? value : Number(value.replace(/[\s\u00a0\u202f]/g, '').replace(',', '.'));
}

/** Fill the placeholders; `shown` writes a param that is not plain text or a number. An unknown placeholder stays visible rather than vanishing. */
export function fillTemplate<P>(template: string, params: Record<string, P>, language: Language, shown: (value: P) => string | number): string {
  return template.replace(/\{(\w+)((?:\|[^|}]*)*)\}/g, (whole, name: string, forms: string) => {
    if (!(name in params)) return whole;
    const value = shown(params[name]);
    const text = typeof value === 'number' ? formatCount(value, language) : value;
    return forms ? `${text} ${pluralForm(numberOf(value), forms.slice(1).split('|'), language)}` : text;
  });
}
