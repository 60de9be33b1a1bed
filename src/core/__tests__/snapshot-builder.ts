/** A tiny builder of workbook snapshots for core tests: `book(sheet('Клиенты', ['Клиент'], ['Иванов']))`. */
import type { CellValue, SheetSnapshot, WorkbookSnapshot } from '../../workbook/snapshot';

export function sheet(name: string, header: CellValue[], ...rows: CellValue[][]): SheetSnapshot {
  return { name, header, rows };
}

export function book(...sheets: SheetSnapshot[]): WorkbookSnapshot {
  return { sheets };
}

/** A date cell as a gateway gives it: the calendar date in the UTC fields. */
export function date(day: number, month: number, year: number): Date {
  return new Date(Date.UTC(year, month - 1, day));
}
