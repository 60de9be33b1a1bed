/** A REST gateway over a fresh loopback emulator, with backoff waits recorded instead of slept. */
import { google } from 'googleapis';
import type { BackoffOptions } from '../../src/sheets-api/retry';
import { SheetsApiWorkbook, type SheetsApiOptions } from '../../src/sheets-api/workbook';
import type { WorkbookSnapshot } from '../../src/workbook/snapshot';
import { SheetsEmulator } from './emulator';

export interface Harness {
  emulator: SheetsEmulator;
  wb: SheetsApiWorkbook;
  /** Every backoff wait asked for, in ms. */
  sleeps: number[];
}

const running = new Set<SheetsEmulator>();

export async function stopEmulators(): Promise<void> {
  await Promise.all([...running].map((e) => e.stop()));
  running.clear();
}

export async function gatewayOver(book: WorkbookSnapshot, backoff: Partial<BackoffOptions> = {}, options: Partial<Omit<SheetsApiOptions, 'backoff'>> = {}): Promise<Harness> {
  const emulator = new SheetsEmulator();
  emulator.load(book);
  const rootUrl = await emulator.start();
  running.add(emulator);
  const sleeps: number[] = [];
  const wb = new SheetsApiWorkbook(emulator.spreadsheetId, google.sheets({ version: 'v4', rootUrl, fetchImplementation: fetch }), {
    ...options,
    backoff: { retries: 4, baseMs: 100, maxMs: 1000, maxTotalMs: 10_000, sleep: async (ms) => void sleeps.push(ms), random: () => 0.5, ...backoff },
  });
  return { emulator, wb, sleeps };
}

/** The batchUpdate calls the emulator received. */
export function batchUpdates(emulator: SheetsEmulator) {
  return emulator.log.filter((r) => r.path.endsWith(':batchUpdate'));
}
