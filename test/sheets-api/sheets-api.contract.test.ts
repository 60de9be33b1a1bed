import { google } from 'googleapis';
import { SheetsApiWorkbook } from '../../src/sheets-api/workbook';
import type { Workbook } from '../../src/workbook/workbook';
import { describeTypedHistoryContract } from '../contract/typed-history-contract';
import { describeWorkbookContract, type WorkbookHarness } from '../contract/workbook-contract';
import { SheetsEmulator } from './emulator';

const hosts = new WeakMap<Workbook, SheetsEmulator>();
const running: SheetsEmulator[] = [];

afterAll(async () => {
  await Promise.all(running.map((e) => e.stop()));
});

const harness: WorkbookHarness = {
  create: async (initial) => {
    const emulator = new SheetsEmulator();
    emulator.load(initial);
    const rootUrl = await emulator.start();
    running.push(emulator);
    const wb = new SheetsApiWorkbook(emulator.spreadsheetId, google.sheets({ version: 'v4', rootUrl, fetchImplementation: fetch }));
    hosts.set(wb, emulator);
    return wb;
  },
  inspect: async (wb) => hosts.get(wb)!.state(),
  lacks: { tables: true },
};

describeWorkbookContract('Sheets API (loopback emulator)', harness);
describeTypedHistoryContract('Sheets API (loopback emulator)', harness);
