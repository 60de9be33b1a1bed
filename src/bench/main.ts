/**
 * `crm-base bench` (`npm run bench`): the speed goals of the product on synthetic data of 100,000
 * clients and 1,000,000 orders, measured on this machine and printed as a table. The goals of the CSV
 * import, the analyses, the .xlsx and memory are the speed issue's (CSV import ≤ 1.5 s, tracker + ABC +
 * RFM ≤ 0.3 s, write and read ≤ 2 s each, peak ≤ 700 MB); the others are the product's own.
 *
 * - CSV import: a 1C-style orders file (windows-1251, `;`, title line) decoded, parsed and read into
 *   orders by `readBase`, together with the clients sheet it links to (goal ≤ 1.5 s);
 * - tracker + ABC + RFM over the base already read (goal ≤ 0.3 s); the client-value models (goal ≤ 2 s);
 *   XYZ and cohort retention (goal ≤ 1 s together); plan vs fact;
 * - writing and reading a 100,000-client workbook (services and clients sheets) as .xlsx through the
 *   streaming gateway the command uses (goal ≤ 2 s each);
 * - peak resident memory of the whole run (goal ≤ 700 MB).
 * Data generation is timed too but has no goal. Timings are reported, never asserted.
 */
import { setFlagsFromString } from 'v8';
import { runInNewContext } from 'vm';
import { readBase } from '../core/base';
import { computeTracker } from '../core/tracker';
import { rankAbc } from '../core/abc';
import { computeRfm } from '../core/rfm';
import { computeCohorts } from '../core/cohorts';
import { computePlanFact } from '../core/plan-fact';
import { isoToDay } from '../core/normalise/date';
import { readCsv } from '../core/import';
import { generateOrdersCsv, generateSyntheticBase } from '../sample/synthetic';
import { SAMPLE_SHEETS } from '../sample/sample-types';
import { XlsxWorkbook } from '../xlsx/workbook';
import { xlsxFromBuffer, xlsxToBuffer } from '../xlsx/node';
import { computeClientValue, repeatSummary } from '../core/value/client-value';
import { xyzOfBase } from '../core/value/xyz-base';
import { revenueByService } from '../core/service-revenue';
import { formatFigures, peakRssMb, timed, type Figure } from './report';
import type { HistoryEntry } from '../core/contact-history';
import { seenStatusRows } from '../core/status-diff';
import { computeFunnelMovement } from '../core/funnel-movement';
import { dayToDate } from '../core/normalise/date';
import type { Base } from '../core/base';

const AS_OF = '2026-11-01';
/** The heap flags node runs with (bin/crm-base.js starts node with its own, see there). */
function heapFlags(): string {
  const flags = process.execArgv.filter((arg) => arg.startsWith('--max-semi-space-size') || arg.startsWith('--heap-growing-percent'));
  return flags.length ? flags.join(' ') : 'V8 default heap';
}

/** What the command line asked for (`crm-base bench --clients N --orders N --seed S --no-xlsx`). */
export interface BenchOptions {
  clients: number;
  orders: number;
  seed: number;
  xlsx: boolean;
}

function progress(message: string): void {
  process.stderr.write(`bench: ${message} (peak memory so far ${Math.round(peakRssMb())} MB)\n`);
}

/**
 * CSV import: the clients sheet the orders link to, then the 1C file decoded, parsed and read. The
 * clients are read alone too, to show what the orders add. The generators' garbage is collected before
 * the import is timed: a run of the command starts without it.
 */
async function csvImport(options: BenchOptions, figures: Figure[], collectGarbage: () => void): Promise<void> {
  const { clients, orders, seed } = options;
  const clientsOnlyBook = generateSyntheticBase({ clients, orders: 0, seed, asOf: AS_OF });
  const generated = await timed(() => generateOrdersCsv({ clients, orders, seed, asOf: AS_OF }));
  figures.push({ name: 'Generate the orders CSV', value: generated.seconds, unit: 's', note: `${(generated.result.length / 1e6).toFixed(0)} MB` });
  const clientsOnlySeconds = (await timed(() => readBase(clientsOnlyBook))).seconds;
  collectGarbage();
  const csv = await timed(() => readCsv(generated.result, SAMPLE_SHEETS.orders));
  const sheets = [...clientsOnlyBook.sheets.filter((s) => s.name !== SAMPLE_SHEETS.orders), csv.result.sheet];
  const imported = await timed(() => readBase({ sheets }));
  const linked = imported.result.orderClient.filter((c) => c !== null).length;
  figures.push({ name: '  decode + parse CSV', value: csv.seconds, unit: 's', note: `${csv.result.encoding}, "${csv.result.separator}", ${csv.result.sheet.rows.length} rows` });
  figures.push({
    name: '  readBase (clients + orders)',
    value: imported.seconds,
    unit: 's',
    note: `${linked} of ${imported.result.orders.length} orders linked; the clients alone take ${clientsOnlySeconds.toFixed(2)} s`,
  });
  figures.push({ name: 'CSV import (decode+parse+readBase)', value: csv.seconds + imported.seconds, unit: 's', goal: 1.5 });
}

/** Tracker, ABC and RFM over a base already read, then cohort retention. */
async function analyses(options: BenchOptions, figures: Figure[]): Promise<void> {
  const { clients, orders, seed } = options;
  const book = await timed(() => generateSyntheticBase({ clients, orders, seed, asOf: AS_OF }));
  figures.push({ name: 'Generate the base', value: book.seconds, unit: 's' });
  const read = await timed(() => readBase(book.result));
  const { settings } = read.result;
  const asOf = isoToDay(AS_OF) as number;
  const histories = read.result.clients.map((client) => client.history);
  const trackerAlone = await timed(() => computeTracker(histories, read.result.orders, read.result.orderClient, asOf, settings.coldDays, settings.rhythmSlip));
  const analysis = await timed(() => {
    const tracker = computeTracker(histories, read.result.orders, read.result.orderClient, asOf, settings.coldDays, settings.rhythmSlip);
    const abc = rankAbc(tracker.map((t) => t.revenue), settings.abcA, settings.abcB);
    const rfm = computeRfm(tracker, { mode: settings.rfmMode, recencyBands: settings.rfmRecencyBands, frequencyBands: settings.rfmFrequencyBands });
    return { tracker, abc, rfm };
  });
  figures.push({ name: 'readBase (the base as a workbook)', value: read.seconds, unit: 's', note: 'date cells, client IDs' });
  figures.push({ name: '  tracker alone (first run)', value: trackerAlone.seconds, unit: 's', note: `${trackerAlone.result.length} clients` });
  figures.push({ name: 'Tracker + ABC + RFM', value: analysis.seconds, unit: 's', goal: 0.3, note: `${analysis.result.rfm.scored} clients scored` });
  const base = read.result;
  const value = await timed(() => computeClientValue(repeatSummary(base.orders, base.orderClient, base.clients.length, asOf), settings.clvDiscount / 100));
  const scored = value.result.pAlive.filter((p) => p !== null).length;
  figures.push({ name: 'BG/NBD + Gamma-Gamma fit, per-client figures', value: value.seconds, unit: 's', goal: 2, note: `${scored} clients` });
  const services = revenueByService(base.services.map((service) => service.name), base.orders, asOf);
  const xyz = await timed(() => xyzOfBase(base, services, asOf));
  figures.push({ name: '  XYZ (clients and services)', value: xyz.seconds, unit: 's', note: `${xyz.result.xyz.classes.filter((c) => c !== null).length} clients classed` });
  const cohorts = await timed(() => computeCohorts(read.result.clients.map((client) => client.history), read.result.orders, read.result.orderClient, asOf));
  const cohortClients = cohorts.result.cohorts.reduce((sum, cohort) => sum + cohort.clients, 0);
  figures.push({ name: '  cohorts', value: cohorts.seconds, unit: 's', note: `${cohorts.result.cohorts.length} cohorts, ${cohortClients} clients` });
  figures.push({ name: 'XYZ + cohorts', value: xyz.seconds + cohorts.seconds, unit: 's', goal: 1 });
  const { clients: baseClients, orders: baseOrders, orderClient } = read.result;
  const planFact = await timed(() => computePlanFact({ clients: baseClients, orders: baseOrders, orderClient, tracker: analysis.result.tracker, history: [], plan: [], asOf }));
  figures.push({ name: 'Plan vs fact (no plan: last 3 months)', value: planFact.seconds, unit: 's', note: `${planFact.result.rows.length} manager-months` });
  await statusMovement(base, asOf, figures);
}

/** Three status moves per client (Белый, Серый, Зелёный a month apart) as the history holds them. */
function statusHistory(base: Base, asOf: number): HistoryEntry[] {
  const steps = ['— → Белый', 'Белый → Серый', 'Серый → Зелёный'];
  return base.clients.flatMap((client, i) =>
    steps.map((result, k) => ({
      row: 2 + i * steps.length + k,
      when: dayToDate(asOf - 400 + (i % 300) + k * 30),
      clientId: client.id ?? '',
      client: client.name,
      manager: client.manager,
      kind: 'status' as const,
      kindText: 'статус',
      result,
      nextStep: '',
      nextContact: null,
    })),
  );
}

/** The status diff against the history and «Воронка: движение» over it. */
async function statusMovement(base: Base, asOf: number, figures: Figure[]): Promise<void> {
  const history = statusHistory(base, asOf);
  const now = dayToDate(asOf);
  const seen = await timed(() => seenStatusRows(base.clients, history, now, 'ru'));
  figures.push({ name: 'Status diff (changes seen)', value: seen.seconds, unit: 's', goal: 1, note: `${history.length} status rows, ${seen.result.length} changes seen` });
  const movement = await timed(() => computeFunnelMovement(history, asOf));
  figures.push({ name: 'Funnel movement', value: movement.seconds, unit: 's', goal: 1, note: `${movement.result.months.length} months` });
}

/** Writing and reading the services and clients sheets as .xlsx with the streaming gateway. */
async function xlsxRoundTrip(options: BenchOptions, figures: Figure[]): Promise<void> {
  const { clients, seed } = options;
  const book = generateSyntheticBase({ clients, orders: 0, seed, asOf: AS_OF });
  book.sheets = book.sheets.filter((s) => s.name !== SAMPLE_SHEETS.orders);
  progress(`writing a ${clients.toLocaleString('en')}-client workbook as .xlsx`);
  const written = await timed(() => xlsxToBuffer(XlsxWorkbook.fromSnapshot(book)));
  figures.push({ name: 'Write .xlsx (services + clients)', value: written.seconds, unit: 's', goal: 2, note: `${(written.result.length / 1e6).toFixed(1)} MB` });
  progress('reading it back');
  const reread = await timed(async () => (await xlsxFromBuffer(written.result)).read());
  const rows = reread.result.sheets.find((s) => s.name === SAMPLE_SHEETS.clients)?.rows.length ?? 0;
  figures.push({ name: 'Read .xlsx (services + clients)', value: reread.seconds, unit: 's', goal: 2, note: `${rows} client rows` });
}

/**
 * Runs the benchmark; returns the exit code (0 unless something failed to run). Each phase builds its
 * own data and lets it go, as separate runs of the command would, so the peak is the largest phase's.
 */
export async function runBench(options: BenchOptions): Promise<number> {
  // A full collection between phases, so one phase's garbage does not count in the next one's peak.
  setFlagsFromString('--expose-gc');
  const collectGarbage = runInNewContext('gc') as () => void;
  const figures: Figure[] = [];
  const scale = `${options.clients.toLocaleString('en')} clients, ${options.orders.toLocaleString('en')} orders`;
  progress(`CSV import (${scale})`);
  await csvImport(options, figures, collectGarbage);
  collectGarbage();
  progress('tracker + ABC + RFM');
  await analyses(options, figures);
  collectGarbage();
  if (options.xlsx) await xlsxRoundTrip(options, figures);
  figures.push({ name: 'Peak memory (RSS, whole run)', value: peakRssMb(), unit: 'MB', goal: 700 });
  process.stdout.write(`crm-base bench: ${scale}, Node ${process.version}, ${heapFlags()}\n${formatFigures(figures)}\n`);
  return 0;
}
