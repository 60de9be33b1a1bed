/**
 * An in-memory PanelActions over a small, fixed client base, for the panel's component tests (and for
 * looking at the panel without a workbook). Deterministic: a fixed as-of date, fixed data, no timers
 * unless asked. It imitates the contract's behaviour closely enough to exercise the panel; the real
 * logic (ABC, RFM, duplicates) lives in src/core and is tested there.
 */
import type {
  ActionName,
  ActionResult,
  ClientCard,
  ClientFilter,
  ClientList,
  ClientSummary,
  DuplicateGroupView,
  DuplicateWarning,
  LayoutView,
  NewClient,
  NewOrder,
  OrderView,
  PanelActions,
} from '../../actions/panel';
import type { AbcClass } from '../../core/abc';
import type { AnalysisSummary } from '../../core/analysis';
import { SEGMENT_KEYS, type SegmentKey } from '../../core/rfm';
import type { Problem } from '../../core/model';
import { DEFAULT_SETTINGS, type Settings } from '../../core/settings';
import { statusNames } from '../../core/statuses';
import type { ProgressListener } from '../../workbook/workbook';

export const FAKE_AS_OF = '2024-06-30';
export const FAKE_SERVICES = ['Бухгалтерское сопровождение', 'Регистрация ИП', 'Аудит', 'Консультация'];

interface FakeClient {
  row: number;
  id: string;
  name: string;
  phone: string;
  email: string;
  city: string;
  industry: string;
  status: string;
  manager: string;
  type: string;
  contact: string;
  service: string;
  source: string;
  channel: string;
  comment: string;
  firstContact: string | null;
  birthday: string | null;
  abc: AbcClass | null;
  segment: SegmentKey | null;
}

interface FakeOrder {
  row: number;
  clientId: string;
  date: string;
  service: string;
  amount: number;
  number: string;
  manager: string;
}

type Method = keyof PanelActions;

export interface FakePanelActions extends PanelActions {
  /** Every call, in order, with its arguments (the progress listener left out). */
  readonly calls: Array<{ method: Method; args: unknown[] }>;
  /** Methods that reject with the given message, to test how the panel shows errors. */
  readonly failures: Partial<Record<Method, string>>;
}

export interface FakeOptions {
  failures?: Partial<Record<Method, string>>;
  /** Clients beyond the fixed eight, generated deterministically (for "show more" and counts). */
  extraClients?: number;
}

function client(row: number, id: string, name: string, phone: string, email: string, city: string, industry: string, status: string, manager: string, birthday: string | null = null): FakeClient {
  return {
    row, id, name, phone, email, city, industry, status, manager, birthday,
    type: name.startsWith('ООО') || name.startsWith('АО') ? 'Компания' : 'Физлицо',
    contact: '', service: FAKE_SERVICES[0], source: 'Сайт', channel: 'Телефон', comment: '',
    firstContact: '2023-01-15', abc: null, segment: null,
  };
}

function initialClients(extra: number): FakeClient[] {
  const clients = [
    client(2, 'К-00001', 'ООО «Ромашка»', '8 (912) 345-67-89', 'info@romashka.ru', 'Москва', 'Торговля', 'Золотой', 'Иванова', null),
    client(3, 'К-00002', 'Петров Пётр Петрович', '+7 903 111-22-33', 'petrov@mail.ru', 'Москва', 'Услуги', 'Платиновый', 'Иванова', '1985-07-04'),
    client(4, 'К-00003', 'ИП Сидорова А. В.', '8 912 000-11-22', 'sidorova@yandex.ru', 'Санкт-Петербург', 'Услуги', 'Зелёный', 'Смирнов', null),
    client(5, 'К-00004', 'АО «Вектор»', '+7 (843) 222-33-44', 'office@vector.ru', 'Казань', 'Производство', 'Золотой', 'Смирнов', null),
    client(6, 'К-00005', 'Кузнецова Мария', '8-900-555-66-77', 'maria.k@gmail.com', 'Казань', 'Торговля', 'Белый', 'Иванова', '1990-12-31'),
    client(7, 'К-00006', 'ООО "Ромашка"', '+79123456789', '', 'Москва', 'Торговля', 'Серый', 'Смирнов', null),
    client(8, 'К-00007', 'Орлов Игорь', '8 (922) 765-43-21', 'orlov@inbox.ru', 'Екатеринбург', 'Строительство', 'Красно-золотой', 'Петрова', null),
    client(9, 'К-00008', 'ООО «Северный ветер»', '+7 812 444-55-66', 'nord@wind.ru', 'Санкт-Петербург', 'Производство', 'Жёлтый', 'Петрова', null),
  ];
  for (let i = 0; i < extra; i++) {
    const n = clients.length + 1;
    const id = `К-${String(n).padStart(5, '0')}`;
    clients.push(client(n + 1, id, `Клиент ${n}`, `+7 900 ${String(i).padStart(7, '0')}`, `client${n}@example.ru`, ['Москва', 'Казань', 'Самара'][i % 3], 'Услуги', 'Белый', 'Петрова'));
  }
  return clients;
}

const INITIAL_ORDERS: FakeOrder[] = [
  { row: 2, clientId: 'К-00001', date: '2024-01-10', service: 'Аудит', amount: 120000, number: 'З-1', manager: 'Иванова' },
  { row: 3, clientId: 'К-00001', date: '2024-03-31', service: 'Консультация', amount: 15000, number: 'З-2', manager: 'Иванова' },
  { row: 4, clientId: 'К-00002', date: '2023-11-01', service: 'Бухгалтерское сопровождение', amount: 30000, number: 'З-3', manager: 'Иванова' },
  { row: 5, clientId: 'К-00002', date: '2024-02-01', service: 'Бухгалтерское сопровождение', amount: 30000, number: 'З-4', manager: 'Иванова' },
  { row: 6, clientId: 'К-00002', date: '2024-05-01', service: 'Бухгалтерское сопровождение', amount: 30000, number: 'З-5', manager: 'Иванова' },
  { row: 7, clientId: 'К-00002', date: '2024-06-20', service: 'Бухгалтерское сопровождение', amount: 30000, number: 'З-6', manager: 'Иванова' },
  { row: 8, clientId: 'К-00004', date: '2024-06-01', service: 'Аудит', amount: 80000, number: 'З-7', manager: 'Смирнов' },
  { row: 9, clientId: 'К-00007', date: '2023-12-15', service: 'Регистрация ИП', amount: 5000, number: 'З-8', manager: 'Петрова' },
  { row: 10, clientId: 'К-00008', date: '2024-06-25', service: 'Консультация', amount: 3000, number: 'З-9', manager: 'Петрова' },
];

const DAY_MS = 86_400_000;
const dayNumber = (iso: string) => Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))) / DAY_MS;
const fold = (text: string) => text.toLowerCase().replace(/ё/g, 'е');
const digits = (text: string) => text.replace(/\D/g, '');
/** Russian numbers compared by their last ten digits (8… and +7… are the same number). */
const phoneKey = (text: string) => (digits(text).length >= 10 ? digits(text).slice(-10) : '');
const uniqueSorted = (values: string[]) => [...new Set(values.filter(Boolean))].sort((a, b) => a.localeCompare(b, 'ru'));

export function createFakeActions(options: FakeOptions = {}): FakePanelActions {
  let clients = initialClients(options.extraClients ?? 0);
  const orders = INITIAL_ORDERS.map((o) => ({ ...o }));
  let settings: Settings = { ...DEFAULT_SETTINGS };
  const archived = new Map<string, FakeClient[]>();
  let undoCounter = 0;
  /** Phone keys of the groups marked "not duplicates". */
  const dismissedPhones = new Set<string>();
  const calls: FakePanelActions['calls'] = [];
  const failures: Partial<Record<Method, string>> = { ...options.failures };

  const layoutView: LayoutView = {
    services: { sheet: 'Услуги', fields: [{ field: 'name', header: 'Услуга', column: 1, managed: false }, { field: 'price', header: 'Цена', column: 2, managed: false }] },
    clients: {
      sheet: 'Клиенты',
      fields: [
        { field: 'id', header: 'ID', column: 1, managed: true },
        { field: 'name', header: 'Клиент', column: 2, managed: false },
        { field: 'phone', header: 'Тел.', column: 3, managed: false },
        { field: 'email', header: null, column: null, managed: false },
        { field: 'city', header: 'Город', column: 4, managed: false },
      ],
    },
    orders: { sheet: null, fields: [{ field: 'date', header: null, column: null, managed: true }] },
    unknownHeaders: [{ sheet: 'Клиенты', header: 'Почта' }, { sheet: 'Клиенты', header: 'Заметки' }],
  };

  function ordersOf(id: string) {
    return orders.filter((o) => o.clientId === id);
  }

  function summarise(c: FakeClient): ClientSummary {
    const own = ordersOf(c.id);
    const dates = own.map((o) => o.date).sort();
    const lastOrder = dates.length ? dates[dates.length - 1] : null;
    const daysSinceLastOrder = lastOrder ? dayNumber(FAKE_AS_OF) - dayNumber(lastOrder) : null;
    return {
      row: c.row, id: c.id, name: c.name, phone: c.phone, email: c.email, city: c.city, industry: c.industry,
      status: c.status, manager: c.manager, abc: c.abc, segment: c.segment,
      orders: own.length,
      revenue: own.reduce((sum, o) => sum + o.amount, 0),
      lastOrder,
      daysSinceLastOrder,
      cold: daysSinceLastOrder !== null && daysSinceLastOrder >= settings.coldDays,
      birthday: c.birthday,
    };
  }

  function card(c: FakeClient): ClientCard {
    const summary = summarise(c);
    const own = ordersOf(c.id);
    const history: OrderView[] = own
      .map((o) => ({ row: o.row, date: o.date, service: o.service, amount: o.amount, number: o.number, manager: o.manager }))
      .sort((a, b) => (b.date ?? '').localeCompare(a.date ?? ''));
    let statusSuggestion: string | null = null;
    if (summary.orders > 3 && c.status !== 'Платиновый') statusSuggestion = 'Платиновый';
    else if (summary.orders > 0 && summary.orders <= 3 && !['Золотой', 'Красно-золотой'].includes(c.status)) statusSuggestion = 'Золотой';
    else if (summary.cold && c.status === 'Золотой') statusSuggestion = 'Красно-золотой';
    return {
      ...summary,
      type: c.type, contact: c.contact, service: c.service, source: c.source, channel: c.channel, comment: c.comment,
      firstContact: c.firstContact,
      firstOrder: history.length ? history[history.length - 1].date : null,
      rfm: c.segment ? '555' : null,
      statusSuggestion,
      history,
    };
  }

  function find(id: string): FakeClient {
    const found = clients.find((c) => c.id === id);
    if (!found) throw new Error(`Клиент ${id} не найден`);
    return found;
  }

  function birthdayWithin(birthday: string | null, days: number): boolean {
    if (!birthday) return false;
    const year = Number(FAKE_AS_OF.slice(0, 4));
    const today = dayNumber(FAKE_AS_OF);
    return [year, year + 1].some((y) => {
      const next = dayNumber(`${y}${birthday.slice(4)}`);
      return next >= today && next - today <= days;
    });
  }

  function matches(s: ClientSummary, filter: ClientFilter): boolean {
    const search = fold(filter.search?.trim() ?? '');
    if (search) {
      const searchDigits = digits(search);
      const byText = fold(s.name).includes(search) || fold(s.email).includes(search);
      const byPhone = searchDigits.length >= 3 && digits(s.phone).includes(searchDigits);
      if (!byText && !byPhone) return false;
    }
    const within = (list: string[] | undefined, value: string) => !list?.length || list.includes(value);
    if (!within(filter.cities, s.city) || !within(filter.industries, s.industry)) return false;
    if (!within(filter.statuses, s.status) || !within(filter.managers, s.manager)) return false;
    if (filter.abc?.length && !filter.abc.includes(s.abc ?? 'none')) return false;
    if (filter.segments?.length && (!s.segment || !filter.segments.includes(s.segment))) return false;
    if (filter.coldOnly && !s.cold) return false;
    if (filter.birthdayWithinDays !== undefined && !birthdayWithin(s.birthday, filter.birthdayWithinDays)) return false;
    return true;
  }

  function assignAbc() {
    const ranked = clients.map(summarise).filter((s) => s.revenue > 0).sort((a, b) => b.revenue - a.revenue);
    const total = ranked.reduce((sum, s) => sum + s.revenue, 0);
    let before = 0;
    const classes = new Map<string, AbcClass>();
    for (const s of ranked) {
      const share = (before / total) * 100;
      classes.set(s.id, share < settings.abcA ? 'A' : share < settings.abcA + settings.abcB ? 'B' : 'C');
      before += s.revenue;
    }
    for (const c of clients) c.abc = classes.get(c.id) ?? null;
  }

  function assignSegments() {
    for (const c of clients) {
      const s = summarise(c);
      if (s.daysSinceLastOrder === null) c.segment = null;
      else if (s.daysSinceLastOrder <= 30) c.segment = s.orders >= 3 ? 'champions' : 'new';
      else if (s.daysSinceLastOrder <= 90) c.segment = s.orders >= 2 ? 'loyal' : 'need_attention';
      else c.segment = 'hibernating';
    }
  }

  function analysisSummary(): AnalysisSummary {
    const summaries = clients.map(summarise);
    const withRevenue = summaries.filter((s) => s.revenue > 0);
    const total = withRevenue.reduce((sum, s) => sum + s.revenue, 0);
    const share = (cls: AbcClass) => {
      const members = summaries.filter((s) => s.abc === cls);
      const revenue = members.reduce((sum, s) => sum + s.revenue, 0);
      return { clients: members.length, revenue, share: total ? revenue / total : 0 };
    };
    const segments = Object.fromEntries(SEGMENT_KEYS.map((k) => [k, summaries.filter((s) => s.segment === k).length])) as Record<SegmentKey, number>;
    return {
      asOf: FAKE_AS_OF,
      clients: summaries.length,
      clientsWithOrders: summaries.filter((s) => s.orders > 0).length,
      cold: summaries.filter((s) => s.cold).length,
      revenue: total,
      abc: { A: share('A'), B: share('B'), C: share('C'), none: summaries.filter((s) => s.abc === null).length },
      revenueUnknown: 0,
      segments,
    };
  }

  function duplicateGroupsNow(): DuplicateGroupView[] {
    const byPhone = new Map<string, FakeClient[]>();
    for (const c of clients) {
      const key = phoneKey(c.phone);
      if (key) byPhone.set(key, [...(byPhone.get(key) ?? []), c]);
    }
    return [...byPhone.values()]
      .filter((members) => members.length > 1 && !dismissedPhones.has(phoneKey(members[0].phone)))
      .map((members) => ({
        id: `Д-${members[0].id}`,
        members: members.map(({ row, id, name, phone, email, city }) => ({ row, id, name, phone, email, city })),
        reason: 'Совпадает телефон',
        score: 1,
        suggestedKeep: members[0].id,
      }));
  }

  const checkProblems = (): Problem[] =>
    Array.from({ length: 60 }, (_, i) => ({ sheet: 'Клиенты', row: i + 2, column: 'Телефон', value: `12-${i}`, message: 'Телефон не похож на номер' }));

  const implementation: PanelActions = {
    async listClients(filter, limit = 100) {
      const summaries = clients.map(summarise);
      const matching = summaries.filter((s) => matches(s, filter));
      const list: ClientList = {
        total: summaries.length,
        matching: matching.length,
        clients: matching.slice(0, limit),
        facets: {
          cities: uniqueSorted(summaries.map((s) => s.city)),
          industries: uniqueSorted(summaries.map((s) => s.industry)),
          statuses: uniqueSorted(summaries.map((s) => s.status)),
          managers: uniqueSorted(summaries.map((s) => s.manager)),
        },
      };
      return list;
    },
    async getClient(id) {
      return card(find(id));
    },
    async selectClient() {},
    async showInSheet() {},
    async setStatus(id, status) {
      const c = find(id);
      c.status = status;
      return card(c);
    },
    async addNote(id, note) {
      const c = find(id);
      c.comment = [c.comment, `${FAKE_AS_OF}: ${note}`].filter(Boolean).join('\n');
      return card(c);
    },
    async statuses() {
      return statusNames('ru');
    },
    async services() {
      return [...FAKE_SERVICES];
    },
    async checkNewClient(candidate: NewClient) {
      const phone = phoneKey(candidate.phone ?? '');
      const email = fold(candidate.email?.trim() ?? '');
      const name = fold(candidate.name.trim());
      const warnings: DuplicateWarning[] = [];
      for (const c of clients) {
        const reason =
          phone && phoneKey(c.phone) === phone ? 'Тот же телефон'
          : email && fold(c.email) === email ? 'Тот же e-mail'
          : name && fold(c.name) === name ? 'То же имя'
          : null;
        if (reason) warnings.push({ row: c.row, id: c.id, name: c.name, phone: c.phone, email: c.email, city: c.city, reason, score: reason === 'То же имя' ? 0.8 : 1 });
      }
      return warnings;
    },
    async addClient(candidate) {
      if (!candidate.name.trim()) throw new Error('Не указано имя клиента');
      const row = Math.max(1, ...clients.map((c) => c.row)) + 1;
      const id = `К-${String(clients.length + archivedCount() + 1).padStart(5, '0')}`;
      const added = client(row, id, candidate.name.trim(), candidate.phone ?? '', candidate.email ?? '', candidate.city ?? '', candidate.industry ?? '', candidate.status || 'Белый', candidate.manager ?? '');
      Object.assign(added, { type: candidate.type ?? '', service: candidate.service ?? '', source: candidate.source ?? '', comment: candidate.comment ?? '', firstContact: FAKE_AS_OF });
      clients.push(added);
      return card(added);
    },
    async recordOrder(order: NewOrder) {
      const c = find(order.clientId);
      if (!Number.isFinite(order.amount)) throw new Error('Сумма не число');
      const row = Math.max(1, ...orders.map((o) => o.row)) + 1;
      orders.push({ row, clientId: c.id, date: order.date, service: order.service, amount: order.amount, number: order.number ?? '', manager: order.manager ?? c.manager });
      return card(c);
    },
    async run(action: ActionName, onProgress?: ProgressListener): Promise<ActionResult> {
      const steps = ['Чтение книги', 'Расчёт', 'Запись листов'];
      for (let i = 0; i < steps.length; i++) {
        onProgress?.({ step: steps[i], done: i, total: steps.length });
        await Promise.resolve();
      }
      onProgress?.({ step: steps[steps.length - 1], done: steps.length, total: steps.length });
      if (action === 'abc' || action === 'all') assignAbc();
      if (action === 'rfm' || action === 'all') assignSegments();
      const problems = action === 'check' || action === 'all' ? checkProblems() : [];
      const analysed = ['tracker', 'abc', 'rfm', 'all'].includes(action);
      const messages: Record<ActionName, string> = {
        structure: 'База структурирована.',
        check: `Проверка завершена: замечаний ${problems.length}.`,
        duplicates: `Найдено групп дубликатов: ${duplicateGroupsNow().length}.`,
        tracker: 'Трекер заказов обновлён.',
        abc: 'ABC-анализ готов: лист «ABC».',
        rfm: 'RFM-анализ готов: лист «RFM».',
        funnel: 'Отчёт по воронке готов.',
        managers: 'Отчёт по менеджерам готов.',
        all: 'Все анализы выполнены.',
        updateTyped: 'Значения обновлены.',
        fixValues: 'Форматы исправлены.',
      };
      return { action, message: messages[action], sheets: [], problems, summary: analysed ? analysisSummary() : undefined };
    },
    async duplicateGroups() {
      return duplicateGroupsNow();
    },
    async merge(groupId, keepId) {
      const group = duplicateGroupsNow().find((g) => g.id === groupId);
      if (!group) throw new Error(`Группа ${groupId} не найдена`);
      const removed = clients.filter((c) => group.members.some((m) => m.id === c.id) && c.id !== keepId);
      clients = clients.filter((c) => !removed.includes(c));
      const token = `undo-${++undoCounter}`;
      archived.set(token, removed);
      return { message: `Объединено: ${group.members.length} строки в одну, остальные в архиве.`, undoToken: token };
    },
    async dismissGroup(groupId) {
      const group = duplicateGroupsNow().find((g) => g.id === groupId);
      if (!group) throw new Error(`Группа ${groupId} не найдена`);
      dismissedPhones.add(phoneKey(group.members[0].phone));
      return { action: 'duplicates', message: `Группа ${groupId} отмечена как «не дубликаты».`, sheets: ['Не дубликаты'], problems: [] };
    },
    async undoMerge(token) {
      const rows = archived.get(token);
      if (!rows) throw new Error('Нечего отменять');
      archived.delete(token);
      clients = [...clients, ...rows].sort((a, b) => a.row - b.row);
      return { action: 'duplicates', message: `Возвращено строк: ${rows.length}.`, sheets: ['Клиенты'], problems: [] };
    },
    async getSettings() {
      return { ...settings };
    },
    async saveSettings(next) {
      settings = { ...next };
    },
    async layout() {
      return structuredCloneLayout();
    },
    async setMapping(sheet, field, header) {
      const mapping = layoutView[sheet].fields.find((f) => f.field === field);
      if (!mapping) throw new Error(`Поле ${field} не найдено`);
      mapping.header = header;
      mapping.column = header ? 9 : null;
      return structuredCloneLayout();
    },
  };

  function archivedCount() {
    return [...archived.values()].reduce((n, rows) => n + rows.length, 0);
  }

  function structuredCloneLayout(): LayoutView {
    return JSON.parse(JSON.stringify(layoutView)) as LayoutView;
  }

  // Record each call and fail on request, around every method.
  const recorded = {} as Record<Method, (...args: unknown[]) => Promise<unknown>>;
  for (const method of Object.keys(implementation) as Method[]) {
    recorded[method] = async (...args: unknown[]) => {
      calls.push({ method, args: args.filter((a) => typeof a !== 'function') });
      await Promise.resolve();
      const failure = failures[method];
      if (failure) throw new Error(failure);
      return (implementation[method] as (...a: unknown[]) => Promise<unknown>)(...args);
    };
  }
  return Object.assign(recorded as unknown as PanelActions, { calls, failures });
}
