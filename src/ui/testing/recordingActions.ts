/**
 * The panel's real actions with two test hooks around every method: each call is recorded (what the
 * panel asked for, in order), and a method can be made to fail with a given message (how the panel
 * shows a workbook's error). Nothing else: the answers are the real actions' own.
 */
import type { PanelActions } from '../../actions/panel';

type Method = keyof PanelActions;

export interface RecordingActions extends PanelActions {
  /** Every call, in order, with its arguments (a progress listener left out). */
  readonly calls: Array<{ method: Method; args: unknown[] }>;
  /** Methods that reject with the given message instead of running. */
  readonly failures: Partial<Record<Method, string>>;
}

export function recordingActions(actions: PanelActions, failures: Partial<Record<Method, string>> = {}): RecordingActions {
  const calls: RecordingActions['calls'] = [];
  const wrapped = {} as Record<Method, (...args: unknown[]) => Promise<unknown>>;
  for (const method of Object.keys(actions) as Method[]) {
    const real = actions[method] as (...args: unknown[]) => Promise<unknown>;
    wrapped[method] = async (...args: unknown[]) => {
      calls.push({ method, args: args.filter((arg) => typeof arg !== 'function') });
      const failure = failures[method];
      if (failure) throw new Error(failure);
      return real(...args);
    };
  }
  return Object.assign(wrapped as unknown as PanelActions, { calls, failures });
}
