/**
 * Cities as users type them (`МСК`, `г. Москва`, `Питер`, `Spb`) folded to one canonical Russian
 * name, so that dropdowns, filters and reports count one city once.
 */
import { normaliseText } from './text';

/** Canonical name → the other ways people write it (the canonical name itself always matches). */
const CITY_ALIASES: Record<string, string[]> = {
  Москва: ['мск', 'msk', 'moscow', 'moskva', 'moskow'],
  'Санкт-Петербург': ['спб', 'с-пб', 'питер', 'петербург', 'с петербург', 'ст петербург', 'spb', 'st petersburg', 'saint petersburg', 'sankt peterburg', 'saint-petersburg', 'piter', 'ленинград'],
  Новосибирск: ['нск', 'новосиб', 'nsk', 'novosibirsk'],
  Екатеринбург: ['екб', 'ебург', 'екат', 'ekb', 'yekaterinburg', 'ekaterinburg'],
  Казань: ['kazan'],
  'Нижний Новгород': ['н новгород', 'нн', 'н-новгород', 'нижний', 'nizhny novgorod', 'nizhniy novgorod', 'nn'],
  Челябинск: ['чел', 'челяба', 'chelyabinsk'],
  Красноярск: ['крск', 'krasnoyarsk'],
  Самара: ['samara'],
  Уфа: ['ufa'],
  'Ростов-на-Дону': ['ростов', 'ростов на дону', 'рнд', 'rostov', 'rostov-on-don', 'rostov on don', 'rostov-na-donu'],
  Омск: ['omsk'],
  Краснодар: ['крд', 'krasnodar'],
  Воронеж: ['vrn', 'voronezh'],
  Пермь: ['perm'],
  Волгоград: ['vlg', 'volgograd'],
  Владивосток: ['влад', 'vladivostok'],
  Тюмень: ['tyumen'],
};

/** Comparable form of a city: no «г.»/«город» prefix, hyphens and dots as spaces. */
function cityKey(text: string): string {
  return normaliseText(text)
    .replace(/^(?:г\.|г\s|город\s|city of\s)\s*/u, '')
    .replace(/[.\-–—]+/gu, ' ')
    .replace(/\s*,?\s*(?:город|city)$/u, '')
    .replace(/\s+/g, ' ')
    .trim();
}

const CANONICAL_BY_KEY: ReadonlyMap<string, string> = new Map(
  Object.entries(CITY_ALIASES).flatMap(([canonical, aliases]) =>
    [canonical, ...aliases].map((alias) => [cityKey(alias), canonical] as [string, string]),
  ),
);

/** The canonical name of a city; an unknown city comes back trimmed, without «г.», first letter capitalised. */
export function normaliseCity(raw: unknown): string {
  if (raw === null || raw === undefined) return '';
  const text = String(raw).replace(/\s+/gu, ' ').trim();
  if (!text) return '';
  const key = cityKey(text);
  const known = CANONICAL_BY_KEY.get(key);
  if (known) return known;
  const bare = text.replace(/^(?:г\.|г\s|город\s)\s*/iu, '').trim() || text;
  return bare.charAt(0).toUpperCase() + bare.slice(1);
}
