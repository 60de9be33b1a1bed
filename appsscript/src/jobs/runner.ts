/**
 * Actions that respect Apps Script's 6 minutes per execution.
 *
 * An action first runs whole against an in-memory copy of the spreadsheet (rehearsal.ts), which gives its
 * result and the operations to write. They are then written step by step (job.ts) while the execution's
 * time budget lasts. What is left becomes the pending job, stored in the spreadsheet (job-sheet.ts), and
 * the next execution (`continueAction`: the sidebar calls it at once, the menu offers it) writes on from
 * there. Everything runs under the document lock, and a document has at most one pending job: a new action
 * is refused until the pending one is finished or discarded, since its plan was made from a spreadsheet
 * that the pending writes have not finished changing.
 *
 * Once a job is stored, its state is saved after every step, so an execution that is cut off anyway
 * repeats at most the step it was in. Nearly every step is a positional write, safe to repeat (an
 * appendRows' first row is fixed and saved before its first slice for that reason); a repeated addChart
 * would add its chart twice.
 */
import { createActions } from '../../../src/actions/local';
import type { ActionName, PanelActions } from '../../../src/actions/panel';
import { say } from '../../../src/core/base';
import { render } from '../../../src/core/messages/message';
import type { Language } from '../../../src/core/model';
import type { ProgressListener, Workbook } from '../../../src/workbook/workbook';
import type { JobStore } from './job-sheet';
import type { RowOperation, RowSlice } from '../gateway/row-slices';
import type { RunAnswer } from '../panel-protocol';
import { MENU_ITEMS, menuPath } from '../menu';
import { advance, isFinished, newJob, nextStep, stepLabel, withoutWritten, type Job, type JobState } from './job';
import { RehearsalWorkbook } from './rehearsal';

/**
 * Of the 6 minutes an execution has: the rest covers the step under way when the budget runs out (at most
 * ROWS_PER_STEP rows) and storing the job.
 */
export const BUDGET_MS = 270_000;

/** Wait at most this long for another execution (an action, an onEdit update) to finish. */
export const JOB_LOCK_WAIT_MS = 10_000;

/** The gateway's part a job needs: whole operations, slices of long ones. */
export interface JobWorkbook extends Workbook {
  applyRows(op: RowOperation, slice: RowSlice): void;
  appendRowOf(sheet: string): number;
}

export interface JobContext {
  workbook: JobWorkbook;
  jobs: JobStore;
  lock: Pick<GoogleAppsScript.Lock.Lock, 'tryLock' | 'releaseLock'>;
  language: Language;
  /** The clock of the budget, in milliseconds; the budget starts when an action or continuation does. */
  now: () => number;
  budgetMs?: number;
  newId?: () => string;
  /** The actions over a workbook (createActions; tests fix «today»). */
  actions?: (workbook: Workbook) => PanelActions;
}

/** A new action was asked for while another one's writes are pending. */
export class JobPendingError extends Error {
  constructor(
    message: string,
    readonly pending: JobState,
  ) {
    super(message);
  }
}

export function actionTitle(action: ActionName, language: Language): string {
  const item = MENU_ITEMS.find((i) => i?.action === action);
  return item ? item[language] : action;
}

export function pendingMessage(pending: JobState, language: Language): string {
  const title = actionTitle(pending.action, language);
  const [finish, discard] = [menuPath('menuContinue', language), menuPath('menuDiscard', language)];
  return say(
    language,
    `Действие «${title}» не закончено: записано частей ${pending.done} из ${pending.total}. Завершите его (${finish}) или отмените (${discard}), потом запускайте новое.`,
    `"${title}" is not finished: ${pending.done} of ${pending.total} parts written. Finish it (${finish}) or discard it (${discard}) before starting another.`,
  );
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

const randomId = () => `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;

async function underLock<T>(context: JobContext, body: () => Promise<T>): Promise<T> {
  if (!context.lock.tryLock(JOB_LOCK_WAIT_MS)) {
    throw new Error(say(context.language, 'В этой таблице уже выполняется другое действие. Попробуйте через минуту.', 'Another action is running in this spreadsheet. Try again in a minute.'));
  }
  try {
    return await body();
  } finally {
    context.lock.releaseLock();
  }
}

/**
 * Writes steps of the job until it is finished or the budget is spent. `stored`: the job is in the store
 * already (a continuation), so each step saves its state; a first execution stores the job only when it
 * has to stop. A continuation writes at least one step, so a run of continuations always ends.
 */
async function writeSteps(context: JobContext, job: Job, stored: boolean, startedAt: number, onProgress?: ProgressListener): Promise<RunAnswer> {
  const budget = context.budgetMs ?? BUDGET_MS;
  let steps = 0;
  const keep = () => {
    if (stored) context.jobs.saveState(job.state);
    else {
      job = withoutWritten(job);
      context.jobs.save(job);
      stored = true;
    }
  };
  while (!isFinished(job)) {
    const next = nextStep(job);
    const step = stepLabel(next.op, next.slice);
    if (context.now() - startedAt >= budget && (steps > 0 || !stored)) {
      keep();
      const progress = { step, done: job.state.done, total: job.state.total };
      onProgress?.(progress);
      return { state: 'continue', jobId: job.state.id, progress };
    }
    onProgress?.({ step, done: job.state.done, total: job.state.total });
    try {
      if (next.slice) {
        if (next.op.kind === 'appendRows' && next.slice.appendAt === undefined) {
          next.slice.appendAt = job.state.cursor.appendAt = context.workbook.appendRowOf(next.op.sheet);
          if (stored) context.jobs.saveState(job.state);
        }
        context.workbook.applyRows(next.op, next.slice);
      } else await context.workbook.apply([next.op]);
    } catch (error) {
      job.state.error = errorText(error);
      keep();
      const [retry, discard] = [menuPath('menuContinue', context.language), menuPath('menuDiscard', context.language)];
      const part = render(step, context.language);
      throw new Error(
        say(
          context.language,
          `Не удалось записать часть ${job.state.done + 1} из ${job.state.total} (${part}): ${job.state.error}. Записанное сохранено: повторите (${retry}) или отмените (${discard}).`,
          `Part ${job.state.done + 1} of ${job.state.total} (${part}) could not be written: ${job.state.error}. What is written is kept: retry (${retry}) or discard it (${discard}).`,
        ),
      );
    }
    advance(job, next.slice);
    steps++;
    if (stored && !isFinished(job)) context.jobs.saveState(job.state);
  }
  if (stored) context.jobs.remove();
  onProgress?.({ step: { key: 'step.done' }, done: job.state.total, total: job.state.total });
  return { state: 'done', result: job.result };
}

/** Runs a named action; refused (JobPendingError) while another action's job is pending. */
export async function startAction(context: JobContext, action: ActionName, onProgress?: ProgressListener): Promise<RunAnswer> {
  const startedAt = context.now();
  return underLock(context, async () => {
    const pending = context.jobs.state();
    if (pending) throw new JobPendingError(pendingMessage(pending, context.language), pending);
    const rehearsal = new RehearsalWorkbook(await context.workbook.read(undefined, onProgress), context.workbook.limits);
    const result = await (context.actions ?? createActions)(rehearsal).run(action);
    const job = newJob((context.newId ?? randomId)(), action, result, rehearsal.operations);
    return writeSteps(context, job, false, startedAt, onProgress);
  });
}

/** Writes on the pending job; `jobId`, when given, must be that job's (the sidebar's own job). */
export async function continueAction(context: JobContext, jobId: string | null, onProgress?: ProgressListener): Promise<RunAnswer> {
  const startedAt = context.now();
  return underLock(context, async () => {
    const job = context.jobs.load();
    if (!job || (jobId !== null && job.state.id !== jobId)) {
      throw new Error(say(context.language, 'Прерванного действия нет: оно уже завершено или отменено.', 'There is no interrupted action: it was finished or discarded.'));
    }
    delete job.state.error;
    return writeSteps(context, job, true, startedAt, onProgress);
  });
}

/** Forgets the pending job; what it has written stays. Answers the job forgotten, or null. */
export async function discardAction(context: JobContext): Promise<JobState | null> {
  return underLock(context, async () => {
    const pending = context.jobs.state();
    context.jobs.remove();
    return pending;
  });
}
