import { XlsxWorkbook } from '../../xlsx/workbook';
import { WatchedWorkbook, type WorkbookEvent } from '../watched-workbook';

function watched() {
  const workbook = new WatchedWorkbook(XlsxWorkbook.fromSnapshot({ sheets: [{ name: 'Клиенты', header: ['Клиент'], rows: [['ООО «Ромашка»']] }] }));
  const events: WorkbookEvent[] = [];
  workbook.subscribe((event) => events.push(event));
  return { workbook, events };
}

describe('WatchedWorkbook', () => {
  it('tells its listeners after each plan, naming the sheets regenerated whole', async () => {
    const { workbook, events } = watched();
    await workbook.apply([
      { kind: 'appendRows', sheet: 'Клиенты', rows: [['ИП Иванов']] },
      { kind: 'writeTable', sheet: 'ABC', replace: true, header: ['Класс'], rows: [['A']] },
      { kind: 'writeTable', sheet: 'ABC', replace: false, anchor: { row: 1, column: 3 }, header: ['Итого'], rows: [] },
    ]);
    expect(events).toEqual([{ kind: 'changed', resultSheets: ['ABC'] }]);
    expect(workbook.version).toBe(1);
    expect(workbook.sheets.map((s) => s.name)).toEqual(['Клиенты', 'ABC']);
    expect((await workbook.read(['Клиенты'])).sheets[0].rows).toEqual([['ООО «Ромашка»'], ['ИП Иванов']]);
  });

  it('reports a plan that failed half-way too, so the grid shows what was written', async () => {
    const { workbook, events } = watched();
    await expect(workbook.apply([{ kind: 'appendRows', sheet: 'Клиенты', rows: [['Новый']] }, { kind: 'deleteRows', sheet: 'Нет такого', rows: [2] }])).rejects.toThrow();
    expect(events).toEqual([{ kind: 'changed', resultSheets: [] }]);
  });

  it('passes a selection on, and a listener that unsubscribed hears nothing more', async () => {
    const { workbook, events } = watched();
    const late: WorkbookEvent[] = [];
    const stop = workbook.subscribe((event) => late.push(event));
    await workbook.select('Клиенты', 2);
    stop();
    await workbook.select('Клиенты', 3);
    expect(late).toEqual([{ kind: 'selected', sheet: 'Клиенты', row: 2 }]);
    expect(events).toHaveLength(2);
  });
});

describe('WatchedWorkbook runs (begin, commit, rollback)', () => {
  it('tells of a run once, when it is committed, with the result sheets of its last plan that wrote any', async () => {
    const { workbook, events } = watched();
    workbook.begin();
    await workbook.apply([{ kind: 'writeTable', sheet: 'Проблемы', replace: true, header: ['Что не так'], rows: [] }]);
    await workbook.apply([{ kind: 'writeTable', sheet: 'ABC', replace: true, header: ['Класс'], rows: [['A']] }]);
    await workbook.apply([{ kind: 'appendRows', sheet: 'Клиенты', rows: [['ИП Иванов']] }]);
    expect(events).toEqual([]);
    workbook.commit();
    expect(events).toEqual([{ kind: 'changed', resultSheets: ['ABC'] }]);
    // After the run, each plan is told at once again.
    await workbook.apply([{ kind: 'appendRows', sheet: 'Клиенты', rows: [['ИП Петров']] }]);
    expect(events).toHaveLength(2);
  });

  it('tells the change held back before a selection made during a run, and nothing of a run rolled back but the rollback', async () => {
    const { workbook, events } = watched();
    workbook.begin();
    await workbook.apply([{ kind: 'writeTable', sheet: 'ABC', replace: true, header: ['Класс'], rows: [['A']] }]);
    await workbook.select('Клиенты', 2);
    expect(events).toEqual([{ kind: 'changed', resultSheets: ['ABC'] }, { kind: 'selected', sheet: 'Клиенты', row: 2 }]);
    workbook.commit();
    expect(events).toHaveLength(2);
    events.length = 0;
    workbook.begin();
    await workbook.apply([{ kind: 'writeTable', sheet: 'RFM', replace: true, header: ['Сегмент'], rows: [] }]);
    workbook.rollback();
    expect(events).toEqual([{ kind: 'changed', resultSheets: [] }]);
    workbook.commit();
    expect(events).toHaveLength(1);
  });

  it('puts back every sheet a run touched and drops the sheets it created, on rollback', async () => {
    const { workbook, events } = watched();
    const before = workbook.file.state();
    workbook.begin();
    await workbook.apply([{ kind: 'appendRows', sheet: 'Клиенты', rows: [['ИП Иванов']] }]);
    await workbook.apply([{ kind: 'writeTable', sheet: 'ABC', replace: true, header: ['Класс'], rows: [['A']] }]);
    workbook.rollback();
    expect(workbook.file.state()).toEqual(before);
    expect(workbook.sheets.map((s) => s.name)).toEqual(['Клиенты']);
    // The grid hears of the rollback as of any change.
    expect(events.at(-1)).toEqual({ kind: 'changed', resultSheets: [] });
    expect(workbook.version).toBe(3);
  });

  it('puts back a sheet a run replaced whole and then wrote again, and one it wrote before replacing it', async () => {
    const workbook = new WatchedWorkbook(XlsxWorkbook.fromSnapshot({
      sheets: [
        { name: 'Клиенты', header: ['Клиент'], rows: [['ООО «Ромашка»']] },
        { name: 'ABC', header: ['Класс'], rows: [['B']] },
      ],
    }));
    const before = workbook.file.state();
    workbook.begin();
    await workbook.apply([{ kind: 'writeTable', sheet: 'ABC', replace: true, header: ['Класс'], rows: [['A']] }]);
    await workbook.apply([{ kind: 'appendRows', sheet: 'ABC', rows: [['C']] }]);
    await workbook.apply([
      { kind: 'appendRows', sheet: 'Клиенты', rows: [['ИП Иванов']] },
      { kind: 'writeTable', sheet: 'Клиенты', replace: true, header: ['Клиент'], rows: [] },
    ]);
    workbook.rollback();
    expect(workbook.file.state()).toEqual(before);
  });

  it('puts back a sheet a run first formatted and then wrote values into, in a later plan or the same one', async () => {
    const workbook = new WatchedWorkbook(XlsxWorkbook.fromSnapshot({
      sheets: [
        { name: 'Клиенты', header: ['Клиент', 'Статус'], rows: [['ООО «Ромашка»', 'Новый'], ['ИП Иванов', 'Клиент']] },
        { name: 'Заказы', header: ['Дата', 'Сумма'], rows: [['01.02.2026', 100]] },
      ],
    }));
    const before = workbook.file.state();
    workbook.begin();
    const dropdown = (sheet: string) => ({ kind: 'setValidation' as const, sheet, column: 2, fromRow: 2, toRow: 3, rule: { type: 'list' as const, values: ['Новый', 'Клиент'] }, strict: false });
    await workbook.apply([dropdown('Клиенты'), { kind: 'formatSheet', sheet: 'Клиенты', freezeHeader: true }]);
    await workbook.apply([
      { kind: 'writeColumns', sheet: 'Клиенты', columns: [{ column: 2, header: 'Статус', values: ['Потерян', 'Потерян'] }] },
      { kind: 'appendRows', sheet: 'Клиенты', rows: [['Новый клиент', 'Новый']] },
    ]);
    await workbook.apply([dropdown('Заказы'), { kind: 'appendRows', sheet: 'Заказы', rows: [['02.02.2026', 200]] }]);
    expect((await workbook.read(['Клиенты'])).sheets[0].rows).toHaveLength(3);
    workbook.rollback();
    expect(workbook.file.state()).toEqual(before);
  });

  it('puts back dates written over and rows of formats shared by many rows, which a run changed', async () => {
    const { workbook } = watched();
    const day = new Date(Date.UTC(2026, 1, 1));
    // Rows appended with number formats share one frozen row of formats (row-operations.ts).
    await workbook.apply([{ kind: 'appendRows', sheet: 'Клиенты', rows: [['ИП Иванов', day], ['ИП Петров', day]], numberFormats: [null, 'dd.mm.yyyy'] }]);
    const before = workbook.file.state();
    workbook.begin();
    await workbook.apply([
      { kind: 'writeColumns', sheet: 'Клиенты', columns: [{ column: 2, header: 'Дата', values: [null, new Date(Date.UTC(2026, 2, 3)), 'нет'] }] },
      { kind: 'formatSheet', sheet: 'Клиенты', columnFormats: [{ column: 2, format: '@', fromRow: 2, toRow: 3 }] },
    ]);
    const written = workbook.file.state();
    expect(written.sheets[0].values.slice(1)).toEqual([['ООО «Ромашка»'], ['ИП Иванов', new Date(Date.UTC(2026, 2, 3))], ['ИП Петров', 'нет']]);
    expect(written.sheets[0].numberFormats).not.toEqual(before.sheets[0].numberFormats);
    workbook.rollback();
    expect(workbook.file.state()).toEqual(before);
    expect(workbook.file.state().sheets[0].values[2][1]).toEqual(day);
  });

  it('puts back the formats of a sheet a run only formatted', async () => {
    const { workbook } = watched();
    const before = workbook.file.state();
    workbook.begin();
    await workbook.apply([
      { kind: 'formatSheet', sheet: 'Клиенты', freezeHeader: true, autoFilter: true, columnFormats: [{ column: 1, format: '@', fromRow: 2, toRow: 2 }] },
      { kind: 'highlightRows', sheet: 'Клиенты', rows: [2], fill: '#FFEEEE' },
    ]);
    expect(workbook.file.state()).not.toEqual(before);
    workbook.rollback();
    expect(workbook.file.state()).toEqual(before);
  });

  it('keeps what a committed run wrote, and a later rollback without a run changes nothing', async () => {
    const { workbook } = watched();
    workbook.begin();
    await workbook.apply([{ kind: 'appendRows', sheet: 'Клиенты', rows: [['ИП Иванов']] }]);
    workbook.commit();
    workbook.rollback();
    expect((await workbook.read(['Клиенты'])).sheets[0].rows).toEqual([['ООО «Ромашка»'], ['ИП Иванов']]);
  });
});
