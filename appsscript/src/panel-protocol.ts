/**
 * How the sidebar's PanelActions cross google.script.run: method `m` is the server's global function
 * `panel_m`, with the same JSON arguments — except `run`, whose progress listener cannot cross: the
 * sidebar passes a token instead and polls `panelProgress(token)`. A long `run` may need several
 * executions (Apps Script stops each after 6 minutes): `panel_run` then answers `continue` with a job id,
 * and the sidebar calls `panel_continue` until the answer is `done`. Both sides are typed by this mapping,
 * so renaming a PanelActions method or a server function breaks the build.
 */
import type { ActionName, ActionResult, PanelActions } from '../../src/actions/panel';
import type { Progress } from '../../src/workbook/workbook';

export const PANEL_PREFIX = 'panel_';

/** The answer of one execution of a `run`: finished, or stopped at a step to be continued. */
export type RunAnswer = { state: 'done'; result: ActionResult } | { state: 'continue'; jobId: string; progress: Progress };

type ServerSide<K extends keyof PanelActions> = K extends 'run' ? (action: ActionName, progressToken: string | null) => Promise<RunAnswer> : PanelActions[K];

/**
 * What the sidebar's actions leave out (an optional PanelActions method): the new-client check's index
 * would be built by one execution and lost with it, as each server call starts anew.
 */
export const SIDEBAR_LEAVES_OUT = 'prepareNewClientCheck' satisfies keyof PanelActions;

export type ServerMethod = Exclude<keyof PanelActions, typeof SIDEBAR_LEAVES_OUT>;

export type PanelServerFunctions = { [K in ServerMethod as `${typeof PANEL_PREFIX}${K}`]: ServerSide<K> };

export interface ProgressServerFunction {
  panelProgress(token: string): Progress | null;
}

export interface ContinueServerFunction {
  /** Writes the next steps of the pending job `jobId` (started by `panel_run`). */
  panel_continue(jobId: string, progressToken: string | null): Promise<RunAnswer>;
}

export function panelFunctionName<K extends keyof PanelActions>(method: K): `${typeof PANEL_PREFIX}${K}` {
  return `${PANEL_PREFIX}${method}`;
}
