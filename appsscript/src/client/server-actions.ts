/**
 * PanelActions in the sidebar, over google.script.run: a Proxy turns `actions.m(...args)` into a call of
 * the server's global `panel_m` and a promise of its JSON answer (see panel-protocol.ts). `run` reports
 * progress by polling `panelProgress` with a token while the action runs on the server.
 */
import type { PanelActions } from '../../../src/actions/panel';
import type { ProgressListener } from '../../../src/workbook/workbook';
import { panelFunctionName, type PanelServerFunctions, type ProgressServerFunction } from '../panel-protocol';

/**
 * The server entry's exports this client calls. A server function renamed or retyped against the
 * protocol makes this line fail to compile (the import is type-only: no server code enters the sidebar).
 */
export type ServerFunctions = Pick<typeof import('../server'), keyof PanelServerFunctions | keyof ProgressServerFunction> &
  PanelServerFunctions &
  ProgressServerFunction;

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

  async function runWithProgress(action: Parameters<PanelActions['run']>[0], onProgress?: ProgressListener) {
    if (!onProgress) return call(panelFunctionName('run'), [action, null]);
    const token = `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;
    const timer = setInterval(() => {
      call('panelProgress', [token]).then(
        (progress) => progress && onProgress(progress as Parameters<ProgressListener>[0]),
        () => undefined, // a lost poll is harmless: the next one comes
      );
    }, pollMs);
    try {
      return await call(panelFunctionName('run'), [action, token]);
    } finally {
      clearInterval(timer);
    }
  }

  return new Proxy({} as PanelActions, {
    get(_target, method) {
      if (typeof method !== 'string') return undefined;
      if (method === 'run') return runWithProgress;
      return (...args: unknown[]) => call(panelFunctionName(method as keyof PanelActions), args);
    },
  });
}
