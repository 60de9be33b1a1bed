/**
 * Dates as day numbers: whole days since 1970-01-01 of the calendar date the user sees.
 *
 * Accepted: `Date` values (their UTC fields carry the user's calendar date, see snapshot.ts), Excel
 * serial numbers of the 1900 date system (when the column allows numbers), and the texts
 * `dd.mm.yyyy`, `dd.mm.yy`, `dd/mm/yyyy`, `dd-mm-yyyy`, each with an optional ` HH:MM[:SS]`, and
 * `yyyy-mm-dd` with an optional `THH:MM[:SS]` or ` HH:MM[:SS]`, and `yyyymmdd` (text, or a number where
 * serial numbers are accepted). The time of day is dropped.
 */
import type { DayNumber } from '../model';
import type { CellValue } from '../../workbook/snapshot';
import { SERIAL_OF_UNIX_EPOCH } from '../../workbook/serial';

const MS_PER_DAY = 86_400_000;
/** Excel's 29.02.1900, a day that never existed (kept by Excel for Lotus 1-2-3 compatibility). */
const FAKE_LEAP_DAY_SERIAL = 60;
/** Serials from 01.01.1900 up to 31.12.2199: larger numbers are amounts or codes, not dates. */
const MAX_SERIAL = 110_940;
/** Text dates from 1800 on: «31.12.1899» is a real date (Google Sheets' day zero shows as 30.12.1899). */
const MIN_YEAR = 1800;
const MAX_YEAR = 2199;

export type DateError =
  /** Text or a value that is not a date in any accepted form. */
  | 'notADate'
  /** Looks like a date but the day does not exist (31.02.2024, 25:00). */
  | 'noSuchDay'
  /** A number where serial numbers are not accepted, or a serial out of the plausible range. */
  | 'numberNotDate';

export interface ParsedDay {
  day: DayNumber | null;
  error?: DateError;
}

export interface ParseDayOptions {
  /** Accept plain numbers as Excel serial dates (a date column read without its format). */
  serialNumbers: boolean;
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/**
 * Day number of a calendar date, or null when the date does not exist (month 13, 31 February…).
 * Plain arithmetic (proleptic Gregorian, "days from civil"): no Date object, since orders are many.
 */
export function calendarDay(year: number, month: number, day: number): DayNumber | null {
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day)) return null;
  if (month < 1 || month > 12 || day < 1) return null;
  const monthLength = month === 2 && isLeapYear(year) ? 29 : DAYS_IN_MONTH[month - 1];
  if (day > monthLength) return null;
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146097 + dayOfEra - 719468;
}

/** The day of an Excel serial number (1900 system); the fraction (time of day) is dropped. */
export function serialToDay(serial: number): ParsedDay {
  const whole = Math.floor(serial);
  if (!Number.isFinite(serial) || whole < 1 || whole > MAX_SERIAL) return { day: null, error: 'numberNotDate' };
  if (whole === FAKE_LEAP_DAY_SERIAL) return { day: null, error: 'noSuchDay' };
  // Serials before the fake 29.02.1900 are one day "late" relative to the real calendar.
  const shift = whole < FAKE_LEAP_DAY_SERIAL ? 1 : 0;
  return { day: whole - SERIAL_OF_UNIX_EPOCH + shift };
}

/** Excel serial number (1900 system) of a day. */
export function dayToSerial(day: DayNumber): number {
  const serial = day + SERIAL_OF_UNIX_EPOCH;
  return serial <= FAKE_LEAP_DAY_SERIAL ? serial - 1 : serial;
}

const TIME = String.raw`(?:[ T]+(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,]\d+)?)?)?`;
const DAY_FIRST = new RegExp(String.raw`^(\d{1,2})([./-])(\d{1,2})\2(\d{4}|\d{2})(?:\s*г\.?)?${TIME}$`, 'u');
/** `yyyymmdd` without separators, as some exports (1C's, record-linkage lists) write dates. */
const COMPACT = /^(\d{4})(\d{2})(\d{2})$/u;
/** The `yyyymmdd` numbers of the accepted years: far above any serial number, so never one. */
const MIN_COMPACT = MIN_YEAR * 10_000 + 101;
const MAX_COMPACT = MAX_YEAR * 10_000 + 1231;
const YEAR_FIRST = new RegExp(String.raw`^(\d{4})-(\d{1,2})-(\d{1,2})${TIME}(?:Z|[+-]\d{2}:?\d{2})?$`, 'u');

/** Two-digit years as Excel reads them: 00–29 → 2000s, 30–99 → 1900s. */
function fullYear(text: string): number {
  const year = Number(text);
  if (text.length === 4) return year;
  return year < 30 ? 2000 + year : 1900 + year;
}

function timeIsValid(hours?: string, minutes?: string, seconds?: string): boolean {
  if (hours === undefined) return true;
  return Number(hours) < 24 && Number(minutes) < 60 && (seconds === undefined || Number(seconds) < 60);
}

function dayOfParts(year: number, month: number, day: number, time: Array<string | undefined>): ParsedDay {
  if (year < MIN_YEAR || year > MAX_YEAR) return { day: null, error: 'noSuchDay' };
  const result = calendarDay(year, month, day);
  if (result === null || !timeIsValid(time[0], time[1], time[2])) return { day: null, error: 'noSuchDay' };
  return { day: result };
}

/** The ASCII digit at `at` as a number, or -1 (also past the end of the text). */
function digitAt(text: string, at: number): number {
  const d = text.charCodeAt(at) - 48;
  return d >= 0 && d <= 9 ? d : -1;
}

/** Two ASCII digits at `at` as a number, or -1. */
function twoDigits(text: string, at: number): number {
  const a = digitAt(text, at);
  const b = digitAt(text, at + 1);
  return a >= 0 && b >= 0 ? a * 10 + b : -1;
}

/**
 * `dd.mm.yyyy`, `dd.mm.yyyy HH:MM` or `dd.mm.yyyy HH:MM:SS` exactly (the forms 1C and Excel write),
 * read with character codes: the day number of an existing date and a valid time, else NaN — the
 * general rules (regular expressions) then decide, error included. Orders come by the million.
 */
function commonFormDay(text: string): DayNumber {
  const n = text.length;
  if ((n !== 10 && n !== 16 && n !== 19) || text.charCodeAt(2) !== 46 || text.charCodeAt(5) !== 46) return Number.NaN;
  const day = twoDigits(text, 0);
  const month = twoDigits(text, 3);
  const century = twoDigits(text, 6);
  const year = twoDigits(text, 8);
  if (day < 0 || month < 0 || century < 0 || year < 0) return Number.NaN;
  if (n > 10) {
    if (text.charCodeAt(10) !== 32 || text.charCodeAt(13) !== 58) return Number.NaN;
    const hours = twoDigits(text, 11);
    const minutes = twoDigits(text, 14);
    if (hours < 0 || hours > 23 || minutes < 0 || minutes > 59) return Number.NaN;
    if (n === 19) {
      const seconds = twoDigits(text, 17);
      if (text.charCodeAt(16) !== 58 || seconds < 0 || seconds > 59) return Number.NaN;
    }
  }
  const fullYear = century * 100 + year;
  if (fullYear < MIN_YEAR || fullYear > MAX_YEAR) return Number.NaN;
  return calendarDay(fullYear, month, day) ?? Number.NaN;
}

function parseDayText(text: string): ParsedDay {
  const common = commonFormDay(text);
  if (common === common) return { day: common };
  const dayFirst = DAY_FIRST.exec(text);
  if (dayFirst) {
    const [, dd, , mm, yy, ...time] = dayFirst;
    return dayOfParts(fullYear(yy), Number(mm), Number(dd), time);
  }
  const yearFirst = YEAR_FIRST.exec(text) ?? COMPACT.exec(text);
  if (yearFirst) {
    const [, yyyy, mm, dd, ...time] = yearFirst;
    return dayOfParts(Number(yyyy), Number(mm), Number(dd), time);
  }
  return { day: null, error: 'notADate' };
}

/**
 * The day of a `Date` cell or of a text in a common form (see `commonFormDay`), without allocating:
 * NaN for anything else, empty cells and errors included, which `parseDay` then reads. For readers of
 * big sheets; `plainDay(v)` is never a different day from `parseDay(v, …).day`.
 */
export function plainDay(value: CellValue | undefined): DayNumber {
  if (typeof value === 'string') return commonFormDay(value);
  if (value instanceof Date) return Math.floor(value.getTime() / MS_PER_DAY);
  return Number.NaN;
}

/** The day a cell holds; `{day: null}` without an error for an empty cell. */
export function parseDay(value: CellValue | undefined, options: ParseDayOptions): ParsedDay {
  if (value === null || value === undefined) return { day: null };
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) return { day: null, error: 'notADate' };
    return { day: Math.floor(value.getTime() / MS_PER_DAY) };
  }
  if (typeof value === 'number') {
    if (!options.serialNumbers) return { day: null, error: 'numberNotDate' };
    if (Number.isInteger(value) && value >= MIN_COMPACT && value <= MAX_COMPACT) return parseDayText(String(value));
    return serialToDay(value);
  }
  if (typeof value === 'boolean') return { day: null, error: 'notADate' };
  const text = value.trim();
  if (!text) return { day: null };
  // A serial typed or imported as text (`45000`) where a date belongs is the same serial; five digits
  // only (1927–2173), so a year typed alone (`2023`) is not taken for a day of 1905.
  if (options.serialNumbers && /^\d{5}$/.test(text)) return parseDay(Number(text), options);
  return parseDayText(text);
}

/** `yyyy-mm-dd` of a day. */
export function dayToIso(day: DayNumber): string {
  let iso = isoOfDay.get(day);
  if (iso === undefined) isoOfDay.set(day, (iso = dayToDate(day).toISOString().slice(0, 10)));
  return iso;
}

/** Days as text, remembered: reports write the same few thousand days for 100,000 clients. */
const isoOfDay = new Map<DayNumber, string>();

/** `yyyy-mm-dd` as a user reads a date: `dd.mm.yyyy`. */
export function isoToDotted(iso: string): string {
  return iso.split('-').reverse().join('.');
}

/** The day of `yyyy-mm-dd`, or null when the text is not an existing date in that form. */
export function isoToDay(iso: string): DayNumber | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso.trim());
  if (!match) return null;
  return calendarDay(Number(match[1]), Number(match[2]), Number(match[3]));
}

/** The day as a `Date` at UTC midnight (the form gateways write as a date cell). */
export function dayToDate(day: DayNumber): Date {
  return new Date(day * MS_PER_DAY);
}

/** Today's calendar date where the user is (local time of the machine running the code). */
export function todayDay(now: Date = new Date()): DayNumber {
  return Math.round(Date.UTC(now.getFullYear(), now.getMonth(), now.getDate()) / MS_PER_DAY);
}
