/**
 * The actions, host-independent: each reads a snapshot through the Workbook port, lets the core plan,
 * and applies the plan. The side panel, the ribbon, the menu and the CLI all run these.
 */
import { NoClientsSheetError, planAnalysis, planAnalysisWrites, type AnalysisPart, type AnalysisReport } from '../core/analysis';
import { readBase, type Base } from '../core/base';
import { checkData } from '../core/check';
import { planFixValues, type FixValuesReport } from '../core/fix-values';
import type { DayNumber, Language, Problem } from '../core/model';
import { checkOrderImport, planOrderImport, type CheckedLines, type OrderImportOptions, type OrderImportReport } from '../core/order-import';
import { planSheetMapping, type SheetColumnMapping, type SourceColumnMapping } from '../core/import/mapping';
import { problemsSheetOperations } from '../core/problems-sheet';
import { keepUsersSheets } from '../core/result-sheets';
import { planTodaySheet, type TodaySheetReport } from '../core/today-sheet';
import { todayDay } from '../core/normalise/date';
import { checkHostLimits } from '../core/host-limits';
import { workbookLanguage } from '../core/schema';
import type { Settings } from '../core/settings';
import { planStructure, type StructureReport } from '../core/structure';
import { wallClockNow, type SheetSnapshot, type WorkbookSnapshot } from '../workbook/snapshot';
import type { ProgressListener, Workbook } from '../workbook/workbook';
import type { SheetOperation } from '../workbook/operations';
import type { Matcher } from './matcher';

export interface RunContext {
  workbook: Workbook;
  /** The as-of date of analyses; today where the code runs by default. */
  asOf?: DayNumber;
  /** Settings to use instead of the workbook's settings sheet. */
  settings?: Settings;
  /** The user confirmed that typed order history the orders have moved on is replaced (archived first). */
  replaceTyped?: boolean;
  /** Analyses report the data check's problems too (the CLI's `analyze` lists what `check` lists). */
  withDataCheck?: boolean;
  onProgress?: ProgressListener;
  /** Where duplicates are matched; in place by default. */
  matcher?: Matcher;
}

export async function readWorkbook(context: RunContext): Promise<WorkbookSnapshot> {
  return context.workbook.read(undefined, context.onProgress);
}

/**
 * Applies a plan made from `snapshot`, unless its result would not fit the host (more rows than Excel
 * holds, more cells than Google Sheets): then `HostLimitError` says where and by how much, and nothing
 * is written. `importing`: the plan imports orders, so the way out offered is to import fewer.
 */
export async function applyPlan(context: RunContext, snapshot: WorkbookSnapshot, operations: SheetOperation[], options: { importing?: boolean } = {}): Promise<void> {
  const { limits } = context.workbook;
  if (limits) checkHostLimits(snapshot, operations, limits, workbookLanguage(snapshot), options.importing);
  await context.workbook.apply(operations, context.onProgress);
}

/**
 * Whether the structure plan still has work that other actions depend on: an ID for every client and
 * an Orders sheet to record orders in.
 */
export function needsStructure(base: Base): boolean {
  if (!base.layout.clients) return false;
  return !base.layout.orders || base.layout.clients.columns.id === undefined || base.clients.some((client) => client.id === null);
}

export async function runStructure(context: RunContext): Promise<StructureReport> {
  const snapshot = await readWorkbook(context);
  const plan = planStructure(snapshot, { settings: context.settings, lastRow: context.workbook.limits?.rows });
  await applyPlan(context, snapshot, plan.operations);
  return plan.report;
}

export interface StructuredBook {
  snapshot: WorkbookSnapshot;
  /** The snapshot's base, when it was read already (a big base is then not parsed again). */
  base?: Base;
}

/**
 * Runs the structure plan only when IDs or the Orders sheet are missing; returns the fresh snapshot.
 * `check`, when given, sees the base before the structure plan changes anything and may refuse by throwing.
 */
export async function ensureStructured(context: RunContext, check?: (base: Base) => void): Promise<StructuredBook> {
  const snapshot = await readWorkbook(context);
  const base = readBase(snapshot, context.settings);
  if (!needsStructure(base)) return { snapshot, base };
  check?.(base);
  const plan = planStructure(snapshot, { settings: context.settings, lastRow: context.workbook.limits?.rows });
  await applyPlan(context, snapshot, plan.operations);
  return { snapshot: await readWorkbook(context) };
}

export interface CheckReport {
  problems: Problem[];
  sheet: string;
  language: Language;
}

/**
 * The data check, written as the problems sheet. A workbook with no clients sheet is refused
 * (NoClientsSheetError): "no problems found" over nothing checked would be a false all-clear.
 */
export async function runCheck(context: RunContext): Promise<CheckReport> {
  const snapshot = await readWorkbook(context);
  const base = readBase(snapshot, context.settings);
  if (!base.layout.clients) throw new NoClientsSheetError(base.layout);
  const found = checkData(base, context.asOf);
  // A sheet of the user's named «Проблемы» stays; the problem saying so is listed with the rest. Where the
  // sheet goes depends on its header alone, so the empty sheet's plan tells.
  const moved = keepUsersSheets(snapshot, problemsSheetOperations([], base.layout.language)).problems;
  const problems = [...moved, ...found];
  const { operations } = keepUsersSheets(snapshot, problemsSheetOperations(problems, base.layout.language));
  await applyPlan(context, snapshot, operations);
  return { problems, sheet: operations[0].sheet, language: base.layout.language };
}

/** The «Сегодня» sheet: every manager's list of whom to contact, as of the context's date. */
export async function runTodaySheet(context: RunContext): Promise<TodaySheetReport> {
  const snapshot = await readWorkbook(context);
  const plan = planTodaySheet(snapshot, context.asOf ?? todayDay(), context.settings);
  await applyPlan(context, snapshot, plan.operations);
  return plan.report;
}

export async function runAnalysis(context: RunContext, parts?: readonly AnalysisPart[]): Promise<AnalysisReport> {
  const { snapshot, base } = await ensureStructured(context);
  const { asOf, settings, replaceTyped, withDataCheck } = context;
  const plan = planAnalysis(snapshot, { asOf, settings, parts, base, replaceTyped, withDataCheck });
  await applyPlan(context, snapshot, plan.operations);
  return plan.report;
}

/**
 * The parts' columns and sheets written, for a caller that shows no figure of them (the tracker after a
 * merge of duplicates or its undo): no report is made. It never replaces a typed value: only the user's own run with their consent does.
 */
export async function refreshAnalysis(context: RunContext, parts: readonly AnalysisPart[]): Promise<void> {
  const { snapshot, base } = await ensureStructured(context);
  const { asOf, settings } = context;
  await applyPlan(context, snapshot, planAnalysisWrites(snapshot, { asOf, settings, parts, base }));
}

/**
 * Orders from another file (a CSV export) appended to the Orders sheet; unknown clients are added.
 * `mapping` names the file's columns its headers do not; `options.since` imports only the lines dated
 * on or after a day. An import whose lines cannot be linked to
 * clients throws `UnlinkedOrdersError` before anything is written; one whose result the host cannot
 * hold throws `HostLimitError`, also before.
 */
export async function runOrderImport(
  context: RunContext,
  source: SheetSnapshot,
  mapping: readonly SourceColumnMapping[] = [],
  options: OrderImportOptions = {},
): Promise<OrderImportReport> {
  let checked: CheckedLines | undefined;
  const { snapshot, base } = await ensureStructured(context, (before) => {
    checked = checkOrderImport(before, source, mapping, options);
  });
  const plan = planOrderImport(snapshot, source, context.settings, base, mapping, options, checked);
  // The file's lines and their links are let go before the rows are written.
  checked = undefined;
  await applyPlan(context, snapshot, [...plan.operations, ...rulesOverAppended(context, snapshot, plan.operations)], { importing: true });
  return plan.report;
}

/**
 * The structure's filter and rules laid again over the rows `operations` append: laid before over the
 * rows the sheets had then, they would leave the new rows unchecked (an import of 1,000,000 lines kept
 * its rules on the first 17,000).
 */
function rulesOverAppended(context: RunContext, snapshot: WorkbookSnapshot, operations: readonly SheetOperation[]): SheetOperation[] {
  const appendedRows = new Map<string, number>();
  for (const op of operations) if (op.kind === 'appendRows') appendedRows.set(op.sheet, (appendedRows.get(op.sheet) ?? 0) + op.rows.length);
  if (appendedRows.size === 0) return [];
  const structure = planStructure(snapshot, { settings: context.settings, lastRow: context.workbook.limits?.rows, appendedRows });
  return structure.operations.filter((op) => op.kind === 'setValidation' || op.kind === 'colourCells' || op.kind === 'formatSheet');
}

/** Stores the user's word on which column of a sheet holds which field in the settings sheet. */
export async function runSheetMapping(context: RunContext, mappings: readonly SheetColumnMapping[]): Promise<void> {
  const snapshot = await readWorkbook(context);
  await applyPlan(context, snapshot, planSheetMapping(snapshot, mappings, wallClockNow()));
}

/**
 * "Fix formats": text dates and amounts made real, the originals archived first (core/fix-values.ts).
 * Runs only on the user's word: the caller asks first. `dryRun` plans and reports without writing.
 */
export async function runFixValues(context: RunContext, dryRun = false): Promise<FixValuesReport> {
  const snapshot = await readWorkbook(context);
  const plan = planFixValues(snapshot, wallClockNow(), context.settings);
  if (!dryRun) await applyPlan(context, snapshot, plan.operations);
  return plan.report;
}
