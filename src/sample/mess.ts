/**
 * The ways people type the same thing differently: phone formats, city spellings, company names with
 * the legal form before or after, ФИО word order, ё or е, Latin transliteration. The sample workbook
 * uses them for its free-typed cells and for its duplicates.
 */
import type { Random } from './random';

/** Ten digits of a Russian mobile number without the country code: `9123456789`. */
export type MobileDigits = string;

export function randomMobile(random: Random): MobileDigits {
  const operator = random.pick(['900', '903', '905', '909', '912', '915', '916', '917', '919', '921', '925', '926', '929', '951', '961', '977', '985', '999']);
  return operator + String(random.int(0, 9999999)).padStart(7, '0');
}

/** The formats a phone is written in, all the same number. */
export const PHONE_STYLES = ['+7 (XXX) XXX-XX-XX', '8 (XXX) XXX-XX-XX', '+7 XXX XXXXXXX', '8XXXXXXXXXX', '+7XXXXXXXXXX', '8-XXX-XXX-XX-XX'] as const;
export type PhoneStyle = (typeof PHONE_STYLES)[number];

export function formatPhone(digits: MobileDigits, style: PhoneStyle): string {
  const [a, b, c, d] = [digits.slice(0, 3), digits.slice(3, 6), digits.slice(6, 8), digits.slice(8, 10)];
  switch (style) {
    case '+7 (XXX) XXX-XX-XX':
      return `+7 (${a}) ${b}-${c}-${d}`;
    case '8 (XXX) XXX-XX-XX':
      return `8 (${a}) ${b}-${c}-${d}`;
    case '+7 XXX XXXXXXX':
      return `+7 ${a} ${b}${c}${d}`;
    case '8XXXXXXXXXX':
      return `8${digits}`;
    case '+7XXXXXXXXXX':
      return `+7${digits}`;
    case '8-XXX-XXX-XX-XX':
      return `8-${a}-${b}-${c}-${d}`;
  }
}

/** Canonical city, its share of clients, and how people type it (the canonical form most often). */
export const CITIES: ReadonlyArray<{ city: string; weight: number; typed: string[] }> = [
  { city: 'Москва', weight: 42, typed: ['Москва', 'Москва', 'Москва', 'Москва', 'МСК', 'Мск', 'москва', 'г. Москва', 'Moscow', 'Москва '] },
  { city: 'Санкт-Петербург', weight: 18, typed: ['Санкт-Петербург', 'Санкт-Петербург', 'СПб', 'Питер', 'С-Пб', 'санкт-петербург', 'г. Санкт-Петербург', 'СПБ'] },
  { city: 'Химки', weight: 6, typed: ['Химки', 'Химки', 'г. Химки', 'химки'] },
  { city: 'Мытищи', weight: 6, typed: ['Мытищи', 'Мытищи', 'г.Мытищи'] },
  { city: 'Красногорск', weight: 5, typed: ['Красногорск', 'Красногорск', 'красногорск'] },
  { city: 'Подольск', weight: 4, typed: ['Подольск', 'г. Подольск'] },
  { city: 'Балашиха', weight: 4, typed: ['Балашиха', 'Балашиха', 'балашиха'] },
  { city: 'Нижний Новгород', weight: 3, typed: ['Нижний Новгород', 'Н. Новгород', 'Нижний'] },
  { city: 'Казань', weight: 3, typed: ['Казань', 'г. Казань'] },
  { city: 'Екатеринбург', weight: 3, typed: ['Екатеринбург', 'ЕКБ', 'Екб'] },
  { city: 'Тверь', weight: 2, typed: ['Тверь'] },
  { city: 'Королёв', weight: 2, typed: ['Королёв', 'Королев'] },
];

const LATIN: Record<string, string> = {
  а: 'a', б: 'b', в: 'v', г: 'g', д: 'd', е: 'e', ё: 'e', ж: 'zh', з: 'z', и: 'i', й: 'y', к: 'k', л: 'l', м: 'm',
  н: 'n', о: 'o', п: 'p', р: 'r', с: 's', т: 't', у: 'u', ф: 'f', х: 'kh', ц: 'ts', ч: 'ch', ш: 'sh', щ: 'shch',
  ъ: '', ы: 'y', ь: '', э: 'e', ю: 'yu', я: 'ya',
};

/** Latin spelling as people type it on a Latin keyboard (passport-like, ё → e). */
export function transliterate(text: string): string {
  let out = '';
  for (const ch of text) {
    const lower = ch.toLowerCase();
    const latin = LATIN[lower];
    if (latin === undefined) out += ch;
    else out += ch === lower || latin === '' ? latin : latin.charAt(0).toUpperCase() + latin.slice(1);
  }
  return out;
}

export function withoutYo(text: string): string {
  return text.replace(/ё/g, 'е').replace(/Ё/g, 'Е');
}

/** How a company's legal form and name are written. */
export type CompanyStyle = 'formFirstGuillemets' | 'formFirstQuotes' | 'formFirstBare' | 'formLast';

export function companyName(form: string, name: string, style: CompanyStyle): string {
  if (form === 'ИП') return style === 'formLast' ? `${name} ИП` : `ИП ${name}`;
  switch (style) {
    case 'formFirstGuillemets':
      return `${form} «${name}»`;
    case 'formFirstQuotes':
      return `${form} "${name}"`;
    case 'formFirstBare':
      return `${form} ${name}`;
    case 'formLast':
      return `${name} ${form}`;
  }
}
