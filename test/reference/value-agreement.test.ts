/**
 * `crm-base analyze`'s client-value figures (BG/NBD, Gamma-Gamma, CLV) and XYZ classes against an
 * independent implementation of docs/ARCHITECTURE.md's definitions (test/reference/value_reference.py:
 * standard-library Python from the published formulas, Nelder–Mead instead of BFGS, 2F1 summed directly
 * instead of after Euler's transformation), client by client.
 *
 * The workbook is simulated the way BG/NBD and Gamma-Gamma assume clients behave (each buys at a Poisson
 * rate from a gamma distribution, drops out after a repeat purchase with a probability from a beta
 * distribution, spends gamma-distributed amounts around a gamma-distributed mean), so the models are
 * identified; beside them, clients ordering every month with amounts whose variation is exactly 0 %,
 * 10 % (the X limit), 20 % and 25 % (the Y limit), clients without orders, lines on the same day and
 * lines after the as-of date.
 *
 * Two comparisons, because they test different things:
 * - the fitted parameters, to 3 significant digits (relative 5e-4), which is what the product promises;
 * - the per-client formulas evaluated by the reference AT THE PRODUCT'S PARAMETERS (read from the
 *   «Ценность клиентов» sheet, where ExcelJS keeps all 17 digits) to relative 1e-8: the two routes only
 *   differ by rounding (the series are summed to 1e-16 or better), so anything larger is a formula that
 *   differs; and the figures at the reference's own fit to relative 1e-4 — parameters that agree to ~1e-6
 *   move P(alive) and expected orders by about that much, a figure wrong by design moves far more.
 */
import { spawnSync } from 'child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { Random } from '../../src/sample';
import { XlsxWorkbook } from '../../src/xlsx/workbook';
import { xlsxToFile } from '../../src/xlsx/node';
import type { CellValue, WorkbookSnapshot } from '../../src/workbook/snapshot';
import { DEBIAN_PYTHON, describeWithTool } from '../support/tools';

const ROOT = join(__dirname, '..', '..');
const BIN = join(ROOT, 'bin', 'crm-base.js');
const REFERENCE = join(__dirname, 'value_reference.py');
const AS_OF = '2026-11-15';
const DAY_MS = 86_400_000;
const AS_OF_MS = Date.parse(`${AS_OF}T00:00:00Z`);

// --- simulating a base ------------------------------------------------------------------------------

/** Gamma(shape, scale) by Marsaglia & Tsang; below shape 1 by the usual U^(1/shape) boost. */
function gamma(rng: Random, shape: number, scale: number): number {
  if (shape < 1) return gamma(rng, shape + 1, scale) * Math.pow(1 - rng.next(), 1 / shape);
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    const normal = Math.sqrt(-2 * Math.log(1 - rng.next())) * Math.cos(2 * Math.PI * rng.next());
    const v = Math.pow(1 + c * normal, 3);
    if (v <= 0) continue;
    const u = 1 - rng.next();
    if (Math.log(u) < 0.5 * normal * normal + d - d * v + d * Math.log(v)) return d * v * scale;
  }
}

interface Line {
  client: string;
  day: number; // days from the as-of date (0 = the as-of date, negative before)
  amount: number;
}

const kopecks = (value: number) => Math.round(value * 100) / 100;

/**
 * BG/NBD clients in days (r 0.8, α 60, a 0.8, b 4: one order day in 75 on average, one in six drops out
 * after each repeat purchase), first purchases over three years, simulated 60 days past the as-of date;
 * Gamma-Gamma amounts (p 4, q 5, γ 4000: about 4,000 per order).
 */
function simulateBuyers(rng: Random, count: number): Line[] {
  const lines: Line[] = [];
  for (let i = 0; i < count; i++) {
    const client = `В-${String(i + 1).padStart(4, '0')}`;
    const rate = gamma(rng, 0.8, 1 / 60);
    const x1 = gamma(rng, 0.8, 1);
    const dropout = x1 / (x1 + gamma(rng, 4, 1));
    const nu = gamma(rng, 5, 1 / 4000); // ν ~ Gamma(q, rate γ); each amount ~ Gamma(p, rate ν)
    let t = -rng.next() * 1100;
    const buy = () => {
      lines.push({ client, day: Math.floor(t), amount: kopecks(gamma(rng, 4, 1 / nu)) });
      // Sometimes a second line the same day (another order number): one order day, its amounts summed.
      if (rng.chance(0.03)) lines.push({ client, day: Math.floor(t), amount: kopecks(gamma(rng, 4, 1 / nu)) });
    };
    buy();
    for (;;) {
      t += -Math.log(1 - rng.next()) / rate;
      if (t >= 60) break;
      buy();
      if (rng.chance(dropout)) break;
    }
  }
  return lines;
}

function dayOfMonth(year: number, month: number, day: number): number {
  return Math.round((Date.UTC(year, month - 1, day) - AS_OF_MS) / DAY_MS);
}

/**
 * Clients who order on the 10th of every month from January 2024, amounts alternating around 5,000 by
 * ±0, ±500, ±1,000 and ±1,250: variation 0 %, exactly 10 % (X, the limit is inclusive), 20 % and exactly 25 %
 * (Y). Their November 2026 order lies in the as-of month, which XYZ never counts.
 */
function simulateSubscribers(): Line[] {
  const lines: Line[] = [];
  const spreads = [0, 500, 1000, 1250];
  for (let s = 0; s < spreads.length; s++) {
    for (let copy = 0; copy < 3; copy++) {
      const client = `П-${s}${copy}`;
      let k = 0;
      for (let year = 2024; year <= 2026; year++) {
        for (let month = 1; month <= 12 && !(year === 2026 && month > 11); month++) {
          lines.push({ client, day: dayOfMonth(year, month, 10), amount: 5000 + (k++ % 2 === 0 ? -1 : 1) * spreads[s] });
        }
      }
    }
  }
  return lines;
}

const NO_ORDERS = ['Н-1', 'Н-2', 'Н-3'];
/** A first order on the as-of date itself (x = 0, T = 0: counted); orders only after it (no figures). */
const EDGE_LINES: Line[] = [
  { client: 'Г-0', day: 0, amount: 1500 },
  { client: 'Г-1', day: 1, amount: 2500 },
  { client: 'Г-1', day: 20, amount: 700 },
];

function isoDay(day: number): string {
  return new Date(AS_OF_MS + day * DAY_MS).toISOString().slice(0, 10);
}

function workbookOf(lines: Line[]): WorkbookSnapshot {
  const ids = [...new Set(lines.map((l) => l.client)), ...NO_ORDERS];
  const orderRows: CellValue[][] = lines.map((l, k) => [
    new Date(AS_OF_MS + l.day * DAY_MS),
    l.client,
    `Клиент ${l.client}`,
    'Уборка',
    l.amount,
    `З-${k + 1}`,
  ]);
  return {
    sheets: [
      { name: 'Клиенты', header: ['ID', 'Клиент', 'Телефон'], rows: ids.map((id) => [id, `Клиент ${id}`, null]) },
      { name: 'Заказы', header: ['Дата', 'ID клиента', 'Клиент', 'Услуга', 'Сумма', 'Номер заказа'], rows: orderRows },
    ],
  };
}

// --- running both sides -----------------------------------------------------------------------------

interface BgNbd {
  r: number;
  alpha: number;
  a: number;
  b: number;
}
interface GammaGamma {
  p: number;
  q: number;
  gamma: number;
}
interface Figures {
  pAlive: number | null;
  expectedOrders90: number | null;
  expectedOrders365: number | null;
  expectedOrderValue: number | null;
  clv12: number | null;
}
interface ReferenceClient extends Figures {
  x: number;
  t_x: number;
  T: number;
  m: number;
  xyz: string | null;
}
interface Reference {
  bgnbd: BgNbd;
  gammaGamma: GammaGamma;
  clients: Record<string, ReferenceClient>;
  clientsAtGiven: Record<string, Figures>;
}
interface CliClient extends Figures {
  id: string | null;
  xyz: string | null;
}

const FIGURES = ['pAlive', 'expectedOrders90', 'expectedOrders365', 'expectedOrderValue', 'clv12'] as const;

function run(command: string, args: string[], cwd: string): string {
  const result = spawnSync(command, args, { encoding: 'utf8', cwd, maxBuffer: 1 << 28 });
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} exited ${result.status}:\n${result.stderr}`);
  return result.stdout;
}

/** The parameters block of the «Ценность клиентов» sheet: label → the number beside it. */
const READ_PARAMETERS = `
import json, sys, openpyxl
sheet = openpyxl.load_workbook(sys.argv[1])['Ценность клиентов']
found = {}
for row in sheet.iter_rows(values_only=True):
    for k, cell in enumerate(row[:-1]):
        if isinstance(cell, str) and (cell.startswith('BG/NBD ') or cell.startswith('Gamma-Gamma ')):
            found[cell] = row[k + 1]
print(json.dumps(found))
`;

function productParameters(labels: Record<string, number>): { bgnbd: BgNbd; gammaGamma: GammaGamma } {
  return {
    bgnbd: { r: labels['BG/NBD r'], alpha: labels['BG/NBD α'], a: labels['BG/NBD a'], b: labels['BG/NBD b'] },
    gammaGamma: { p: labels['Gamma-Gamma p'], q: labels['Gamma-Gamma q'], gamma: labels['Gamma-Gamma γ'] },
  };
}

const relative = (a: number, b: number) => Math.abs(a - b) / Math.max(Math.abs(b), 1e-300);

// --- the comparison ---------------------------------------------------------------------------------

describeWithTool('openpyxl', 'crm-base analyze: client value and XYZ agree with an independent reference', () => {
  const dir = mkdtempSync(join(tmpdir(), 'crm-value-agreement-'));
  let cli: CliClient[];
  let reference: Reference;
  let product: { bgnbd: BgNbd; gammaGamma: GammaGamma };
  let models: { bgNbd: BgNbd | null; gammaGamma: GammaGamma | null };
  let lines: Line[];

  beforeAll(async () => {
    const rng = new Random(20261115);
    lines = [...simulateBuyers(rng, 2000), ...simulateSubscribers(), ...EDGE_LINES];
    await xlsxToFile(XlsxWorkbook.fromSnapshot(workbookOf(lines)), join(dir, 'book.xlsx'));
    writeFileSync(join(dir, 'transactions.csv'), ['client,date,amount', ...lines.map((l) => `${l.client},${isoDay(l.day)},${l.amount}`)].join('\n') + '\n');
    run(process.execPath, [BIN, 'analyze', 'book.xlsx', '--as-of', AS_OF, '-o', 'out.xlsx', '--json', 'results.json'], dir);
    const results = JSON.parse(readFileSync(join(dir, 'results.json'), 'utf8')) as { clients: CliClient[]; valueModels: typeof models };
    cli = results.clients;
    models = results.valueModels;
    product = productParameters(JSON.parse(run(DEBIAN_PYTHON, ['-c', READ_PARAMETERS, 'out.xlsx'], dir)) as Record<string, number>);
    writeFileSync(join(dir, 'params.json'), JSON.stringify(product));
    run(DEBIAN_PYTHON, [REFERENCE, 'transactions.csv', '--as-of', AS_OF, '--params', 'params.json', '--out', 'reference.json'], dir);
    reference = JSON.parse(readFileSync(join(dir, 'reference.json'), 'utf8')) as Reference;
  }, 120_000);

  it('the simulated base is one the models are identified on', () => {
    const buyers = Object.values(reference.clients);
    expect(buyers.length).toBe(2000 + 12 + 1);
    expect(reference.clients['Г-0']).toMatchObject({ x: 0, t_x: 0, T: 0 });
    expect(buyers.filter((c) => c.x > 0).length).toBeGreaterThan(500);
    expect(lines.some((l) => l.day > 0)).toBe(true);
    expect(cli.length).toBe(2000 + 12 + 2 + NO_ORDERS.length);
    expect(cli.find((c) => c.id === 'Г-1')).toMatchObject({ pAlive: null, clv12: null, xyz: null });
  });

  it('the reference reproduces the published CDNOW figures (FHL 2005: E[Y(39)] = 1.226 for x 2, t_x 30.43, T 38.86)', () => {
    const check = [
      'import sys, json',
      `sys.path.insert(0, ${JSON.stringify(__dirname)})`,
      'import value_reference as v',
      "cdnow = {'r': 0.243, 'alpha': 4.414, 'a': 0.793, 'b': 2.426}",
      'print(json.dumps([v.expected_orders(cdnow, 2, 30.43, 38.86, 39), v.p_alive(cdnow, 0, 0, 38.86)]))',
    ].join('\n');
    const [expected39, aliveWithoutRepeat] = JSON.parse(run(DEBIAN_PYTHON, ['-c', check], dir)) as number[];
    expect(expected39).toBeCloseTo(1.226, 3);
    expect(aliveWithoutRepeat).toBe(1);
  });

  it('RESULTS.json gives the fitted parameters the sheet shows', () => {
    expect(models).toEqual({ bgNbd: product.bgnbd, gammaGamma: product.gammaGamma });
  });

  it('BG/NBD and Gamma-Gamma parameters agree to 3 significant digits', () => {
    const rows: string[] = [];
    const compare = (model: string, ours: object, theirs: object) => {
      for (const [name, value] of Object.entries(theirs) as Array<[string, number]>) {
        const mine = (ours as Record<string, number>)[name];
        if (!(relative(mine, value) <= 5e-4)) rows.push(`${model} ${name}: command ${mine}, reference ${value}`);
      }
    };
    console.log(`parameters, command: ${JSON.stringify(product)}\nparameters, reference: ${JSON.stringify({ bgnbd: reference.bgnbd, gammaGamma: reference.gammaGamma })}`);
    compare('BG/NBD', product.bgnbd, { r: reference.bgnbd.r, alpha: reference.bgnbd.alpha, a: reference.bgnbd.a, b: reference.bgnbd.b });
    compare('Gamma-Gamma', product.gammaGamma, { p: reference.gammaGamma.p, q: reference.gammaGamma.q, gamma: reference.gammaGamma.gamma });
    expect(rows).toEqual([]);
  });

  /** Every client and figure differing by more than `tolerance` (relative), as readable lines; prints the largest. */
  function disagreements(expected: Record<string, Figures>, tolerance: number, label: string): string[] {
    const out: string[] = [];
    const worst = Object.fromEntries(FIGURES.map((f) => [f, 0])) as Record<string, number>;
    for (const client of cli) {
      const id = client.id!;
      const ref = expected[id];
      for (const field of FIGURES) {
        const [mine, theirs] = [client[field], ref ? ref[field] : null];
        if (mine === null || theirs === null) {
          if (mine !== theirs) out.push(`${id} ${field}: command ${mine}, reference ${theirs}`);
          continue;
        }
        const difference = Math.abs(mine - theirs) / Math.max(Math.abs(theirs), 1e-12);
        worst[field] = Math.max(worst[field], difference);
        if (!(difference <= tolerance)) out.push(`${id} ${field}: command ${mine}, reference ${theirs}`);
      }
    }
    console.log(`${label}: largest relative differences ${JSON.stringify(worst)}`);
    return out;
  }

  it('per client at the product’s parameters: P(alive), expected orders, order value and CLV to 1e-8', () => {
    expect(disagreements(reference.clientsAtGiven, 1e-8, 'at the product’s parameters').slice(0, 30)).toEqual([]);
  });

  it('per client at the reference’s own fit: the same figures to 1e-4', () => {
    expect(disagreements(reference.clients, 1e-4, 'at the reference’s fit').slice(0, 30)).toEqual([]);
  });

  it('XYZ class equal for every client, the limits inclusive', () => {
    const out = cli.filter((c) => c.xyz !== (reference.clients[c.id!]?.xyz ?? null)).map((c) => `${c.id} xyz: command ${c.xyz}, reference ${reference.clients[c.id!]?.xyz ?? null}`);
    expect(out.slice(0, 30)).toEqual([]);
    const classOf = (id: string) => cli.find((c) => c.id === id)!.xyz;
    expect(['П-00', 'П-10', 'П-20', 'П-30'].map(classOf)).toEqual(['X', 'X', 'Y', 'Y']);
    expect(new Set(cli.map((c) => c.xyz))).toEqual(new Set(['X', 'Y', 'Z', null]));
  });
});
