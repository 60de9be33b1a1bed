/**
 * PanelActions in the sidebar, over google.script.run: a Proxy turns `actions.m(...args)` into a call of
 * the server's global `panel_m` and a promise of its JSON answer (see panel-protocol.ts). `run` reports
 * progress by polling `panelProgress` with a token while the action runs on the server, and calls
 * `panel_continue` for as long as the server answers that the action must go on in another execution.
 */
import type { ActionResult, PanelActions } from '../../../src/actions/panel';
import type { Progress, ProgressListener } from '../../../src/workbook/workbook';
import { panelFunctionName, SIDEBAR_LEAVES_OUT, type ContinueServerFunction, type ServerMethod, type PanelServerFunctions, type ProgressServerFunction, type RunAnswer } from '../panel-protocol';

/**
 * The server entry's exports this client calls. A server function renamed or retyped against the
 * protocol makes this line fail to compile (the import is type-only: no server code enters the sidebar).
 */
export type ServerFunctions = Pick<typeof import('../server'), keyof PanelServerFunctions | keyof ProgressServerFunction | keyof ContinueServerFunction> &
  PanelServerFunctions &
  ProgressServerFunction &
  ContinueServerFunction;

/** The shape of `google.script.run` this client uses. */
export interface ScriptRun {
  withSuccessHandler(handler: (value: unknown) => void): ScriptRun;
  withFailureHandler(handler: (error: unknown) => void): ScriptRun;
}

export const PROGRESS_POLL_MS = 1500;

export function serverActions(run: () => ScriptRun, pollMs = PROGRESS_POLL_MS): PanelActions {
  function call(name: keyof ServerFunctions, args: unknown[]): Promise<unknown> {
    // google.script.run sends null for undefined; a trailing undefined (an omitted optional) is dropped
    const sent = [...args];
    while (sent.length && sent[sent.length - 1] === undefined) sent.pop();
    return new Promise((resolve, reject) => {
      const runner = run()
        .withSuccessHandler(resolve)
        .withFailureHandler((error) => reject(error instanceof Error ? error : new Error(String(error))));
      (runner as unknown as Record<string, (...a: unknown[]) => void>)[name](...sent);
    });
  }

  async function runWithProgress(action: Parameters<PanelActions['run']>[0], onProgress?: ProgressListener): Promise<ActionResult> {
    const token = onProgress ? `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}` : null;
    const timer =
      onProgress &&
      setInterval(() => {
        call('panelProgress', [token]).then(
          (progress) => progress && onProgress(progress as Progress),
          () => undefined, // a lost poll is harmless: the next one comes
        );
      }, pollMs);
    try {
      let answer = (await call(panelFunctionName('run'), [action, token])) as RunAnswer;
      // each answer is one execution; the server writes at least one step per continuation, so this ends
      while (answer.state === 'continue') {
        onProgress?.(answer.progress);
        answer = (await call('panel_continue', [answer.jobId, token])) as RunAnswer;
      }
      return answer.result;
    } finally {
      if (timer) clearInterval(timer);
    }
  }

  return new Proxy({} as PanelActions, {
    get(_target, method) {
      if (typeof method !== 'string') return undefined;
      if (method === 'run') return runWithProgress;
      if (method === SIDEBAR_LEAVES_OUT) return undefined;
      return (...args: unknown[]) => call(panelFunctionName(method as ServerMethod), args);
    },
  });
}
