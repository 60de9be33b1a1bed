/**
 * The sidebar's PanelActions over a fake google.script.run: a `run` the server answers in several
 * executions is continued until done, with its progress reported to the panel.
 */
import { serverActions, type ScriptRun } from '../../appsscript/src/client/server-actions';
import type { RunAnswer } from '../../appsscript/src/panel-protocol';
import type { ActionResult } from '../../src/actions/panel';
import type { Progress } from '../../src/workbook/workbook';

type Handler = (...args: unknown[]) => unknown;

/** google.script.run: every call is answered asynchronously by the handler of that server function. */
function fakeScriptRun(handlers: Record<string, Handler>) {
  const calls: Array<{ name: string; args: unknown[] }> = [];
  const run = (): ScriptRun => {
    let succeed: (value: unknown) => void = () => undefined;
    let fail: (error: unknown) => void = () => undefined;
    const runner: ScriptRun = new Proxy({} as ScriptRun, {
      get(_target, name) {
        if (name === 'withSuccessHandler') return (handler: typeof succeed) => ((succeed = handler), runner);
        if (name === 'withFailureHandler') return (handler: typeof fail) => ((fail = handler), runner);
        return (...args: unknown[]) => {
          calls.push({ name: String(name), args });
          setTimeout(() => {
            try {
              succeed(handlers[String(name)](...args));
            } catch (error) {
              fail(error);
            }
          }, 5);
        };
      },
    });
    return runner;
  };
  return { run, calls };
}

const result: ActionResult = { action: 'all', message: { key: 'funnel.done' }, sheets: ['ABC'], problems: [] };
const stop = (done: number): RunAnswer => ({ state: 'continue', jobId: 'job-7', progress: { step: { key: 'step.write', params: { sheet: 'Клиенты' } }, done, total: 9 } });

describe('serverActions().run', () => {
  it('continues a run the server could not finish in one execution, reporting each stop', async () => {
    const answers: RunAnswer[] = [stop(3), stop(6), { state: 'done', result }];
    const host = fakeScriptRun({ panel_run: () => answers.shift(), panel_continue: () => answers.shift(), panelProgress: () => null });
    const progress: Progress[] = [];
    await expect(serverActions(host.run, 1000).run('all', (p) => progress.push(p))).resolves.toEqual(result);

    const [first, ...rest] = host.calls.filter((c) => c.name !== 'panelProgress');
    expect(first.name).toBe('panel_run');
    const token = first.args[1];
    expect(token).toEqual(expect.any(String));
    expect(rest).toEqual([
      { name: 'panel_continue', args: ['job-7', token] },
      { name: 'panel_continue', args: ['job-7', token] },
    ]);
    expect(progress.map((p) => p.done)).toEqual([3, 6]);
  });

  it('continues without a progress token when nobody listens', async () => {
    const answers: RunAnswer[] = [stop(1), { state: 'done', result }];
    const host = fakeScriptRun({ panel_run: () => answers.shift(), panel_continue: () => answers.shift() });
    await expect(serverActions(host.run).run('abc')).resolves.toEqual(result);
    expect(host.calls.map((c) => [c.name, c.args[1]])).toEqual([
      ['panel_run', null],
      ['panel_continue', null],
    ]);
  });

  it('rejects with the server message when a continuation fails, and stops polling', async () => {
    const host = fakeScriptRun({
      panel_run: () => stop(2),
      panel_continue: () => {
        throw new Error('Не удалось записать часть 3 из 9');
      },
      panelProgress: () => ({ step: 'x', done: 2, total: 9 }),
    });
    await expect(serverActions(host.run, 1).run('all', () => undefined)).rejects.toThrow('Не удалось записать часть 3 из 9');
    const polls = host.calls.filter((c) => c.name === 'panelProgress').length;
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(host.calls.filter((c) => c.name === 'panelProgress').length).toBe(polls);
  });
});

describe('serverActions: what the sidebar leaves out', () => {
  it('has no way to make the new-client check ready, so the form never asks the server for it', async () => {
    const { run, calls } = fakeScriptRun({ panel_checkNewClient: () => [] });
    const actions = serverActions(run);
    // Each server call is an execution of its own: an index built by one is gone for the next.
    expect(actions.prepareNewClientCheck).toBeUndefined();
    await expect(actions.checkNewClient({ name: 'Иванов' })).resolves.toEqual([]);
    expect(calls.map((c) => c.name)).toEqual(['panel_checkNewClient']);
  });
});
