/**
 * Settings live in the workbook itself (a key/value sheet), so every user of the file and every host
 * sees the same thresholds. Keys are stable English identifiers; the sheet also carries a human label.
 */
import type { Language } from './model';

export type RfmMode = 'percentiles' | 'fixed';
export type DuplicateSensitivity = 'strict' | 'normal' | 'loose';

export interface Settings {
  /** A client with orders is cold when days since the last order ≥ this. */
  coldDays: number;
  /** A client with a rhythm is slipping («пропускает») when days since the last order > this × the median gap. */
  rhythmSlip: number;
  /** ABC cut-offs in percent of revenue: A up to `a`, B the next `b`, C the rest. */
  abcA: number;
  abcB: number;
  /** XYZ limits on the coefficient of variation of monthly revenue, percent: X up to `xyzX`, Y up to `xyzY`, Z above. */
  xyzX: number;
  xyzY: number;
  /** The CLV's monthly discount rate, percent (1 = 1 % a month; 0 = no discount). */
  clvDiscount: number;
  rfmMode: RfmMode;
  /** Fixed recency bands in days (upper bounds of R5, R4, R3, R2; above the last is R1). */
  rfmRecencyBands: number[];
  /** Fixed frequency bands in orders (upper bounds of F1, F2, F3, F4; above the last is F5). */
  rfmFrequencyBands: number[];
  /** Default region for phone numbers written without a country code. */
  phoneRegion: string;
  /** A manager with more active clients than this is over the limit. */
  managerLimit: number;
  duplicateSensitivity: DuplicateSensitivity;
  /** Language of the sheets and headers the product creates (detected from the workbook when unset). */
  language: Language;
  /**
   * Headers of the clients sheet's managed columns the product fills itself (order history, days since
   * the last order, ABC, RFM, segment, duplicate group): columns it added or found empty. Any other such
   * column is the user's: read, and changed only with the user's confirmation (computed-columns.ts).
   */
  computedColumns: string[];
  /** Where the daily «Сегодня» letter goes: «Менеджер — адрес» pairs (manager-mail.ts). */
  managerEmails: string[];
  /** The birthday greeting, with {имя}/{name} and {фио}/{fullName} placeholders (greetings.ts). */
  greetingTemplate: string;
}

/** The greeting a workbook starts with, in its language. */
export const DEFAULT_GREETING: Readonly<Record<Language, string>> = Object.freeze({
  ru: '{имя}, с днём рождения! Желаем здоровья, радости и успехов во всём. Спасибо, что вы с нами!',
  en: '{name}, happy birthday! We wish you health, joy and success in everything. Thank you for being with us!',
});

export const DEFAULT_SETTINGS: Readonly<Settings> = Object.freeze({
  coldDays: 60,
  rhythmSlip: 2,
  abcA: 75,
  abcB: 20,
  xyzX: 10,
  xyzY: 25,
  clvDiscount: 1,
  rfmMode: 'percentiles',
  rfmRecencyBands: [30, 60, 90, 180],
  rfmFrequencyBands: [1, 2, 3, 5],
  phoneRegion: 'RU',
  managerLimit: 70,
  duplicateSensitivity: 'normal',
  language: 'ru',
  computedColumns: [],
  managerEmails: [],
  greetingTemplate: DEFAULT_GREETING.ru,
});
