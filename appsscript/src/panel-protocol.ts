/**
 * How the sidebar's PanelActions cross google.script.run: method `m` is the server's global function
 * `panel_m`, with the same JSON arguments — except `run`, whose progress listener cannot cross: the
 * sidebar passes a token instead and polls `panelProgress(token)`. Both sides are typed by this mapping,
 * so renaming a PanelActions method or a server function breaks the build.
 */
import type { ActionName, ActionResult, PanelActions } from '../../src/actions/panel';
import type { Progress } from '../../src/workbook/workbook';

export const PANEL_PREFIX = 'panel_';

type ServerSide<K extends keyof PanelActions> = K extends 'run' ? (action: ActionName, progressToken: string | null) => Promise<ActionResult> : PanelActions[K];

export type PanelServerFunctions = { [K in keyof PanelActions as `${typeof PANEL_PREFIX}${K}`]: ServerSide<K> };

export interface ProgressServerFunction {
  panelProgress(token: string): Progress | null;
}

export function panelFunctionName<K extends keyof PanelActions>(method: K): `${typeof PANEL_PREFIX}${K}` {
  return `${PANEL_PREFIX}${method}`;
}
