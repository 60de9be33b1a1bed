import { calendarDay, dayToDate, dayToIso, dayToSerial, isoToDay, parseDay, serialToDay, todayDay } from '../normalise/date';
import { parseAmount } from '../normalise/amount';

const SERIAL = { serialNumbers: true };
const NO_SERIAL = { serialNumbers: false };
const iso = (value: Parameters<typeof parseDay>[0], options = SERIAL) => {
  const parsed = parseDay(value, options);
  return parsed.day === null ? parsed.error ?? null : dayToIso(parsed.day);
};

describe('parseDay', () => {
  it('reads dates from their UTC fields, whatever the time of day', () => {
    expect(iso(new Date(Date.UTC(2024, 0, 31, 0, 0)))).toBe('2024-01-31');
    expect(iso(new Date(Date.UTC(2024, 0, 31, 23, 59, 59)))).toBe('2024-01-31');
    expect(iso(new Date(Date.UTC(1969, 11, 31, 12)))).toBe('1969-12-31');
  });
  it('reads Russian texts, with or without a time, and two-digit years', () => {
    expect(iso('15.03.2024')).toBe('2024-03-15');
    expect(iso(' 1.3.2024 ')).toBe('2024-03-01');
    expect(iso('29.02.2024 23:59')).toBe('2024-02-29');
    expect(iso('31.12.2023 00:00:01')).toBe('2023-12-31');
    expect(iso('05.06.24')).toBe('2024-06-05');
    expect(iso('05.06.85')).toBe('1985-06-05');
    expect(iso('15/03/2024')).toBe('2024-03-15');
    expect(iso('15.03.2024 г.')).toBe('2024-03-15');
  });
  it('reads ISO texts with an optional time', () => {
    expect(iso('2024-03-15')).toBe('2024-03-15');
    expect(iso('2024-03-15T23:30')).toBe('2024-03-15');
    expect(iso('2024-03-15 08:05:00')).toBe('2024-03-15');
  });
  it('rejects calendar dates that do not exist', () => {
    expect(iso('31.02.2024')).toBe('noSuchDay');
    expect(iso('29.02.2023')).toBe('noSuchDay');
    expect(iso('31.04.2024')).toBe('noSuchDay');
    expect(iso('2024-13-01')).toBe('noSuchDay');
    expect(iso('15.03.2024 25:00')).toBe('noSuchDay');
  });
  it('rejects text that is not a date', () => {
    expect(iso('вчера')).toBe('notADate');
    expect(iso('2024.03.15')).toBe('notADate');
    expect(iso('15.03')).toBe('notADate');
    expect(iso(true)).toBe('notADate');
  });
  it('treats empty cells as no date without an error', () => {
    expect(parseDay(null, SERIAL)).toEqual({ day: null });
    expect(parseDay('   ', SERIAL)).toEqual({ day: null });
  });
  it('reads Excel serials in the 1900 system, including the fake 29.02.1900', () => {
    expect(iso(45366)).toBe('2024-03-15');
    expect(iso(45366.99)).toBe('2024-03-15');
    expect(iso(25569)).toBe('1970-01-01');
    expect(iso(1)).toBe('1900-01-01');
    expect(iso(59)).toBe('1900-02-28');
    expect(iso(61)).toBe('1900-03-01');
    expect(iso(60)).toBe('noSuchDay');
  });
  it('refuses numbers where serials are not allowed, and implausible serials', () => {
    expect(iso(45366, NO_SERIAL)).toBe('numberNotDate');
    expect(iso(0)).toBe('numberNotDate');
    expect(iso(-5)).toBe('numberNotDate');
    expect(iso(200000)).toBe('numberNotDate');
    expect(iso(123456789)).toBe('numberNotDate');
  });
  it('reads yyyymmdd, as text or as a number far above any serial', () => {
    expect(iso('20240315')).toBe('2024-03-15');
    expect(iso(20240315)).toBe('2024-03-15');
    expect(iso(19560409)).toBe('1956-04-09');
    expect(iso(20241315)).toBe('noSuchDay');
    expect(iso('20240230')).toBe('noSuchDay');
    expect(iso(20240315, NO_SERIAL)).toBe('numberNotDate');
    expect(iso('2024031')).toBe('notADate');
  });
});

describe('day helpers', () => {
  it('round-trips ISO and serials', () => {
    expect(isoToDay('1970-01-01')).toBe(0);
    expect(isoToDay('2024-02-29')).toBe(19782);
    expect(isoToDay('2023-02-29')).toBeNull();
    expect(isoToDay('15.03.2024')).toBeNull();
    expect(dayToIso(19782)).toBe('2024-02-29');
    expect(dayToDate(19782).toISOString()).toBe('2024-02-29T00:00:00.000Z');
    for (const serial of [1, 59, 61, 45366]) expect(dayToSerial(serialToDay(serial).day!)).toBe(serial);
  });
  it('takes today from the local calendar, not UTC', () => {
    const lateEvening = new Date(2024, 11, 31, 23, 59, 59);
    expect(dayToIso(todayDay(lateEvening))).toBe('2024-12-31');
    const justAfterMidnight = new Date(2025, 0, 1, 0, 0, 1);
    expect(dayToIso(todayDay(justAfterMidnight))).toBe('2025-01-01');
  });
});

describe('parseAmount', () => {
  it.each<[string | number, number]>([
    [1500, 1500],
    [-500, -500],
    ['1234.5', 1234.5],
    ['1234,5', 1234.5],
    ['1 234,56', 1234.56],
    ['1\u00A0234,56\u00A0₽', 1234.56],
    ['1\u202F234\u202F567,89 руб.', 1234567.89],
    ['1,234.56', 1234.56],
    ['1.234,56', 1234.56],
    ['1,234,567', 1234567],
    ['1.234.567', 1234567],
    ['-500', -500],
    ['−500 р.', -500],
    ['500р', 500],
    ['RUB 1 000', 1000],
    ['₽1000', 1000],
    ['0', 0],
    ['-0', 0],
  ])('%s → %d', (raw, amount) => {
    expect(parseAmount(raw)).toEqual({ amount });
  });
  it.each(['дорого', '12 руб 50 коп', '1,2,3.4.5', '1.2.3,4,5', '--5', 'abc123', '1e5'])('rejects %s', (raw) => {
    expect(parseAmount(raw)).toEqual({ amount: null, error: 'notAnAmount' });
  });
  it('treats empty cells as no amount and dates/booleans as errors', () => {
    expect(parseAmount(null)).toEqual({ amount: null });
    expect(parseAmount(' ')).toEqual({ amount: null });
    expect(parseAmount(new Date(0)).error).toBe('notAnAmount');
    expect(parseAmount(true).error).toBe('notAnAmount');
    expect(parseAmount(Number.NaN).error).toBe('notAnAmount');
  });
});

describe('calendarDay', () => {
  it('agrees with the platform calendar for every day of 1899..2101', () => {
    for (let day = Date.UTC(1899, 0, 1) / 86_400_000; day <= Date.UTC(2101, 11, 31) / 86_400_000; day++) {
      const date = new Date(day * 86_400_000);
      expect(calendarDay(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate())).toBe(day);
    }
  });
  it('knows leap years, including the century rules', () => {
    expect(calendarDay(2000, 2, 29)).not.toBeNull();
    expect(calendarDay(1900, 2, 29)).toBeNull();
    expect(calendarDay(2100, 2, 29)).toBeNull();
    expect(calendarDay(2024, 4, 31)).toBeNull();
    expect(calendarDay(2024, 0, 1)).toBeNull();
  });
});

describe('dates the two-sheet template holds', () => {
  it('reads «31.12.1899» as the real day it is, and a serial typed as text where a date belongs', () => {
    expect(parseDay('31.12.1899', { serialNumbers: true }).day).toBe(calendarDay(1899, 12, 31));
    expect(parseDay('45000', { serialNumbers: true }).day).toBe(calendarDay(2023, 3, 15));
    expect(parseDay('45000', { serialNumbers: false })).toEqual({ day: null, error: 'notADate' });
    // A year typed alone is not a serial of 1905.
    expect(parseDay('2023', { serialNumbers: true })).toEqual({ day: null, error: 'notADate' });
  });

  it('tells an impossible date from a word', () => {
    expect(parseDay('32.13.2023', { serialNumbers: true }).error).toBe('noSuchDay');
    expect(parseDay('31.02.2024', { serialNumbers: true }).error).toBe('noSuchDay');
    expect(parseDay('вчера', { serialNumbers: true }).error).toBe('notADate');
    expect(parseDay('весной 2023', { serialNumbers: true }).error).toBe('notADate');
  });
});
