/** Status changes typed in the clients sheet are logged to «История» on the next analysis, once, and the status cells stay as typed. */
import { planAnalysis } from '../analysis';
import { readBase } from '../base';
import { readHistory } from '../contact-history';
import { isoToDay } from '../normalise/date';
import { parseStatusMove, seenStatusRows } from '../status-diff';
import { MemoryWorkbook } from '../../workbook/memory';
import type { CellValue, WorkbookSnapshot } from '../../workbook/snapshot';
import { book, sheet } from './snapshot-builder';

const AS_OF = isoToDay('2026-11-30')!;
const NOW = new Date('2026-11-30T12:00:00Z');
const HISTORY_HEADER = ['Дата и время', 'ID клиента', 'Клиент', 'Менеджер', 'Вид', 'Результат', 'Следующий шаг', 'Следующий контакт'];
const at = (iso: string) => new Date(`${iso}T10:00:00Z`);

function workbook(statuses: CellValue[], history: CellValue[][]): WorkbookSnapshot {
  return book(
    sheet(
      'Клиенты',
      ['ID', 'Клиент', 'Менеджер', 'Статус'],
      ['К-00001', 'Ромашка', 'Анна', statuses[0]],
      ['К-00002', 'Петров', 'Борис', statuses[1]],
      ['К-00003', 'Лютик', 'Анна', statuses[2]],
    ),
    sheet('Заказы', ['Дата', 'ID клиента', 'Клиент', 'Сумма', 'Услуга']),
    sheet('История', HISTORY_HEADER, ...history),
  );
}

const HISTORY: CellValue[][] = [
  [at('2026-10-01'), 'К-00001', 'Ромашка', 'Анна', 'статус', 'Белый → Серый', null, null],
  [at('2026-10-05'), 'К-00002', 'Петров', 'Борис', 'статус', 'Белый → Серый', null, null],
  // A later row of client 1 in an earlier sheet row would be wrong: the latest by moment wins.
  [at('2026-10-20'), 'К-00001', 'Ромашка', 'Анна', 'статус', 'Серый → Зелёный', null, null],
  [at('2026-10-21'), 'К-00002', 'Петров', 'Борис', 'звонок', 'Договорились', null, null],
];

function seen(snapshot: WorkbookSnapshot) {
  return seenStatusRows(readBase(snapshot).clients, readHistory(snapshot), NOW, 'ru');
}

describe('status changes seen between reads', () => {
  it('logs a status typed in the sheet since the last status row as one «from → to» row, and nothing for the same status', () => {
    // Client 1 was moved to Зелёный through the product and typed «жёлтый» by hand since; client 2 is still Серый
    // (another spelling); client 3 has no status row: the baseline rule records nothing for it.
    const rows = seen(workbook(['жёлтый', ' серый ', 'Золотой'], HISTORY));
    expect(rows).toEqual([
      {
        when: NOW,
        clientId: 'К-00001',
        client: 'Ромашка',
        manager: 'Анна',
        kind: 'status',
        result: 'Зелёный → Жёлтый (замечено в таблице при анализе; когда изменён статус, неизвестно)',
        nextStep: '',
        nextContact: null,
      },
    ]);
    expect(parseStatusMove(rows[0].result)).toEqual({ from: 'Зелёный', to: 'Жёлтый', seen: true });
  });

  it('takes an emptied cell and a status of the user’s own as values like any other', () => {
    const rows = seen(workbook([null, 'Думает', null], HISTORY));
    expect(rows.map((r) => r.result.replace(/ \(.*\)$/, ''))).toEqual(['Зелёный → —', 'Серый → Думает']);
    expect(parseStatusMove(rows[0].result)).toEqual({ from: 'Зелёный', to: '', seen: true });
  });

  it('is part of the analysis plan: logged once over two runs, the status cells untouched, the count in the report', async () => {
    const memory = new MemoryWorkbook(workbook(['Жёлтый', 'Серый', 'Золотой'], HISTORY));
    const before = (await memory.read()).sheets[0].rows.map((row) => [...row]);
    const first = planAnalysis(await memory.read(), { asOf: AS_OF, now: NOW, parts: ['funnel'] });
    expect(first.report.statusChangesSeen).toBe(1);
    expect(first.report.sheets).toContain('История');
    await memory.apply(first.operations);
    const after = await memory.read();
    const history = after.sheets.find((s) => s.name === 'История')!;
    expect(history.rows).toHaveLength(HISTORY.length + 1);
    expect(history.rows.slice(0, HISTORY.length).map((row) => row.slice(0, 6))).toEqual(HISTORY.map((row) => row.slice(0, 6)));
    expect(history.rows[HISTORY.length].slice(0, 6)).toEqual([NOW, 'К-00001', 'Ромашка', 'Анна', 'статус', 'Зелёный → Жёлтый (замечено в таблице при анализе; когда изменён статус, неизвестно)']);
    const second = planAnalysis(after, { asOf: AS_OF, now: NOW, parts: ['funnel'] });
    expect(second.report.statusChangesSeen).toBe(0);
    expect(second.operations.some((op) => op.sheet === 'История')).toBe(false);
    await memory.apply(second.operations);
    expect((await memory.read()).sheets[0].rows).toEqual(before);
  });

  it('adds no history sheet and no row to a base whose history holds no status row yet', () => {
    const plan = planAnalysis(book(sheet('Клиенты', ['Клиент', 'Статус'], ['Ромашка', 'Серый'])), { asOf: AS_OF, now: NOW });
    expect(plan.report.statusChangesSeen).toBe(0);
    expect(plan.operations.some((op) => op.sheet === 'История')).toBe(false);
  });
});
