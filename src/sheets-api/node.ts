/** The REST gateway from a service-account key file, for the CLI and scheduled jobs. */
import { google } from 'googleapis';
import { SheetsApiWorkbook } from './workbook';

/** Read and write one spreadsheet: share it with the service account's e-mail first. */
export const SHEETS_SCOPE = 'https://www.googleapis.com/auth/spreadsheets';

export async function sheetsApiWorkbookFromKeyFile(spreadsheetId: string, keyPath: string): Promise<SheetsApiWorkbook> {
  const auth = new google.auth.GoogleAuth({ keyFile: keyPath, scopes: [SHEETS_SCOPE] });
  // Node's own fetch: gaxios would otherwise import node-fetch dynamically, which bundlers and jest trip on
  return new SheetsApiWorkbook(spreadsheetId, google.sheets({ version: 'v4', auth, fetchImplementation: fetch }));
}
