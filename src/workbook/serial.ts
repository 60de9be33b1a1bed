/**
 * Dates as spreadsheets store them: serial numbers of days, the fraction being the time of day. Excel's
 * 1900 date system and Google Sheets count from 1899-12-30 (serial 0), so 1970-01-01 is serial 25 569;
 * a workbook in Excel's 1904 system counts 1 462 days later. A `Date` here carries the wall-clock date and
 * time in its UTC fields (snapshot.ts), so no time zone enters the conversion.
 */

/** The serial of 1970-01-01 in the 1900 date system. */
export const SERIAL_OF_UNIX_EPOCH = 25_569;
/** Days between the 1900 and the 1904 date systems. */
const DATE_1904_SHIFT = 1_462;
const MS_PER_DAY = 86_400_000;

/**
 * The wall-clock date and time of a serial, rounded to the millisecond (which absorbs the float error of
 * times like 23:59). Serials before 1900-03-01 are off by Excel's 1900 leap-year bug; no client base has
 * such dates, and the core's `serialToDay` handles them where a day is wanted.
 */
export function serialToDate(serial: number, date1904 = false): Date {
  return new Date(Math.round((serial - SERIAL_OF_UNIX_EPOCH + (date1904 ? DATE_1904_SHIFT : 0)) * MS_PER_DAY));
}

/** The serial (1900 system) of a wall-clock date and time. */
export function dateToSerial(date: Date): number {
  return date.getTime() / MS_PER_DAY + SERIAL_OF_UNIX_EPOCH;
}
