/**
 * Big, clean synthetic data for the benchmark: a base of N clients with M orders as a workbook, and the
 * same orders as a 1C-style CSV file (`;`, windows-1251, `dd.mm.yyyy`, `1 234,56` with non-breaking
 * spaces, a title line above the table, company names in doubled quotes).
 *
 * Both come from one deterministic order stream, so the CSV's orders belong to the clients of the
 * workbook generated with the same options. A million orders generate in a few seconds: no per-order
 * allocation beyond the row itself, and dates and client names are shared strings.
 */
import type { CellValue, WorkbookSnapshot } from '../workbook/snapshot';
import type { DayNumber } from '../core/model';
import { dayToDate, isoToDay } from '../core/normalise/date';
import { Random } from './random';
import { amountText, dayText } from './format';
import { COMPANY_STEMS, COMPANY_TAILS, FEMALE_NAMES, MALE_NAMES, PATRONYMICS, SURNAMES, surnameFor } from './names';
import { CITIES, formatPhone, randomMobile } from './mess';
import { SAMPLE_MANAGERS, SAMPLE_SHEETS } from './sample-types';
import { SAMPLE_SERVICES, servicesSheet } from './services';
import { encodeWindows1251 } from './windows1251';

export interface SyntheticOptions {
  clients: number;
  orders: number;
  seed?: number;
  /** `yyyy-mm-dd`; orders fall in the three years before it. */
  asOf?: string;
}

const DEFAULT_SEED = 7;
const DEFAULT_AS_OF = '2026-11-01';
const DAYS = 3 * 365;
/** Every tenth client is a company. */
const COMPANY_EVERY = 10;

/**
 * The name of client `index`, unique for every index: persons from the name lists by mixed radix
 * (about 150,000 distinct full names), companies from stems; a number is added only past that.
 */
export function syntheticClientName(index: number): string {
  if (index % COMPANY_EVERY === COMPANY_EVERY - 1) {
    const k = Math.floor(index / COMPANY_EVERY);
    const stem = COMPANY_STEMS[k % COMPANY_STEMS.length];
    const tail = COMPANY_TAILS[Math.floor(k / COMPANY_STEMS.length) % COMPANY_TAILS.length];
    const round = Math.floor(k / (COMPANY_STEMS.length * COMPANY_TAILS.length));
    return `ООО "${stem}${tail}${round ? `-${round + 1}` : ''}"`;
  }
  const female = index % 2 === 1;
  let rest = Math.floor(index / 2);
  const surname = SURNAMES[rest % SURNAMES.length];
  rest = Math.floor(rest / SURNAMES.length);
  const names = female ? FEMALE_NAMES : MALE_NAMES;
  const first = names[rest % names.length];
  rest = Math.floor(rest / names.length);
  const pair = PATRONYMICS[rest % PATRONYMICS.length];
  const round = Math.floor(rest / PATRONYMICS.length);
  const full = `${surnameFor(surname, female ? 'female' : 'male')} ${first} ${female ? pair[1] : pair[0]}`;
  return round ? `${full} ${round + 1}` : full;
}

export function syntheticClientId(index: number): string {
  return `К-${String(index + 1).padStart(6, '0')}`;
}

interface SyntheticOrder {
  day: DayNumber;
  client: number;
  service: number;
  amount: number;
  number: string;
  manager: number;
}

function asOfDay(options: SyntheticOptions): DayNumber {
  const asOf = isoToDay(options.asOf ?? DEFAULT_AS_OF);
  if (asOf === null) throw new RangeError(`asOf must be yyyy-mm-dd, got ${options.asOf}`);
  return asOf;
}

/** Manager of client `index`: fixed by index so the base and the CSV agree. */
function managerOf(index: number): number {
  return index % SAMPLE_MANAGERS.length;
}

/**
 * Calls `visit` for each order, oldest first. Clients are skewed (a low index buys more often), so
 * revenue is Pareto-like; the callback gets a reused object, copy what you keep.
 */
function eachOrder(options: SyntheticOptions, visit: (order: SyntheticOrder) => void): void {
  const random = new Random(options.seed ?? DEFAULT_SEED);
  const last = asOfDay(options);
  const order: SyntheticOrder = { day: 0, client: 0, service: 0, amount: 0, number: '', manager: 0 };
  const services = SAMPLE_SERVICES.length;
  for (let i = 0; i < options.orders; i++) {
    // Days run forward through the three years; the client is drawn with a square skew.
    order.day = last - DAYS + Math.floor(((i + random.next()) * DAYS) / options.orders);
    const u = random.next();
    order.client = Math.floor(u * u * options.clients);
    order.service = Math.floor(random.next() * services);
    const price = SAMPLE_SERVICES[order.service].price;
    order.amount = Math.round(price * (80 + random.next() * 70)) / 100;
    order.number = `З-${String(i + 1).padStart(7, '0')}`;
    order.manager = managerOf(order.client);
    visit(order);
  }
}

/** A clean base of `clients` clients and `orders` orders, as a workbook the product reads directly. */
export function generateSyntheticBase(options: SyntheticOptions): WorkbookSnapshot {
  const random = new Random((options.seed ?? DEFAULT_SEED) ^ 0x5eed);
  const firstDay = asOfDay(options) - DAYS;
  const names: string[] = new Array(options.clients);
  const clientRows: CellValue[][] = new Array(options.clients);
  for (let i = 0; i < options.clients; i++) {
    names[i] = syntheticClientName(i);
    const city = CITIES[i % CITIES.length].city;
    clientRows[i] = [
      syntheticClientId(i),
      names[i],
      i % COMPANY_EVERY === COMPANY_EVERY - 1 ? 'Компания' : 'Физ. лицо',
      formatPhone(randomMobile(random), '+7 (XXX) XXX-XX-XX'),
      `client${i + 1}@example.ru`,
      city,
      SAMPLE_MANAGERS[managerOf(i)].name,
      'Белый',
      SAMPLE_SERVICES[i % SAMPLE_SERVICES.length].name,
      dayToDate(firstDay - (i % 60)),
    ];
  }
  const dates = new Map<DayNumber, Date>();
  const orderRows: CellValue[][] = new Array(options.orders);
  let k = 0;
  eachOrder(options, (order) => {
    let date = dates.get(order.day);
    if (!date) {
      date = dayToDate(order.day);
      dates.set(order.day, date);
    }
    orderRows[k++] = [
      date,
      syntheticClientId(order.client),
      names[order.client],
      SAMPLE_SERVICES[order.service].name,
      order.amount,
      order.number,
      SAMPLE_MANAGERS[order.manager].name,
    ];
  });
  return {
    sheets: [
      servicesSheet(),
      { name: SAMPLE_SHEETS.clients, header: ['ID', 'Клиент', 'Тип', 'Телефон', 'E-mail', 'Город', 'Менеджер', 'Статус', 'Услуга', 'Дата первого контакта'], rows: clientRows },
      { name: SAMPLE_SHEETS.orders, header: ['Дата', 'ID клиента', 'Клиент', 'Услуга', 'Сумма', 'Номер заказа', 'Менеджер'], rows: orderRows },
    ],
  };
}

/** A CSV field as 1C writes it: quoted, with quotes doubled, only when it holds a quote or a `;`. */
function csvField(text: string): string {
  return text.includes('"') || text.includes(';') ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Lines joined per block before encoding, so no single huge string is built. */
const LINES_PER_BLOCK = 20000;

/**
 * The orders of `generateSyntheticBase` with the same options, as a 1C sales export: a title line,
 * then `Дата;Номер;Контрагент;Номенклатура;Сумма;Менеджер`, in windows-1251 with CRLF line ends.
 */
export function generateOrdersCsv(options: SyntheticOptions): Uint8Array {
  const last = asOfDay(options);
  const blocks: Uint8Array[] = [];
  let lines: string[] = [
    `Продажи за период ${dayText(last - DAYS)} - ${dayText(last - 1)};;;;;`,
    'Дата;Номер;Контрагент;Номенклатура;Сумма;Менеджер',
  ];
  const clientFields = new Map<number, string>();
  const dayFields = new Map<DayNumber, string>();
  const serviceFields = SAMPLE_SERVICES.map((s) => csvField(s.name));
  const flush = () => {
    blocks.push(encodeWindows1251(lines.join('\r\n') + '\r\n'));
    lines = [];
  };
  eachOrder(options, (order) => {
    let client = clientFields.get(order.client);
    if (client === undefined) {
      client = csvField(syntheticClientName(order.client));
      clientFields.set(order.client, client);
    }
    let day = dayFields.get(order.day);
    if (day === undefined) {
      day = dayText(order.day);
      dayFields.set(order.day, day);
    }
    lines.push(`${day};${order.number};${client};${serviceFields[order.service]};${amountText(order.amount)};${SAMPLE_MANAGERS[order.manager].name}`);
    if (lines.length >= LINES_PER_BLOCK) flush();
  });
  flush();
  const out = new Uint8Array(blocks.reduce((n, b) => n + b.length, 0));
  let offset = 0;
  for (const block of blocks) {
    out.set(block, offset);
    offset += block.length;
  }
  return out;
}
