/**
 * How the panel shows and reads numbers and dates. Dates cross the actions interface as ISO
 * `yyyy-mm-dd`; Russian users read them as `dd.mm.yyyy`.
 */
import type { Language } from '../core/model';
import { formatCount } from '../core/plural';

const LOCALES: Record<Language, string> = { ru: 'ru-RU', en: 'en-GB' };

/** A number as the language writes it: the same writing as the product's messages (core/plural.ts). */
export const formatNumber = formatCount;

export function formatShare(share: number, language: Language): string {
  return new Intl.NumberFormat(LOCALES[language], { style: 'percent', maximumFractionDigits: 1 }).format(share);
}

/** `2024-03-07` → `07.03.2024` in Russian; English keeps ISO, which no reader misreads. */
export function formatDate(iso: string | null, language: Language): string {
  if (!iso) return '—';
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!match || language === 'en') return iso;
  return `${match[3]}.${match[2]}.${match[1]}`;
}

/** Today in the user's own time zone (not UTC, which is yesterday before 3 am in Moscow). */
export function todayIso(now: Date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}
