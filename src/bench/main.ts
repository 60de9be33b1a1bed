/**
 * `crm-base bench` (`npm run bench`): the speed goals of the product on synthetic data of 100,000
 * clients and 1,000,000 orders, measured on this machine and printed as a table.
 *
 * - CSV import: a 1C-style orders file (windows-1251, `;`, title line) decoded, parsed and read into
 *   orders by `readBase`, together with the clients sheet it links to (goal ≤ 3 s);
 * - tracker + ABC + RFM over the base already read (goal ≤ 1 s);
 * - writing and reading a 100,000-client workbook (services and clients sheets) as .xlsx through the
 *   streaming gateway the command uses (goal ≤ 10 s each);
 * - peak resident memory of the whole run (goal ≤ 1.5 GB).
 * Data generation is timed too but has no goal. Timings are reported, never asserted.
 */
import { parseArgs } from '../cli/args';
import { readBase } from '../core/base';
import { computeTracker } from '../core/tracker';
import { rankAbc } from '../core/abc';
import { computeRfm } from '../core/rfm';
import { isoToDay } from '../core/normalise/date';
import { readCsv } from '../core/import';
import type { WorkbookSnapshot } from '../workbook/snapshot';
import { generateOrdersCsv, generateSyntheticBase } from '../sample/synthetic';
import { SAMPLE_SHEETS } from '../sample/workbook';
import { XlsxWorkbook } from '../xlsx/workbook';
import { xlsxFromBuffer, xlsxToBuffer } from '../xlsx/node';
import { formatFigures, peakRssMb, timed, type Figure } from './report';

const AS_OF = '2026-11-01';

interface BenchOptions {
  clients: number;
  orders: number;
  seed: number;
  xlsx: boolean;
}

function benchOptions(args: string[]): BenchOptions {
  const parsed = parseArgs(args, { valued: ['--clients', '--orders', '--seed'], flags: ['--no-xlsx'] });
  const count = (name: string, fallback: number) => {
    const raw = parsed.options.get(name);
    const value = typeof raw === 'string' ? Number(raw) : fallback;
    if (!Number.isInteger(value) || value <= 0) throw new RangeError(`${name} must be a positive whole number`);
    return value;
  };
  return { clients: count('--clients', 100_000), orders: count('--orders', 1_000_000), seed: count('--seed', 7), xlsx: !parsed.options.has('--no-xlsx') };
}

function progress(message: string): void {
  process.stderr.write(`bench: ${message}\n`);
}

function sheetOf(snapshot: WorkbookSnapshot, name: string) {
  const sheet = snapshot.sheets.find((s) => s.name === name);
  if (!sheet) throw new Error(`generated workbook has no sheet ${name}`);
  return sheet;
}

/** Runs the benchmark; returns the exit code (0 unless something failed to run). */
export async function runBench(args: string[]): Promise<number> {
  const options = benchOptions(args);
  const { clients, orders, seed } = options;
  const figures: Figure[] = [];
  const scale = `${clients.toLocaleString('en')} clients, ${orders.toLocaleString('en')} orders`;

  progress(`generating ${scale}`);
  const generated = await timed(() => generateSyntheticBase({ clients, orders, seed, asOf: AS_OF }));
  const csvBytes = await timed(() => generateOrdersCsv({ clients, orders, seed, asOf: AS_OF }));
  figures.push({ name: 'Generate base + CSV', value: generated.seconds + csvBytes.seconds, unit: 's', note: `CSV ${(csvBytes.result.length / 1e6).toFixed(0)} MB` });

  progress('CSV import');
  const base = generated.result;
  const servicesSheet = sheetOf(base, SAMPLE_SHEETS.services);
  const clientsSheet = sheetOf(base, SAMPLE_SHEETS.clients);
  const clientsOnly = await timed(() => readBase({ sheets: [servicesSheet, clientsSheet] }));
  const csv = await timed(() => readCsv(csvBytes.result, SAMPLE_SHEETS.orders));
  const imported = await timed(() => readBase({ sheets: [servicesSheet, clientsSheet, csv.result.sheet] }));
  const linked = imported.result.orderClient.filter((c) => c !== null).length;
  figures.push({ name: '  decode + parse CSV', value: csv.seconds, unit: 's', note: `${csv.result.encoding}, "${csv.result.separator}", ${csv.result.sheet.rows.length} rows` });
  figures.push({ name: '  readBase (clients + orders)', value: imported.seconds, unit: 's', note: `${linked} of ${imported.result.orders.length} orders linked; clients alone ${clientsOnly.seconds.toFixed(2)} s` });
  figures.push({ name: 'CSV import (decode+parse+readBase)', value: csv.seconds + imported.seconds, unit: 's', goal: 3 });
  csv.result.sheet.rows.length = 0;

  progress('tracker + ABC + RFM');
  const read = await timed(() => readBase(base));
  const { settings } = read.result;
  const asOf = isoToDay(AS_OF) as number;
  const analysis = await timed(() => {
    const tracker = computeTracker(read.result.clients.length, read.result.orders, read.result.orderClient, asOf, settings.coldDays);
    const abc = rankAbc(tracker.map((t) => t.revenue), settings.abcA, settings.abcB);
    const rfm = computeRfm(tracker, { mode: settings.rfmMode, recencyBands: settings.rfmRecencyBands, frequencyBands: settings.rfmFrequencyBands });
    return { tracker, abc, rfm };
  });
  figures.push({ name: 'readBase (generated workbook)', value: read.seconds, unit: 's', note: 'dates as values, client IDs' });
  figures.push({ name: 'Tracker + ABC + RFM', value: analysis.seconds, unit: 's', goal: 1, note: `${analysis.result.rfm.scored} clients scored` });

  if (options.xlsx) {
    progress(`writing a ${clients.toLocaleString('en')}-client workbook as .xlsx`);
    const book = { sheets: [servicesSheet, clientsSheet] };
    const written = await timed(() => xlsxToBuffer(XlsxWorkbook.fromSnapshot(book)));
    figures.push({ name: 'Write .xlsx (services + clients)', value: written.seconds, unit: 's', goal: 10, note: `${(written.result.length / 1e6).toFixed(1)} MB` });
    progress('reading it back');
    const reread = await timed(async () => (await xlsxFromBuffer(written.result)).read());
    const rows = reread.result.sheets.find((s) => s.name === SAMPLE_SHEETS.clients)?.rows.length ?? 0;
    figures.push({ name: 'Read .xlsx (services + clients)', value: reread.seconds, unit: 's', goal: 10, note: `${rows} client rows` });
  }

  figures.push({ name: 'Peak memory (RSS, whole run)', value: peakRssMb(), unit: 'MB', goal: 1536 });
  process.stdout.write(`crm-base bench: ${scale}, Node ${process.version}\n${formatFigures(figures)}\n`);
  return 0;
}
