/**
 * The sample workbook: «Чистый город», a cleaning and maintenance firm near Moscow, as its managers
 * keep it in a spreadsheet — services, ~2,000 clients, ~15,000 order lines over three years — with the
 * mess a real base has: ~3 % of clients entered twice in another spelling, free-typed cities, phones
 * in six formats, some dates and amounts typed as text, and a handful of plainly bad cells.
 *
 * Deterministic: the same options give the same workbook (a seeded generator, no clock, no Math.random).
 * Besides the workbook, `generateSample` returns what it planted (duplicates, bad cells, orders for
 * unknown clients), so tests can check that the product finds them.
 *
 * The business shape is chosen so that the analyses say something: revenue per client is
 * Pareto-distributed (ABC has a real A class), clients start and stop buying at spread-out times (every
 * RFM segment is populated), companies order more and bigger, and one of six managers carries far more
 * active clients than the limit of 70.
 */
import type { CellValue, SheetSnapshot, WorkbookSnapshot } from '../workbook/snapshot';
import type { DayNumber } from '../core/model';
import { isoToDay } from '../core/normalise/date';
import { addConsent } from './consent';
import type { FunnelStatusKey } from '../core/statuses';
import { Random } from './random';
import { amountCell, dayCell, statusName } from './format';
import { surnameFor } from './names';
import { CITIES, companyName, formatPhone, PHONE_STYLES, randomMobile, withoutYo, type CompanyStyle } from './mess';
import { latinLetters, personEmail, personName, randomCompanyName, randomPerson } from './people';
import { plantBadCells, plantDuplicates, plantUnknownClientOrders, type PlannedSample } from './plant';
import { SAMPLE_SERVICES, servicesSheet, type Audience, type SampleService } from './services';
import {
  SAMPLE_DEFAULTS,
  SAMPLE_HEADERS,
  SAMPLE_MANAGERS,
  SAMPLE_SHEETS,
  type ClientPlan,
  type OrderLine,
  type Person,
  type Sample,
  type SampleOptions,
} from './sample-types';

const INDUSTRIES = ['Ритейл', 'Общепит', 'IT', 'Медицина', 'Производство', 'Недвижимость', 'Образование', 'Гостиницы', 'Фитнес', 'Логистика', 'Банки и финансы'];
const SOURCES = ['Сайт', 'Яндекс Директ', 'Рекомендация', 'Авито', '2ГИС', 'Холодный звонок', 'ВКонтакте', 'Выставка'];
const SOURCE_WEIGHTS = [30, 20, 18, 10, 8, 6, 5, 3];
const CHANNELS = ['Телефон', 'WhatsApp', 'Telegram', 'E-mail', 'SMS'];
const CHANNEL_WEIGHTS = [35, 30, 18, 12, 5];
const CLIENT_COMMENTS = [
  'Звонить после 18:00', 'Ключи у консьержа', 'Есть собака, не звонить в дверь', 'Оплата по счёту', 'Просит скидку',
  'Постоянный клиент, приоритет', 'Предпочитает одного и того же мастера', 'Аллергия на хлор', 'Пропуск заказывать заранее',
  '-5% постоянному клиенту', '+ключи у охраны', '=по договору №17', 'Недоволен последней уборкой',
];
const ORDER_COMMENTS = ['Повторный заказ', 'Скидка 10%', 'Оплата по счёту', 'Срочно', 'Перенос на выходные', '-5% по акции', 'Оплата картой'];
const CONTACT_ROLES = ['директор', 'завхоз', 'офис-менеджер', 'администратор', 'управляющий', 'бухгалтер'];
const COMPANY_EMAIL_BOXES = ['info', 'office', 'zakaz', 'buh', 'admin'];

/** The day a client's service is typed as by audience: companies buy company services, mostly. */
function servicesFor(audience: Audience): { items: SampleService[]; weights: number[] } {
  const items = SAMPLE_SERVICES.filter((s) => s.active);
  const weights = items.map((s) => s.weight * (s.audience === audience ? 1 : 0.06));
  return { items, weights };
}

/**
 * Spreads `total` order lines over the buyers: one each, the rest by appetite × length of the window.
 * Fewer lines than buyers (none at all: a base of clients only) go by appetite alone, and the buyers
 * left without a line are clients who have not bought yet.
 */
function allocateLines(plans: ClientPlan[], total: number, random: Random): number[] {
  const buyers = plans.filter((p) => p.window).length;
  const counts = plans.map((p): number => (p.window && total >= buyers ? 1 : 0));
  let left = total - counts.reduce((a, b) => a + b, 0);
  const cumulative: number[] = [];
  let sum = 0;
  plans.forEach((p) => {
    sum += p.window ? p.appetite * (1 + (p.window.to - p.window.from) / 120) : 0;
    cumulative.push(sum);
  });
  while (left > 0) {
    const x = random.next() * sum;
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid] > x) hi = mid;
      else lo = mid + 1;
    }
    counts[lo]++;
    left--;
  }
  return counts;
}

class SampleBuilder {
  private readonly random: Random;
  private readonly asOf: DayNumber;
  private readonly firstDay: DayNumber;
  private readonly takenNames = new Set<string>();
  private readonly plans: ClientPlan[] = [];
  private readonly lines: OrderLine[] = [];
  private groups = 0;

  constructor(private readonly options: Required<SampleOptions>) {
    this.random = new Random(options.seed);
    const asOf = isoToDay(options.asOf);
    if (asOf === null) throw new RangeError(`asOf must be yyyy-mm-dd, got ${options.asOf}`);
    this.asOf = asOf;
    this.firstDay = asOf - 3 * 365;
  }

  /** A comparable form of a name, so that two different clients never share one by chance. */
  private nameKey(name: string): string {
    return withoutYo(name).toLowerCase().replace(/[«»"]/g, '');
  }

  private uniqueClient(): Pick<ClientPlan, 'name' | 'isCompany' | 'person' | 'company'> {
    const random = this.random;
    for (;;) {
      const person = randomPerson(random);
      const isCompany = random.chance(0.35);
      let name: string;
      let company: ClientPlan['company'];
      if (isCompany) {
        const { form, name: bare } = randomCompanyName(random, person);
        const style = random.weighted<CompanyStyle>(['formFirstGuillemets', 'formFirstQuotes', 'formFirstBare', 'formLast'], [60, 20, 15, 5]);
        company = { form, name: bare, style };
        name = companyName(form, bare, style);
      } else name = personName(person, random);
      const key = isCompany ? this.nameKey(company?.name ?? name) : this.nameKey(name);
      if (this.takenNames.has(key)) continue;
      this.takenNames.add(key);
      return { name, isCompany, person, company };
    }
  }

  private planClient(): ClientPlan {
    const random = this.random;
    const identity = this.uniqueClient();
    const person = identity.person as Person;
    const audience: Audience = identity.isCompany ? 'Компания' : 'Физ. лицо';
    const { items, weights } = servicesFor(audience);
    const buyer = random.chance(0.88);
    // Clients arrive over the three years and a little before; a buyer's window closes at some point
    // before the as-of date, or stays open (recent orders) for the still-active ones.
    const from = this.firstDay + Math.floor(random.next() * (this.asOf - this.firstDay - 3));
    let window: ClientPlan['window'] = null;
    if (buyer) {
      const stillActive = random.chance(0.06);
      const to = stillActive ? Math.max(from, this.asOf - random.int(1, 55)) : from + Math.floor(Math.pow(random.next(), 1.5) * (this.asOf - from));
      window = { from, to };
    }
    const email = random.chance(identity.isCompany ? 0.85 : 0.7)
      ? identity.isCompany
        ? `${random.pick(COMPANY_EMAIL_BOXES)}@${latinLetters(identity.company?.name ?? 'firma').slice(0, 14) || 'firma'}.ru`
        : personEmail(person, random)
      : '';
    return {
      ...identity,
      phone: random.chance(0.93) ? randomMobile(random) : null,
      phoneStyle: random.chance(0.5) ? '+7 (XXX) XXX-XX-XX' : random.pick(PHONE_STYLES),
      email,
      cityIndex: CITIES.indexOf(random.weighted(CITIES, CITIES.map((c) => c.weight))),
      manager: random.weighted(SAMPLE_MANAGERS, SAMPLE_MANAGERS.map((m) => m.weight)).name,
      mainService: random.weighted(items, weights),
      firstContact: from - random.int(0, 45),
      window,
      appetite: Math.min(40, random.pareto(1.25)) * (identity.isCompany ? 2.5 : 1),
      cells: [],
    };
  }

  private orderLines(client: number, plan: ClientPlan, count: number): void {
    const random = this.random;
    const window = plan.window as { from: DayNumber; to: DayNumber };
    const audience: Audience = plan.isCompany ? 'Компания' : 'Физ. лицо';
    const { items, weights } = servicesFor(audience);
    const size = plan.isCompany ? 1 + Math.min(6, plan.appetite / 3) : 1;
    let previous: OrderLine | undefined;
    for (let k = 0; k < count; k++) {
      // The first and the last line sit at the ends of the window, so the window is what the data says.
      const day = k === 0 ? window.from : k === count - 1 ? window.to : window.from + random.int(0, window.to - window.from);
      const service = random.chance(0.5) ? plan.mainService : random.weighted(items, weights);
      const secondLine = previous !== undefined && k !== count - 1 && random.chance(0.05);
      const quantity = service.price > 20000 ? 1 : Math.max(1, Math.round(size * (0.6 + random.next())));
      let amount = Math.round((service.price * quantity * (0.85 + random.next() * 0.4)) / 50) * 50;
      if (random.chance(0.1)) amount += random.int(1, 99) / 100;
      let comment = random.chance(0.05) ? random.pick(ORDER_COMMENTS) : '';
      if (random.chance(0.004)) {
        amount = -Math.round(amount / 2);
        comment = 'Возврат';
      }
      const line: OrderLine = {
        day: secondLine && previous ? previous.day : day,
        client,
        service,
        amount,
        group: secondLine && previous ? previous.group : this.groups++,
        manager: random.chance(0.05) ? random.pick(SAMPLE_MANAGERS).name : plan.manager,
        comment,
      };
      this.lines.push(line);
      previous = line;
    }
  }

  build(): Sample {
    const random = this.random;
    const { clients, orders } = this.options;
    const duplicateCount = Math.round(clients * 0.03);
    for (let i = 0; i < clients - duplicateCount; i++) this.plans.push(this.planClient());
    const counts = allocateLines(this.plans, orders, random);
    this.plans.forEach((plan, i) => counts[i] > 0 && this.orderLines(i, plan, counts[i]));

    // The sheet lists clients as they were entered: by first contact.
    const clientOrder = this.plans.map((_, i) => i).sort((a, b) => this.plans[a].firstContact - this.plans[b].firstContact || a - b);
    const stats = this.orderStats();
    const rows: CellValue[][] = clientOrder.map((i) => this.clientCells(this.plans[i], stats[i]));
    const rowOfPlan = new Map<number, number>(clientOrder.map((planIndex, k) => [planIndex, k]));

    const clientNameOfLine = this.lines.map((line) => this.plans[line.client].name);
    const duplicates = plantDuplicates(this.planned(), rows, clientOrder, rowOfPlan, duplicateCount, clientNameOfLine);
    const orderRows = this.orderRows(clientNameOfLine);
    const duplicateRows = new Set(duplicates.flatMap((d) => [d.originalRow, d.duplicateRow]));
    const badCells = plantBadCells(this.random, rows, orderRows, duplicateRows, new Set(clientNameOfLine));
    const unknownClientOrderRows = plantUnknownClientOrders(this.random, orderRows);
    addConsent(rows, this.options.seed, this.asOf);

    const sheets: SheetSnapshot[] = [
      servicesSheet(),
      { name: SAMPLE_SHEETS.clients, header: [...SAMPLE_HEADERS.clients], rows },
      { name: SAMPLE_SHEETS.orders, header: [...SAMPLE_HEADERS.orders], rows: orderRows },
    ];
    return {
      workbook: { sheets },
      facts: {
        asOf: this.options.asOf,
        duplicates,
        badCells,
        unknownClientOrderRows,
        clientsWithoutOrders: stats.filter((s) => s.orders === 0).length,
      },
    };
  }

  private planned(): PlannedSample {
    return { random: this.random, plans: this.plans, lines: this.lines };
  }

  /** Orders (distinct groups) and the last order day per planned client. */
  private orderStats(): Array<{ orders: number; last: DayNumber | null; previous: DayNumber | null }> {
    const groups = this.plans.map(() => new Set<number>());
    const days = this.plans.map(() => [] as DayNumber[]);
    for (const line of this.lines) {
      groups[line.client].add(line.group);
      days[line.client].push(line.day);
    }
    return this.plans.map((_, i) => {
      const sorted = days[i].sort((a, b) => a - b);
      return { orders: groups[i].size, last: sorted.length ? sorted[sorted.length - 1] : null, previous: sorted.length > 1 ? sorted[sorted.length - 2] : null };
    });
  }

  /** The funnel status a manager would have typed: mostly right, sometimes stale, sometimes empty. */
  private status(stats: { orders: number; last: DayNumber | null }): string {
    const random = this.random;
    if (random.chance(0.06)) return '';
    if (stats.orders === 0) {
      return statusName(random.weighted<FunnelStatusKey>(['white', 'grey', 'green', 'yellow', 'green_gold', 'red_green'], [30, 20, 15, 15, 10, 10]));
    }
    const cold = stats.last !== null && this.asOf - stats.last >= 60;
    let key: FunnelStatusKey = stats.orders > 3 ? (cold ? 'red_platinum' : 'platinum') : cold ? 'red_gold' : 'gold';
    // Statuses lag behind: the manager has not noticed the client went quiet or kept buying.
    if (random.chance(0.15)) key = stats.orders > 3 ? 'gold' : cold ? 'gold' : 'green_gold';
    const name = statusName(key);
    return random.chance(0.03) ? withoutYo(name).toLowerCase() : name;
  }

  private clientCells(plan: ClientPlan, stats: { orders: number; last: DayNumber | null; previous: DayNumber | null }): CellValue[] {
    const random = this.random;
    const person = plan.person as Person;
    const contact = plan.isCompany && random.chance(0.8)
      ? `${surnameFor(person.surname, person.gender)} ${person.first}${random.chance(0.3) ? `, ${random.pick(CONTACT_ROLES)}` : ''}`
      : '';
    let lastOrder: CellValue = null;
    if (stats.last !== null) {
      const x = random.next();
      if (x < 0.7) lastOrder = dayCell(stats.last, random);
      else if (x < 0.85 && stats.previous !== null) lastOrder = dayCell(stats.previous, random);
    }
    const birthday = !plan.isCompany && random.chance(0.6) ? dayCell(isoToDay(`19${random.int(55, 99)}-01-01`) as number + random.int(0, 364), random) : null;
    return [
      plan.name,
      plan.isCompany ? (plan.company?.form === 'ИП' && random.chance(0.5) ? 'ИП' : 'Компания') : 'Физ. лицо',
      contact || null,
      plan.phone ? formatPhone(plan.phone, plan.phoneStyle) : null,
      plan.email || null,
      random.pick(CITIES[plan.cityIndex].typed),
      plan.isCompany ? random.pick(INDUSTRIES) : null,
      random.weighted(SOURCES, SOURCE_WEIGHTS),
      plan.manager,
      this.status(stats) || null,
      random.chance(0.9) ? plan.mainService.name : null,
      random.chance(0.97) ? dayCell(plan.firstContact, random) : null,
      lastOrder,
      birthday,
      random.weighted(CHANNELS, CHANNEL_WEIGHTS),
      random.chance(0.12) ? random.pick(CLIENT_COMMENTS) : null,
    ];
  }

  /** The orders sheet: lines by date, numbered per order; a few client names typed loosely. */
  private orderRows(clientNameOfLine: string[]): CellValue[][] {
    const random = this.random;
    const indices = this.lines.map((_, i) => i).sort((a, b) => this.lines[a].day - this.lines[b].day || this.lines[a].group - this.lines[b].group);
    const numberOfGroup = new Map<number, string>();
    return indices.map((i) => {
      const line = this.lines[i];
      let number = numberOfGroup.get(line.group);
      if (number === undefined) {
        number = `З-${String(numberOfGroup.size + 1).padStart(6, '0')}`;
        numberOfGroup.set(line.group, number);
      }
      let client = clientNameOfLine[i];
      // Typed by hand in the orders sheet: other case, quotes left out. Still the same client.
      if (random.chance(0.01)) client = client.toLowerCase().replace(/[«»"]/g, '');
      return [
        dayCell(line.day, random),
        client,
        line.service.name,
        amountCell(line.amount, random),
        random.chance(0.03) ? null : number,
        line.manager,
        line.comment || null,
      ];
    });
  }

}

/** The sample workbook and what was planted in it. */
export function generateSample(options: SampleOptions = {}): Sample {
  return new SampleBuilder({ ...SAMPLE_DEFAULTS, ...options }).build();
}

/** The sample workbook «Чистый город»: services, clients and orders of a small Russian firm. */
export function generateSampleWorkbook(options: SampleOptions = {}): WorkbookSnapshot {
  return generateSample(options).workbook;
}
