/** A fake spreadsheet holding a snapshot, and the SpreadsheetApp gateway over it. */
import { SpreadsheetAppWorkbook } from '../../../appsscript/src/gateway/spreadsheet-app-workbook';
import type { WorkbookSnapshot } from '../../../src/workbook/snapshot';
import { instantOf } from './cells';
import { FakeSpreadsheet, FakeSpreadsheetApp } from './spreadsheet';
import { fakeUtilities } from './utilities';

/** Snapshot dates are wall-clock times; the fake stores instants in its zone, as Sheets hands them out. */
export function fakeSpreadsheetFrom(snapshot: WorkbookSnapshot, timeZone = 'Europe/Moscow'): FakeSpreadsheet {
  const spreadsheet = new FakeSpreadsheet(timeZone);
  for (const sheet of snapshot.sheets) {
    spreadsheet.addSheetWithValues(
      sheet.name,
      [sheet.header, ...sheet.rows].map((row) => row.map((v) => (v instanceof Date ? instantOf(v, timeZone) : v))),
    );
  }
  return spreadsheet;
}

export function gatewayOver(spreadsheet: FakeSpreadsheet): SpreadsheetAppWorkbook {
  return new SpreadsheetAppWorkbook({
    spreadsheet: spreadsheet.getActiveSpreadsheetProxy(),
    app: new FakeSpreadsheetApp(spreadsheet),
    formatDate: fakeUtilities.formatDate,
  });
}
