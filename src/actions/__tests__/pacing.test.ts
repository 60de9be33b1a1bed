/**
 * A named action's run over a host that cannot put writes back (the Excel task pane): the user's cancel
 * stops it only before its first write, so the workbook gets the action whole or not at all; and the
 * run gives the event loop turns and one progress bar over the whole action.
 */
import { generateSampleWorkbook, SAMPLE_DEFAULTS } from '../../sample';
import { isoToDay } from '../../core/normalise/date';
import { MemoryWorkbook } from '../../workbook/memory';
import type { Progress } from '../../workbook/workbook';
import { createActions } from '../local';

const TODAY = isoToDay(SAMPLE_DEFAULTS.asOf)!;
const small = () => new MemoryWorkbook(generateSampleWorkbook({ clients: 150, orders: 600 }));

describe('a paced run of a named action', () => {
  it('is stopped by a cancel before its first write, leaving the workbook untouched', async () => {
    const workbook = small();
    const before = workbook.state();
    const controller = new AbortController();
    const run = createActions(workbook, { today: () => TODAY }).run('all', undefined, controller.signal);
    // The run pauses before its first read: the cancel is heard there.
    controller.abort();
    await expect(run).rejects.toMatchObject({ name: 'ActionCancelledError', written: false });
    expect(workbook.state()).toEqual(before);
  });

  it('finishes once writing has begun (a half-written plan could lose data), reporting one bar that only moves on', async () => {
    const workbook = small();
    const controller = new AbortController();
    const progress: Progress[] = [];
    let ticks = 0;
    const timer = setInterval(() => ticks++, 0);
    const writing = (p: Progress) => p.done / p.total > 0.3;
    const result = await createActions(workbook, { today: () => TODAY })
      .run(
        'all',
        (p) => {
          progress.push(p);
          if (writing(p)) controller.abort();
        },
        controller.signal,
      )
      .finally(() => clearInterval(timer));
    expect(controller.signal.aborted).toBe(true);
    expect(result.action).toBe('all');
    expect(workbook.model.map((s) => s.name)).toEqual(expect.arrayContaining(['ABC', 'RFM', 'Дубликаты']));
    // Other work (a timer here, the task pane's rendering in Excel) ran between the steps.
    expect(ticks).toBeGreaterThan(4);
    const shares = progress.map((p) => p.done / p.total);
    expect(shares).toEqual([...shares].sort((a, b) => a - b));
    expect(progress.at(-1)!.done / progress.at(-1)!.total).toBeGreaterThan(0.9);
    expect(new Set(progress.map((p) => p.step)).size).toBeGreaterThan(5);
  });
});
