/**
 * The ribbon's ExecuteFunction buttons: each FunctionName of manifest.xml and the actions it runs, in
 * order. The manifest test checks that this table and the manifest name the same functions.
 */
import type { ActionName } from '../src/actions/panel';

export const RIBBON_COMMANDS = {
  structureBase: ['structure'],
  findDuplicates: ['duplicates'],
  updateTracker: ['tracker'],
  runAbc: ['abc'],
  runRfm: ['rfm'],
  runReports: ['funnel', 'funnelMovement', 'managers', 'planFact'],
  runClientValue: ['clientValue', 'abcXyz', 'cohorts'],
  todayList: ['today'],
} as const satisfies Record<string, readonly ActionName[]>;

export type RibbonCommand = keyof typeof RIBBON_COMMANDS;
