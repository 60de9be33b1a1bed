import { planAnalysis } from '../analysis';
import { isoToDay } from '../normalise/date';
import { render } from '../messages/message';
import { readSettings } from '../settings-sheet';
import { MemoryWorkbook } from '../../workbook/memory';
import { book, date, sheet } from './snapshot-builder';

const AS_OF = isoToDay('2026-12-04')!;

const ORDERS = sheet(
  'Заказы',
  ['Дата', 'ID клиента', 'Сумма'],
  [date(30, 10, 2026), 'К-1', 100],
  [date(6, 11, 2026), 'К-1', 100],
  [date(13, 11, 2026), 'К-1', 100],
  [date(1, 6, 2026), 'К-2', 100],
  [date(1, 9, 2026), 'К-2', 100],
);

/** The written values of the column with this header, from row 2. */
async function columnAfterAnalysis(clients: ReturnType<typeof sheet>, header: string) {
  const workbook = new MemoryWorkbook(book(clients, ORDERS));
  const plan = planAnalysis(await workbook.read(), { asOf: AS_OF });
  await workbook.apply(plan.operations);
  const written = (await workbook.read()).sheets.find((s) => s.name === 'Клиенты')!;
  const index = written.header.indexOf(header);
  return { values: written.rows.map((row) => row[index] ?? null), report: plan.report, workbook };
}

describe('the «Ожидаемый заказ» column', () => {
  it('is added and holds the expected order date for a client with a rhythm, blank for one without', async () => {
    const { values, report, workbook } = await columnAfterAnalysis(sheet('Клиенты', ['ID', 'Клиент'], ['К-1', 'Еженедельный'], ['К-2', 'Два заказа']), 'Ожидаемый заказ');
    // К-1: gaps 7, 7 → the 13th + 7 days; К-2 has two order days only.
    expect(values).toEqual([date(20, 11, 2026), null]);
    expect(report.clients.map((c) => [c.medianGap, c.expectedOrder, c.slipping])).toEqual([
      [7, '2026-11-20', true],
      [null, null, false],
    ]);
    expect(readSettings(await workbook.read()).settings.computedColumns).toContain('Ожидаемый заказ');
  });

  it('is followed by «Ритм»: «пропускает» coloured as cold, «в ритме» plain, blank without a rhythm', async () => {
    const ORDERS_KEEPING = sheet('Заказы', ['Дата', 'ID клиента', 'Сумма'], [date(13, 11, 2026), 'К-3', 100], [date(20, 11, 2026), 'К-3', 100], [date(27, 11, 2026), 'К-3', 100]);
    const workbook = new MemoryWorkbook(book(sheet('Клиенты', ['ID', 'Клиент'], ['К-1', 'Еженедельный'], ['К-2', 'Два заказа'], ['К-3', 'В ритме']), sheet('Заказы', ORDERS.header, ...ORDERS.rows, ...ORDERS_KEEPING.rows)));
    const plan = planAnalysis(await workbook.read(), { asOf: AS_OF });
    await workbook.apply(plan.operations);
    const written = (await workbook.read()).sheets.find((s) => s.name === 'Клиенты')!;
    const expected = written.header.indexOf('Ожидаемый заказ');
    const rhythm = written.header.indexOf('Ритм');
    // К-1: 21 days since the 13th > 2 × 7 → slipping; К-3: 7 days since the 27th, its gap 7 → keeping it.
    expect(rhythm).toBe(expected + 1);
    expect(written.rows.map((row) => row[rhythm] ?? null)).toEqual(['пропускает', null, 'в ритме']);
    const colours = plan.operations.filter((op) => op.kind === 'colourCells' && op.sheet === 'Клиенты' && op.column === rhythm + 1);
    expect(colours).toMatchObject([{ rules: [{ when: { equals: 'пропускает' } }] }]);
  });

  it('leaves a same-named column the user typed as it is, and says so', async () => {
    const clients = sheet('Клиенты', ['ID', 'Клиент', 'Дата ожидаемого заказа'], ['К-1', 'Еженедельный', 'к Новому году'], ['К-2', 'Два заказа', null]);
    const { values, report } = await columnAfterAnalysis(clients, 'Дата ожидаемого заказа');
    expect(values).toEqual(['к Новому году', null]);
    const kept = report.problems.find((p) => p.column === 'Дата ожидаемого заказа')!;
    expect(render(kept.message, 'ru')).toContain('заполнен вами');
  });
});
