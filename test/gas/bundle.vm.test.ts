/**
 * The built server bundle (Code.js) loaded the way Apps Script loads it: one script in a fresh global
 * scope whose only services are the fakes. The bundle is built here, into a temporary folder, from the
 * same webpack config `npm run build` uses.
 */
import fs from 'fs';
import os from 'os';
import path from 'path';
import vm from 'vm';
import webpack from 'webpack';
import type { RunAnswer } from '../../appsscript/src/panel-protocol';
import type { ActionResult, TodayView } from '../../src/actions/panel';
import { fieldHeader } from '../../src/core/schema';
import { fieldOfHeader } from '../../src/core/header-match';
import { parseCsv } from '../../src/core/import/csv';
import { generateSampleWorkbook } from '../../src/sample';
import { FakeCacheService, FakeHtmlService, FakeLockService, FakePropertiesService, FakeUi } from '../fakes/gas/services';
import { FakeMailApp, FakeScriptApp } from '../fakes/gas/script-app';
import { FakeSpreadsheet, FakeSpreadsheetApp } from '../fakes/gas/spreadsheet';
import { workbookState } from '../fakes/gas/state';
import { fakeUtilities } from '../fakes/gas/utilities';
import { fakeSpreadsheetFrom } from '../fakes/gas/workbook';

let code = '';

beforeAll(async () => {
  const out = fs.mkdtempSync(path.join(os.tmpdir(), 'gas-bundle-'));
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- the webpack part is a CommonJS config file
  const configs = require('../../appsscript/webpack.part.js')({}, { mode: 'production' }) as webpack.Configuration[];
  const server = configs.find((c) => c.name === 'appsscript-server')!;
  await new Promise<void>((resolve, reject) =>
    webpack({ ...server, output: { ...server.output, path: out } }, (error, stats) => {
      if (error || stats?.hasErrors()) reject(error ?? new Error(stats?.toString('errors-only')));
      else resolve();
    }),
  );
  code = fs.readFileSync(path.join(out, 'Code.js'), 'utf8');
}, 120_000);

interface Host {
  spreadsheet: FakeSpreadsheet;
  ui: FakeUi;
  lock: FakeLockService;
  script: FakeScriptApp;
  mail: FakeMailApp;
  globals: Record<string, unknown>;
}

function load(spreadsheet: FakeSpreadsheet, mailQuota = 100): Host {
  const ui = new FakeUi();
  const lock = new FakeLockService();
  const script = new FakeScriptApp();
  const mail = new FakeMailApp(mailQuota);
  const globals: Record<string, unknown> = {
    SpreadsheetApp: new FakeSpreadsheetApp(spreadsheet, ui as unknown as GoogleAppsScript.Base.Ui),
    Utilities: fakeUtilities,
    LockService: lock,
    CacheService: new FakeCacheService(),
    PropertiesService: new FakePropertiesService(),
    HtmlService: new FakeHtmlService(['sidebar']),
    ScriptApp: script,
    MailApp: mail,
    console,
    // the fakes hand out this realm's Dates; Apps Script has one realm too
    Date,
  };
  vm.runInContext(code, vm.createContext(globals), { filename: 'Code.js' });
  return { spreadsheet, ui, lock, script, mail, globals };
}

const call = (host: Host, name: string, ...args: unknown[]) => (host.globals[name] as (...a: unknown[]) => unknown)(...args);

type EditEvent = Pick<GoogleAppsScript.Events.SheetsOnEdit, 'range'> & Partial<Pick<GoogleAppsScript.Events.SheetsOnEdit, 'value' | 'oldValue'>>;

/**
 * An edit event as Apps Script builds it: `value` and `oldValue` only for a single cell (`oldValue` absent
 * when the cell was empty, `value` absent when it is cleared, both absent for a paste).
 */
function editEvent(range: GoogleAppsScript.Spreadsheet.Range, typed: { value?: string; oldValue?: string } = {}): EditEvent {
  if ((typed.value !== undefined || typed.oldValue !== undefined) && (range.getNumRows() !== 1 || range.getNumColumns() !== 1)) {
    throw new Error('Apps Script gives value and oldValue for a single-cell edit only');
  }
  return { range, ...typed };
}

function sample(): FakeSpreadsheet {
  return fakeSpreadsheetFrom(generateSampleWorkbook({ clients: 120, orders: 500 }));
}

describe('the built Apps Script bundle', () => {
  it('builds the «Клиентская база» menu on open, every item naming a global function', () => {
    const host = load(sample());
    call(host, 'onOpen', { authMode: 'LIMITED' });
    expect(host.ui.menus).toHaveLength(1);
    const [menu] = host.ui.menus;
    expect(menu.title).toBe('Клиентская база');
    expect(menu.added).toBe(true);
    const items = menu.items.flatMap((i) => (i ? [i] : []));
    expect(items.map((i) => i.caption)).toEqual(expect.arrayContaining(['Открыть панель', 'ABC-анализ', 'RFM-анализ', 'Найти дубликаты']));
    for (const item of items) expect(typeof host.globals[item.functionName]).toBe('function');
  });

  it('onInstall shows the menu, as an add-on menu before the add-on is enabled', () => {
    const host = load(sample());
    call(host, 'onInstall', { authMode: 'NONE' });
    expect(host.ui.menus[0]).toMatchObject({ title: null, added: true });
  });

  it('opens the sidebar from the inlined sidebar page', () => {
    const host = load(sample());
    call(host, 'showSidebar');
    expect(host.ui.sidebars.map((s) => [s.file, s.getTitle()])).toEqual([['sidebar', 'Клиентская база']]);
  });

  const actions = ['menuStructure', 'menuCheck', 'menuDuplicates', 'menuTracker', 'menuAbc', 'menuRfm', 'menuFunnel', 'menuManagers', 'menuPlanFact', 'menuCohorts', 'menuAll', 'menuToday', 'menuClientValue', 'menuAbcXyz', 'menuFunnelMovement'];
  it.each(actions)('%s runs on the sample base and leaves the sheets it reports', async (name) => {
    const host = load(sample());
    const result = (await call(host, name)) as ActionResult | null;
    expect(host.ui.alerts).toHaveLength(1);
    expect(host.ui.alerts[0]).not.toMatch(/не закончено|Записано частей|Не удалось/);
    if (!result) throw new Error(host.ui.alerts[0]);
    const names = host.spreadsheet.sheets.map((s) => s.name);
    expect(result!.sheets.length).toBeGreaterThan(0);
    for (const sheet of result!.sheets) expect(names).toContain(sheet);
    if (name === 'menuAbc') expect(names.some((n) => n.includes('ABC'))).toBe(true);
    if (name === 'menuRfm') expect(names.some((n) => n.includes('RFM'))).toBe(true);
    for (const sheet of workbookState(host.spreadsheet).sheets) expect(sheet.formulaCells).toEqual([]);
  }, 60_000);

  /** An Orders row whose client name is on exactly one Clients row, and that client's «orders» cell. */
  function orderOfOneClient(spreadsheet: FakeSpreadsheet) {
    const orders = spreadsheet.sheets.find((s) => s.name === 'Заказы')!;
    const clients = spreadsheet.sheets.find((s) => s.name === 'Клиенты')!;
    const orderValues = orders.getRange(1, 1, orders.getLastRow(), orders.getLastColumn()).getValues();
    const clientValues = clients.getRange(1, 1, clients.getLastRow(), clients.getLastColumn()).getValues();
    const orderClient = orderValues[0].findIndex((h) => fieldOfHeader('orders', h) === 'client');
    const numberColumn = orderValues[0].findIndex((h) => fieldOfHeader('orders', h) === 'number') + 1;
    const clientName = clientValues[0].findIndex((h) => fieldOfHeader('clients', h) === 'name');
    const countColumn = clientValues[0].indexOf(fieldHeader('clients', 'orders', 'ru')) + 1;
    for (let r = 1; r < orderValues.length; r++) {
      const name = orderValues[r][orderClient];
      const rows = clientValues.flatMap((row, i) => (i > 0 && row[clientName] === name ? [i + 1] : []));
      if (name && rows.length === 1) return { orders, clients, orderRow: r + 1, numberColumn, clientRow: rows[0], countColumn };
    }
    throw new Error('no order naming exactly one client');
  }

  it('onEdit of the Orders sheet updates the tracker of the client of a new order, under the lock', async () => {
    const host = load(sample());
    await call(host, 'menuTracker');
    const { orders, clients, orderRow, numberColumn, clientRow, countColumn } = orderOfOneClient(host.spreadsheet);
    expect(countColumn).toBeGreaterThan(0);
    const before = clients.getRange(clientRow, countColumn).getValues()[0][0] as number;

    const copy = orders.getRange(orderRow, 1, 1, orders.getLastColumn()).getValues();
    copy[0][numberColumn - 1] = `NEW-${Date.now()}`;
    const newRow = orders.getLastRow() + 1;
    orders.getRange(newRow, 1, 1, copy[0].length).setValues(copy);
    const writesBefore = host.spreadsheet.calls.setValues;
    const lockAttempts = host.lock.lock.attempts.length;
    await call(host, 'onEdit', { range: orders.getRange(newRow, 1, 1, copy[0].length) });

    expect(clients.getRange(clientRow, countColumn).getValues()[0][0]).toBe(before + 1);
    expect(host.lock.lock.attempts).toHaveLength(lockAttempts + 1);
    expect(host.lock.lock.held).toBe(false);
    // only the changed cells of that client: a handful of writes, not the whole columns
    expect(host.spreadsheet.calls.setValues - writesBefore).toBeLessThanOrEqual(6);
  }, 60_000);

  it('onEdit leaves a note and returns when another edit holds the lock', async () => {
    const host = load(sample());
    const orders = host.spreadsheet.sheets.find((s) => s.name === 'Заказы')!;
    host.lock.lock.heldElsewhere = true;
    const writes = host.spreadsheet.calls.setValues;
    await call(host, 'onEdit', { range: orders.getRange(2, 1) });
    expect(orders.getRange(2, 1).getNote()).toMatch(/Трекер/);
    expect(host.spreadsheet.calls.setValues).toBe(writes);
  });

  it('onEdit elsewhere does nothing', async () => {
    const host = load(sample());
    const clients = host.spreadsheet.sheets.find((s) => s.name === 'Клиенты')!;
    await call(host, 'onEdit', { range: clients.getRange(2, 2) });
    expect(host.lock.lock.attempts).toEqual([]);
  });

  describe('onEdit of a status cell', () => {
    /** The sample's clients sheet with the status of its first client typed by hand: what onEdit sees. */
    function typedStatus(host: Host, status: string) {
      const clients = host.spreadsheet.sheets.find((s) => s.name === 'Клиенты')!;
      const header = clients.getRange(1, 1, 1, clients.getLastColumn()).getValues()[0];
      const column = header.indexOf('Статус') + 1;
      const range = clients.getRange(2, column);
      const before = String(range.getValues()[0][0] ?? '');
      range.setValues([[status]]);
      return { clients, column, range, before, name: String(clients.getRange(2, header.indexOf('Клиент') + 1).getValues()[0][0]), manager: String(clients.getRange(2, header.indexOf('Менеджер') + 1).getValues()[0][0]) };
    }
    const historyRows = (host: Host) => workbookState(host.spreadsheet).sheets.find((s) => s.name === 'История')?.values.slice(1) ?? [];

    it('logs «from → to» at once, with the moment of the edit, and leaves the cell as typed', async () => {
      const host = load(sample());
      const { range, before, name, manager } = typedStatus(host, 'зелёный');
      await call(host, 'onEdit', editEvent(range, { value: 'зелёный', ...(before ? { oldValue: before } : {}) }));
      const rows = historyRows(host);
      expect(rows).toHaveLength(1);
      expect(rows[0].slice(2, 6)).toEqual([name, manager, 'статус', `${before || '—'} → Зелёный`]);
      expect(Math.abs((rows[0][0] as Date).getTime() - Date.now())).toBeLessThan(60_000);
      expect(range.getValues()[0][0]).toBe('зелёный');
      expect(host.lock.lock.attempts).toHaveLength(1);
      expect(host.lock.lock.held).toBe(false);

      // The same edit again, or the analysis read after it, adds nothing.
      await call(host, 'onEdit', editEvent(range, { value: 'зелёный', oldValue: 'Зелёный' }));
      await call(host, 'menuFunnelMovement');
      expect(historyRows(host).filter((row) => row[4] === 'статус')).toHaveLength(1);
    }, 60_000);

    it('logs nothing for a paste over several cells (no old values), nor when another edit holds the lock', async () => {
      const host = load(sample());
      const { clients, column } = typedStatus(host, 'Серый');
      await call(host, 'onEdit', editEvent(clients.getRange(2, column, 2, 1)));
      expect(historyRows(host)).toEqual([]);
      expect(host.lock.lock.attempts).toEqual([]);

      host.lock.lock.heldElsewhere = true;
      await call(host, 'onEdit', editEvent(clients.getRange(2, column), { value: 'Серый', oldValue: 'Жёлтый' }));
      expect(historyRows(host)).toEqual([]);
      expect(host.lock.lock.attempts).toHaveLength(1);
    }, 60_000);

    it('leaves a status pasted into one cell (no value, no old value) to the next read, marked «замечено»', async () => {
      const host = load(sample());
      const { range, before } = typedStatus(host, 'Зелёный');
      await call(host, 'onEdit', editEvent(range, { value: 'Зелёный', ...(before ? { oldValue: before } : {}) }));
      range.setValues([['Жёлтый']]);
      await call(host, 'onEdit', editEvent(range));
      expect(historyRows(host)).toHaveLength(1);
      expect(host.lock.lock.attempts).toHaveLength(1);

      await call(host, 'menuFunnelMovement');
      const results = historyRows(host).map((row) => String(row[5]));
      expect(results).toHaveLength(2);
      expect(results[1]).toMatch(/^Зелёный → Жёлтый \(замечено/);
    }, 60_000);

    it('logs nothing for a single-cell edit of another column of the clients sheet', async () => {
      const host = load(sample());
      const clients = host.spreadsheet.sheets.find((s) => s.name === 'Клиенты')!;
      const header = clients.getRange(1, 1, 1, clients.getLastColumn()).getValues()[0];
      const range = clients.getRange(2, header.indexOf('Менеджер') + 1);
      const oldValue = String(range.getValues()[0][0]);
      range.setValues([['Зелёный']]);
      await call(host, 'onEdit', editEvent(range, { value: 'Зелёный', oldValue }));
      expect(historyRows(host)).toEqual([]);
      expect(host.lock.lock.attempts).toEqual([]);
    }, 60_000);
  });

  it('a client added from the sidebar keeps a formula-like name and phone as text', async () => {
    const host = load(sample());
    const name = '=HYPERLINK("http://evil.example","Ромашка")';
    const card = (await call(host, 'panel_addClient', { name, phone: '+7 912 345-67-89', city: '-Москва' })) as { id: string; name: string };
    expect(card.name).toBe(name);
    const state = workbookState(host.spreadsheet).sheets.find((s) => s.name === 'Клиенты')!;
    expect(state.formulaCells).toEqual([]);
    const row = state.values.find((r) => r.includes(name))!;
    expect(row).toEqual(expect.arrayContaining(['+7 912 345-67-89', '-Москва']));
  }, 60_000);

  describe('birthdays', () => {
    afterEach(() => jest.useRealTimers());

    it('the sidebar logs a birthday greeting once: «Поздравлен» is one «поздравление» row of «История», and the list shows the mark', async () => {
      // The sample's own day, so that its birthdays of November are listed; only the clock is fixed, timers run.
      jest.useFakeTimers({ now: new Date('2026-11-01T09:00:00Z'), doNotFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'setImmediate', 'clearImmediate', 'nextTick', 'queueMicrotask'] });
      const host = load(sample());
      const view = (await call(host, 'panel_today', null)) as TodayView;
      expect(view.asOf).toBe('2026-11-01');
      const item = view.birthdays.find((b) => !b.congratulated);
      if (!item) throw new Error('the sample has no birthday in November 2026');
      const after = (await call(host, 'panel_logGreeting', item.clientId, null)) as TodayView;
      // Logging gave the base its IDs: the client is found by name and row.
      const marked = after.birthdays.find((b) => b.client === item.client && b.row === item.row)!;
      expect(marked.congratulated).toBe(true);
      await call(host, 'panel_logGreeting', marked.clientId, null);
      const history = workbookState(host.spreadsheet).sheets.find((s) => s.name === 'История')!;
      expect(history.values.filter((row) => row.includes('поздравление')).map((row) => row.slice(1, 3))).toEqual([[marked.clientId, item.client]]);
      expect(history.formulaCells).toEqual([]);
    }, 60_000);
  });

  describe('an action longer than one execution', () => {
    /** Every reading of the clock is a minute later: an execution's 4.5 minutes hold a few steps. */
    function tickingClock() {
      let now = Date.UTC(2026, 10, 1);
      return jest.spyOn(Date, 'now').mockImplementation(() => (now += 60_000));
    }
    afterEach(() => jest.restoreAllMocks());

    const CONTINUE = /^Записано частей (\d+) из (\d+): .*«Клиентская база → Продолжить прерванное действие»\.$/;
    const lastAlert = (host: Host) => host.ui.alerts[host.ui.alerts.length - 1];

    it('stops with how far it got, and «Продолжить» from the menu ends it as one uninterrupted run', async () => {
      const reference = load(sample());
      await call(reference, 'menuAll');

      tickingClock();
      const host = load(sample());
      expect(await call(host, 'menuAll')).toBeNull();
      expect(lastAlert(host)).toMatch(CONTINUE);
      let result: unknown = null;
      for (let runs = 0; runs < 100 && CONTINUE.test(lastAlert(host)); runs++) result = await call(host, 'menuContinue');
      expect(host.ui.alerts.length).toBeGreaterThan(3);
      expect(lastAlert(host)).toBe(reference.ui.alerts[0]);
      expect(result).toMatchObject({ action: 'all' });
      expect(workbookState(host.spreadsheet)).toEqual(workbookState(reference.spreadsheet));
    }, 60_000);

    it('asks what to do with the pending action before running another', async () => {
      tickingClock();
      const host = load(sample());
      await call(host, 'menuAll');
      const jobSheet = () => host.spreadsheet.sheets.some((s) => s.name === '_crm_job');
      expect(jobSheet()).toBe(true);
      const done = () => Number(CONTINUE.exec(lastAlert(host))?.[1]);
      const before = done();

      host.ui.answers.push('CANCEL');
      expect(await call(host, 'menuAbc')).toBeNull();
      expect(host.ui.questions).toEqual([{ title: 'Клиентская база', prompt: expect.stringMatching(/^Действие «Все анализы сразу» не закончено: записано частей \d+ из \d+\..*\n\nДа — дописать его сейчас\. Нет — отменить его и запустить «ABC-анализ»\. Отмена — ничего не делать\.$/s), buttons: 'YES_NO_CANCEL' }]);
      expect(jobSheet()).toBe(true);

      host.ui.answers.push('YES');
      await call(host, 'menuAbc');
      expect(done()).toBeGreaterThan(before);

      host.ui.answers.push('NO');
      jest.restoreAllMocks();
      const abc = await call(host, 'menuAbc');
      expect(abc).toMatchObject({ action: 'abc' });
      expect(lastAlert(host)).toMatch(/^ABC: A \d+/);
      expect(jobSheet()).toBe(false);
    }, 60_000);

    it('«Отменить» forgets the pending action and says its sheets may be incomplete', async () => {
      const host = load(sample());
      await call(host, 'menuDiscard');
      expect(lastAlert(host)).toBe('Прерванного действия нет.');
      tickingClock();
      await call(host, 'menuTracker');
      await call(host, 'menuDiscard');
      expect(lastAlert(host)).toMatch(/^Действие «Обновить трекер заказов» отменено\. Его листы могли остаться заполненными не до конца/);
      expect(host.spreadsheet.sheets.map((s) => s.name)).not.toContain('_crm_job');
    }, 60_000);
  });

  it('the sidebar functions answer JSON and progress can be polled', async () => {
    const host = load(sample());
    const list = (await call(host, 'panel_listClients', {}, null)) as { total: number; clients: unknown[] };
    expect(list.total).toBeGreaterThan(100);
    expect(JSON.parse(JSON.stringify(list))).toEqual(list);
    const answer = (await call(host, 'panel_run', 'abc', 'token-1')) as RunAnswer;
    expect(answer).toMatchObject({ state: 'done', result: { action: 'abc' } });
    expect(call(host, 'panelProgress', 'token-1')).toMatchObject({ step: { key: expect.any(String) } });
  }, 60_000);

  it('turns the morning «Сегодня» letter on as one daily trigger however often it is asked, and sends one letter per manager with an address, within the day’s quota', async () => {
    const book = generateSampleWorkbook({ clients: 120, orders: 500 });
    book.sheets.push({ name: 'Настройки', header: ['Ключ', 'Значение'], rows: [['managerEmails', 'Анна Крылова — anna@firm.ru; Дмитрий Орлов — dmitry@firm.ru; Екатерина Смирнова — kate@firm.ru']] });
    const host = load(fakeSpreadsheetFrom(book), 2);
    await call(host, 'menuLetterOn');
    await call(host, 'menuLetterOn');
    expect(host.script.triggers).toEqual([{ id: '1', handler: 'sendTodayLetters', everyDays: 1, atHour: 8 }]);
    expect(typeof host.globals.sendTodayLetters).toBe('function');
    expect(host.ui.alerts[0]).toMatch(/каждому менеджеру уходит письмо[\s\S]*3 адреса[\s\S]*Без адреса письма не получат: Игорь Белов, Мария Соколова, Олег Титов[\s\S]*100 получателям в день/);
    expect(host.ui.alerts[1]).toMatch(/уже было включено/);

    await call(host, 'sendTodayLetters');
    expect(host.mail.sent.map((m) => m.to)).toEqual(['anna@firm.ru', 'dmitry@firm.ru']);
    const [first] = host.mail.sent;
    expect(first.subject).toMatch(/^Сегодня, \d\d\.\d\d\.\d{4}: \d+ (дело|дела|дел)$/);
    expect(first.body).toMatch(/^Анна Крылова, ваш список на/);
    expect(first.body).not.toMatch(/Дмитрий Орлов/);

    await call(host, 'menuLetterOff');
    expect(host.script.triggers).toEqual([]);
  });
});

/**
 * A manager's morning in Google Sheets, through the sidebar's server functions of the built bundle: see
 * today's list, log three contacts, record an order, export the «Под угрозой» segment for SMS. Every
 * step is checked on the spreadsheet itself, not on the answers alone.
 */
describe('a manager’s morning in the sidebar', () => {
  interface View {
    asOf: string;
    managers: string[];
    items: Array<{ clientId: string; client: string; manager: string; kind: string }>;
  }
  const sheetValues = (host: Host, name: string) => workbookState(host.spreadsheet).sheets.find((s) => s.name === name)!.values;

  it('sees whom to contact, logs three contacts, records an order and exports consenting «Под угрозой» clients', async () => {
    const host = load(fakeSpreadsheetFrom(generateSampleWorkbook({ clients: 300, orders: 1500 })));
    const everyone = (await call(host, 'panel_today', null)) as View;
    const manager = everyone.managers.find((name) => everyone.items.filter((item) => item.manager === name).length >= 3)!;
    const mine = (await call(host, 'panel_today', manager)) as View;
    expect(mine.items.length).toBeGreaterThanOrEqual(3);
    expect(new Set(mine.items.map((item) => item.manager))).toEqual(new Set([manager]));

    // Three contacts, each with the next one a week ahead: they leave the list of what is due.
    const due = mine.items.filter((item) => ['overdue', 'today', 'cold', 'new'].includes(item.kind));
    const called = [...new Map(due.map((item) => [item.clientId, item])).values()].slice(0, 3);
    expect(called).toHaveLength(3);
    const nextWeek = new Date(Date.parse(mine.asOf) + 7 * 86_400_000).toISOString().slice(0, 10);
    for (const item of called) await call(host, 'panel_logContact', item.clientId, { kind: 'звонок', result: `Позвонили: ${item.kind}`, nextContact: nextWeek });
    const history = sheetValues(host, 'История');
    // The sample has no client IDs yet: the first contact logged gives every client one.
    expect(history.slice(1).map((row) => [row[2], row[3], row[4], row[5]])).toEqual(called.map((item) => [item.client, manager, 'звонок', `Позвонили: ${item.kind}`]));
    expect(history.slice(1).every((row) => /^К-\d{5}$/.test(String(row[1])))).toBe(true);
    const after = (await call(host, 'panel_today', manager)) as View;
    const stillDue = after.items.filter((item) => called.some((c) => c.client === item.client) && item.kind !== 'birthday' && item.kind !== 'slipping');
    expect(stillDue).toEqual([]);

    // An order recorded on the base's day counts at once.
    const buyer = String(history[1][1]);
    const before = (await call(host, 'panel_getClient', buyer)) as { orders: number; lastOrder: string | null };
    const card = (await call(host, 'panel_recordOrder', { clientId: buyer, service: 'Консультация', amount: 4_500, date: mine.asOf })) as { orders: number; lastOrder: string | null };
    expect(card).toMatchObject({ orders: before.orders + 1, lastOrder: mine.asOf });
    // The sample's Orders sheet names the client, with no ID column: the order is written the sheet's way.
    expect(sheetValues(host, 'Заказы').filter((row) => row.includes(called[0].client) && row.includes(4_500))).toHaveLength(1);

    // The «Под угрозой» list for SMS holds only clients whose consent cell allows SMS.
    const exported = (await call(host, 'panel_campaign', { channel: 'sms', segment: 'at_risk' })) as { csv: string; listed: number; leftOut: Record<string, number> };
    const lines = parseCsv(exported.csv.trim(), ',');
    expect(lines[0]).toEqual(['phone', 'email', 'name', 'first_name', 'segment']);
    expect(lines.length - 1).toBe(exported.listed);
    expect(exported.listed).toBeGreaterThan(0);
    expect(Object.values(exported.leftOut).reduce((a, b) => a + b, 0)).toBeGreaterThan(0);
    const clients = sheetValues(host, 'Клиенты');
    const consentAt = clients[0].indexOf('Согласие на рассылку');
    const nameAt = clients[0].indexOf('Клиент');
    for (const [phone, , name, , segment] of lines.slice(1)) {
      const row = clients.find((r) => r[nameAt] === name)!;
      expect(String(row[consentAt])).toMatch(/^да($|,.*sms)/i);
      expect(phone).toMatch(/^\+7\d{10}$/);
      expect(segment).toBe('Под угрозой');
    }
  }, 120_000);
});
