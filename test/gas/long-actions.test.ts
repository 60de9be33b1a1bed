/**
 * Long actions over several executions (jobs/runner.ts) on the fake spreadsheet. The budget's clock is
 * the fake's count of setValues calls, each "taking" 20 s unless said otherwise, so where an execution runs
 * out of time is deterministic. The reference for every end state is the same action applied directly by
 * the gateway, in one go.
 */
import { JobSheet } from '../../appsscript/src/jobs/job-sheet';
import { JOB_SHEET } from '../../appsscript/src/gateway/internal-sheets';
import type { RowOperation, RowSlice } from '../../appsscript/src/gateway/row-slices';
import { BUDGET_MS, continueAction, discardAction, JobPendingError, startAction, type JobContext } from '../../appsscript/src/jobs/runner';
import type { RunAnswer } from '../../appsscript/src/panel-protocol';
import { createActions } from '../../src/actions/local';
import type { ActionName, ActionResult } from '../../src/actions/panel';
import { isoToDay } from '../../src/core/normalise/date';
import { generateSampleWorkbook } from '../../src/sample';
import type { WorkbookSnapshot } from '../../src/workbook/snapshot';
import type { Progress } from '../../src/workbook/workbook';
import { FakeLock } from '../fakes/gas/services';
import type { FakeSpreadsheet } from '../fakes/gas/spreadsheet';
import { workbookState } from '../fakes/gas/state';
import { fakeSpreadsheetFrom, gatewayOver } from '../fakes/gas/workbook';
import { render } from '../../src/core/messages/message';

const AS_OF = isoToDay('2026-11-01')!;
const MS_PER_WRITE = 20_000;

interface Host {
  spreadsheet: FakeSpreadsheet;
  lock: FakeLock;
  context: JobContext;
}

function host(snapshot: WorkbookSnapshot, budgetMs?: number, msPerWrite = MS_PER_WRITE): Host {
  const spreadsheet = fakeSpreadsheetFrom(snapshot);
  const lock = new FakeLock();
  const context: JobContext = {
    workbook: gatewayOver(spreadsheet),
    jobs: new JobSheet(spreadsheet.getActiveSpreadsheetProxy()),
    lock,
    language: 'ru',
    now: () => spreadsheet.calls.setValues * msPerWrite,
    budgetMs,
    actions: (workbook) => createActions(workbook, { today: () => AS_OF }),
  };
  return { spreadsheet, lock, context };
}

/** Continues as the sidebar does, until done; every answer, the first one's included. */
async function continueToTheEnd(h: Host, first: RunAnswer, onProgress?: (p: Progress) => void) {
  const answers = [first];
  for (let last = first; last.state === 'continue'; answers.push(last)) last = await continueAction(h.context, last.jobId, onProgress);
  const last = answers[answers.length - 1];
  if (last.state !== 'done') throw new Error('not finished');
  return { result: last.result, answers };
}

/** The action as the sidebar runs it: run, then continue until done; every progress report and answer. */
async function runToTheEnd(h: Host, action: ActionName) {
  const progress: Progress[] = [];
  const onProgress = (p: Progress) => progress.push(p);
  return { ...(await continueToTheEnd(h, await startAction(h.context, action, onProgress), onProgress)), progress };
}

async function direct(snapshot: WorkbookSnapshot, action: ActionName): Promise<{ spreadsheet: FakeSpreadsheet; result: ActionResult }> {
  const spreadsheet = fakeSpreadsheetFrom(snapshot);
  const result = await createActions(gatewayOver(spreadsheet), { today: () => AS_OF }).run(action);
  return { spreadsheet, result };
}

const small = () => generateSampleWorkbook({ clients: 300, orders: 1200 });

describe('a long action over several executions', () => {
  it('on 20,000 clients ends exactly as one uninterrupted run, reporting progress across executions', async () => {
    const big = generateSampleWorkbook({ clients: 20_000, orders: 20_000 });
    // a block of 5,000 rows of the tracker's columns "takes" 45 s: six writes per execution
    const h = host(big, undefined, 45_000);
    const { result, progress, answers } = await runToTheEnd(h, 'tracker');
    const reference = await direct(big, 'tracker');

    expect(answers.length).toBeGreaterThanOrEqual(3);
    expect(result).toEqual(reference.result);
    expect(workbookState(h.spreadsheet)).toEqual(workbookState(reference.spreadsheet));
    expect(h.spreadsheet.getSheetByName(JOB_SHEET)).toBeNull();

    // every execution but the last stops part-way, each further than the one before
    const stops = answers.flatMap((a) => (a.state === 'continue' ? [a.progress] : []));
    expect(stops.length).toBe(answers.length - 1);
    const total = stops[0].total;
    stops.forEach((stop, i) => {
      expect(stop.total).toBe(total);
      expect(stop.done).toBeGreaterThan(i === 0 ? 0 : stops[i - 1].done);
      expect(stop.done).toBeLessThan(total);
    });
    // the writing steps count up to the total through all executions; long columns go in row slices
    const writing = progress.filter((p) => p.total === total);
    writing.slice(1).forEach((p, i) => expect(p.done).toBeGreaterThanOrEqual(writing[i].done));
    expect(writing[writing.length - 1]).toMatchObject({ step: { key: 'step.done' }, done: total });
    expect(writing.map((p) => render(p.step, 'ru'))).toContain('Запись «Клиенты»: строки 5001–10000 из 20\u00a0000');
  }, 120_000);

  it('«all» on a smaller base, a few writes per execution, also ends as one uninterrupted run', async () => {
    const base = small();
    const h = host(base, 3 * MS_PER_WRITE);
    const { result, answers } = await runToTheEnd(h, 'all');
    const reference = await direct(base, 'all');
    expect(answers.length).toBeGreaterThan(5);
    expect(result).toEqual(reference.result);
    expect(workbookState(h.spreadsheet)).toEqual(workbookState(reference.spreadsheet));
  }, 60_000);

  it('an action that fits the budget is written in one execution and stores no job', async () => {
    // ABC writes its sheets in a few blocks of values: at 5 s a block they fit the default budget.
    const h = host(small(), undefined, 5_000);
    const answer = await startAction(h.context, 'abc');
    expect(h.spreadsheet.calls.setValues * 5_000).toBeLessThan(BUDGET_MS);
    expect(answer).toMatchObject({ state: 'done', result: { action: 'abc' } });
    expect(h.spreadsheet.getSheetByName(JOB_SHEET)).toBeNull();
  });
});

describe('the pending job', () => {
  /** A job left after the first execution: the budget runs out after one write. */
  async function pending(action: ActionName = 'tracker') {
    const h = host(small(), 1);
    const answer = await startAction(h.context, action);
    if (answer.state !== 'continue') throw new Error('expected the action to stop part-way');
    return { h, answer };
  }

  it('is kept in a hidden sheet that the gateway does not list or read', async () => {
    const { h } = await pending();
    const sheet = h.spreadsheet.sheets.find((s) => s.name === JOB_SHEET)!;
    expect(sheet.isSheetHidden()).toBe(true);
    expect(await h.context.workbook.sheetNames()).not.toContain(JOB_SHEET);
    expect((await h.context.workbook.read()).sheets.map((s) => s.name)).not.toContain(JOB_SHEET);
  });

  it('refuses a second action with a message that says how to finish or discard the first', async () => {
    const { h, answer } = await pending();
    const writes = h.spreadsheet.calls.setValues;
    const second = startAction(h.context, 'abc');
    await expect(second).rejects.toBeInstanceOf(JobPendingError);
    await expect(second).rejects.toThrow(
      `Действие «Обновить трекер заказов» не закончено: записано частей ${answer.progress.done} из ${answer.progress.total}. ` +
        'Завершите его («Клиентская база → Продолжить прерванное действие») или отмените («Клиентская база → Отменить прерванное действие»), потом запускайте новое.',
    );
    expect(h.spreadsheet.calls.setValues).toBe(writes);
    expect(h.lock.held).toBe(false);
  });

  it('once discarded, lets a new action run; what it wrote stays', async () => {
    const { h, answer } = await pending();
    expect(await discardAction(h.context)).toMatchObject({ id: answer.jobId, action: 'tracker' });
    expect(h.spreadsheet.getSheetByName(JOB_SHEET)).toBeNull();
    expect(await discardAction(h.context)).toBeNull();
    h.context.budgetMs = undefined;
    expect(await startAction(h.context, 'abc')).toMatchObject({ state: 'done' });
  });

  it('continues only under its own id', async () => {
    const { h } = await pending();
    await expect(continueAction(h.context, 'another-job')).rejects.toThrow('Прерванного действия нет: оно уже завершено или отменено.');
  });

  it('after a failed step keeps the error for a retry, and the retry ends as an uninterrupted run', async () => {
    const base = small();
    const { h } = await pending('all');
    const gateway = h.context.workbook;
    const applyRows = gateway.applyRows.bind(gateway);
    let failures = 1;
    gateway.applyRows = (op: RowOperation, slice: RowSlice) => {
      if (failures-- > 0) throw new Error('Service Spreadsheets timed out');
      applyRows(op, slice);
    };
    h.context.budgetMs = undefined;

    const failure = await continueAction(h.context, null).then(() => null, (error: Error) => error.message);
    const [, part] = /^Не удалось записать часть (\d+) из \d+ \(Запись «.+»\): Service Spreadsheets timed out\. Записанное сохранено/.exec(failure ?? '') ?? [];
    expect(part).toBeDefined();
    // the job stands at the failed step: the steps before it are written and counted
    expect(h.context.jobs.state()).toMatchObject({ done: Number(part) - 1, error: 'Service Spreadsheets timed out' });

    const { result } = await continueToTheEnd(h, await continueAction(h.context, null));
    const reference = await direct(base, 'all');
    expect(result).toEqual(reference.result);
    expect(workbookState(h.spreadsheet)).toEqual(workbookState(reference.spreadsheet));
  }, 60_000);

  it('is not touched while another execution holds the document lock', async () => {
    const { h } = await pending();
    h.lock.heldElsewhere = true;
    const before = h.context.jobs.state();
    await expect(continueAction(h.context, null)).rejects.toThrow('В этой таблице уже выполняется другое действие');
    await expect(startAction(h.context, 'abc')).rejects.toThrow('В этой таблице уже выполняется другое действие');
    expect(h.context.jobs.state()).toEqual(before);
  });
});

describe('an action whose result the spreadsheet could not hold', () => {
  it('is refused while rehearsing: nothing written, no job left pending', async () => {
    const h = host(small());
    Object.assign(h.context.workbook, { limits: { host: 'Google Sheets', cells: 5000 } });
    const before = workbookState(h.spreadsheet);
    await expect(startAction(h.context, 'all')).rejects.toThrow(/Google Sheets вмещает 5\s000/);
    expect(workbookState(h.spreadsheet)).toEqual(before);
    expect(h.context.jobs.state()).toBeNull();
  });
});
