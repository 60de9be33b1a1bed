/**
 * The task pane keeps one analysis of the base between calls, and a manager keeps typing in the sheet
 * while the pane is open. What was typed by hand must reach the client list, the client card and the
 * live duplicate warning — without the pane reading the whole workbook on every call where the host
 * tells of edits. And nothing the panel writes may plan from an older read than the cell it writes.
 */
import { createActions } from '../../src/actions/local';
import { isoToDay } from '../../src/core/normalise/date';
import { OfficeWorkbook } from '../../addin/gateway/office-workbook';
import type { ApiCheck } from '../../addin/gateway/requirements';
import type { WorkbookSnapshot } from '../../src/workbook/snapshot';
import { FakeExcel } from '../fakes/excel';

const TODAY = isoToDay('2026-11-01')!;

function clients(): WorkbookSnapshot {
  return {
    sheets: [
      {
        name: 'Клиенты',
        header: ['ID', 'Клиент', 'Телефон', 'Город', 'Комментарий'],
        rows: [
          ['К-001', 'ООО «Ромашка»', '8 (912) 345-67-89', 'Москва', ''],
          ['К-002', 'Иванов Иван', '8 (903) 111-22-33', 'Казань', ''],
          ['К-003', 'Петров Пётр', '', 'Москва', ''],
        ],
      },
    ],
  };
}

/** A row a manager types below the list (a phone with parentheses stays text in Excel). */
const TYPED_ROW = ['К-004', 'Сидоров Сергей', '8 (999) 765-43-21', 'Пермь'];
/** Someone calling from that number, who would be entered as a new client. */
const CALLER = { name: 'Сергей', phone: '+7 999 765 43 21' };

function setup(supports: ApiCheck) {
  const fake = new FakeExcel(clients());
  const actions = createActions(new OfficeWorkbook({ run: fake.run, supports }), { today: () => TODAY });
  return { fake, actions };
}

/** Block reads of cell values: what re-reading the base costs. */
const valueReads = (fake: FakeExcel) => fake.recorder.commands.filter((c) => c.member === 'load' && (c.args[0] as string[]).includes('values')).length;

const hosts: Array<[string, ApiCheck]> = [
  ['Excel with worksheet events (ExcelApi 1.9)', () => true],
  ['Excel where events cannot be used', () => false],
];

describe.each(hosts)('the panel over %s', (_host, supports) => {
  it('sees a client row the user typed by hand: in the list, in the card, in the duplicate warning', async () => {
    const { fake, actions } = setup(supports);
    expect((await actions.listClients({})).total).toBe(3);
    expect(await actions.checkNewClient(CALLER)).toEqual([]);

    await fake.userTypes('Клиенты', 'A5', [TYPED_ROW]);

    const list = await actions.listClients({});
    expect(list.total).toBe(4);
    expect(list.clients.map((c) => c.name)).toContain('Сидоров Сергей');
    expect(await actions.getClient('К-004')).toMatchObject({ name: 'Сидоров Сергей', row: 5 });
    expect(await actions.checkNewClient(CALLER)).toEqual([expect.objectContaining({ row: 5, id: 'К-004', name: 'Сидоров Сергей' })]);
  });

  it('sees an edit inside the list, where the used range stays the same', async () => {
    const { fake, actions } = setup(supports);
    expect(await actions.checkNewClient(CALLER)).toEqual([]);

    await fake.userTypes('Клиенты', 'C4', [[TYPED_ROW[2]]]);

    expect(await actions.checkNewClient(CALLER)).toEqual([expect.objectContaining({ row: 4, id: 'К-003', name: 'Петров Пётр' })]);
    expect((await actions.getClient('К-003')).phone).toBe(TYPED_ROW[2]);
  });

  it('keeps a comment the user has just typed when the panel adds a note, even before Excel tells of the edit', async () => {
    const { fake, actions } = setup(supports);
    expect((await actions.getClient('К-002')).comment).toBe('');

    await fake.userTypes('Клиенты', 'E3', [['просил счёт на почту']], { eventLater: true });
    const card = await actions.addNote('К-002', 'перезвонить в пятницу');
    await fake.deliverEvents();

    const cell = String(fake.sheet('Клиенты').cells[2][4]?.value);
    expect(cell).toMatch(/^просил счёт на почту\n\d\d\.\d\d\.2026: перезвонить в пятницу$/);
    expect(card.comment).toBe(cell);
  });
});

describe('the panel over Excel with worksheet events', () => {
  const withEvents: ApiCheck = () => true;

  it('does not re-read the workbook while nothing changes', async () => {
    const { fake, actions } = setup(withEvents);
    await actions.listClients({});
    fake.recorder.reset();

    expect((await actions.listClients({ cities: ['Москва'] })).matching).toBe(2);
    await actions.checkNewClient(CALLER);
    await actions.getClient('К-001');
    await actions.statuses();
    expect(valueReads(fake)).toBe(0);

    await fake.userTypes('Клиенты', 'A5', [TYPED_ROW]);
    await actions.listClients({});
    expect(valueReads(fake)).toBeGreaterThan(0);
  });

  it('listens once and then asks the host nothing until the user edits', async () => {
    const { fake, actions } = setup(withEvents);
    await actions.listClients({});
    await actions.listClients({});
    expect(fake.events.listeners('onChanged')).toBe(1);
    fake.recorder.reset();

    await actions.listClients({});
    await actions.checkNewClient(CALLER);
    expect(fake.recorder.syncs).toEqual([]);
    expect(fake.events.listeners('onChanged')).toBe(1);
  });
});

describe('the panel over Excel where events cannot be used', () => {
  it('reads the workbook afresh on every call: nothing cheaper shows a cell changed inside the data', async () => {
    const { fake, actions } = setup(() => false);
    await actions.listClients({});
    const reads: number[] = [];
    for (const call of [() => actions.listClients({}), () => actions.getClient('К-001'), () => actions.checkNewClient(CALLER)]) {
      fake.recorder.reset();
      await call();
      reads.push(valueReads(fake));
    }
    expect(reads.every((n) => n > 0)).toBe(true);
    expect(fake.events.listeners('onChanged')).toBe(0);
  });
});
