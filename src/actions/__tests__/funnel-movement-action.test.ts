/** The one-click «Воронка: движение»: writes its sheet, logs a status typed in the table once, and says both in one sentence. */
import { isoToDay } from '../../core/normalise/date';
import { render } from '../../core/messages/message';
import { MOVEMENT_AS_OF, movementWorkbook } from '../../core/__tests__/movement-fixture';
import { MemoryWorkbook } from '../../workbook/memory';
import { runNamedAction } from '../named-actions';

describe('the funnel-movement action', () => {
  it('writes «Воронка — движение» and «История», and says how many months and how many status changes were seen', async () => {
    const snapshot = movementWorkbook();
    // Бета moved to Зелёный (seen); typed back to Жёлтый by hand since.
    snapshot.sheets[0].rows[1][3] = 'Жёлтый';
    const workbook = new MemoryWorkbook(snapshot);
    const context = { workbook, asOf: isoToDay(MOVEMENT_AS_OF)! };
    const result = await runNamedAction(context, 'funnelMovement');
    expect(result.sheets).toEqual(expect.arrayContaining(['Воронка — движение', 'История']));
    expect(render(result.message, 'ru')).toBe('Движение воронки за 3 месяца — на листе «Воронка — движение»; смен статуса, замеченных в таблице и записанных в «Историю»: 1.');
    expect(render(result.message, 'en')).toBe('Funnel movement over 3 months is on the sheet "Воронка — движение"; status changes seen in the table and logged to the history: 1.');
    const again = await runNamedAction(context, 'funnelMovement');
    expect(render(again.message, 'ru')).toMatch(/: 0\.$/);
    const after = await workbook.read();
    expect(after.sheets.find((s) => s.name === 'Клиенты')!.rows[1][3]).toBe('Жёлтый');
  });
});
