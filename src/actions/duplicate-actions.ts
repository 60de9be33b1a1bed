/**
 * Duplicates as actions: the search (the «Дубликаты» sheet and the group column), the panel's group
 * list, a merge that archives first, its undo, and "not duplicates" marks. Merges change the base, so
 * the tracker is refreshed.
 */
import { readBase } from '../core/base';
import { reasonMessage } from '../core/duplicates/evidence';
import { message, MessageError } from '../core/messages/message';
import { matchRequest } from '../core/duplicates/match-request';
import { disagreementMessage, planDuplicates, sharedContactMessage, type DuplicatesReport } from '../core/duplicates/plan';
import { dismissedSheetName, planDismiss } from '../core/duplicates/dismissed';
import { planMerge, planUndoMerge } from '../core/duplicates/merge';
import { normaliseCity } from '../core/normalise/city';
import type { Language } from '../core/model';
import { readSettings } from '../core/settings-sheet';
import type { Workbook } from '../workbook/workbook';
import type { ActionResult, DuplicateGroupView, DuplicateGroupsView, DuplicateMember, PanelActions } from './panel';
import { applyPlan, ensureStructured, type RunContext } from './runners';

/** Finds the duplicate groups and writes them (IDs are filled first, so groups name clients by ID). */
export async function runDuplicates(context: RunContext): Promise<DuplicatesReport & { language: Language }> {
  const structured = await ensureStructured(context);
  const { snapshot } = structured;
  const base = structured.base ?? readBase(snapshot, context.settings);
  const matches = await context.matcher?.match(matchRequest(snapshot, base));
  const plan = planDuplicates(snapshot, { settings: context.settings, base, matches });
  await applyPlan(context, snapshot, plan.operations);
  return { ...plan.report, language: context.settings?.language ?? readSettings(snapshot).settings.language };
}

export async function runDuplicateSearch(context: RunContext): Promise<ActionResult> {
  const report = await runDuplicates(context);
  const groups = report.groups.length;
  return {
    action: 'duplicates',
    message: groups === 0 ? message('duplicates.none') : message('duplicates.found', { groups, clients: report.duplicateClients }),
    sheets: report.sheet ? [report.sheet] : [],
    problems: report.problems,
  };
}

export interface DuplicateActionsHost {
  context: () => RunContext;
  /** Forget what was read: the workbook is about to change. */
  invalidate: () => void;
  refreshTracker: () => Promise<void>;
}

type DuplicatePanelActions = Pick<PanelActions, 'duplicateGroups' | 'merge' | 'undoMerge' | 'dismissGroup'>;

export function duplicateActions(workbook: Workbook, host: DuplicateActionsHost): DuplicatePanelActions {
  async function groups(): Promise<{ report: DuplicatesReport; views: DuplicateGroupsView }> {
    const context = host.context();
    const structured = await ensureStructured(context);
    const { snapshot } = structured;
    host.invalidate();
    const base = structured.base ?? readBase(snapshot);
    const byRow = new Map(base.clients.map((client) => [client.row, client]));
    const matches = await context.matcher?.match(matchRequest(snapshot, base));
    const { report } = planDuplicates(snapshot, { base, matches });
    const membersOf = (rows: readonly number[], ids: readonly string[]): DuplicateMember[] =>
      rows.map((row, i) => {
        const client = byRow.get(row)!;
        return { row, id: ids[i], name: client.name, phone: client.phone, email: client.email, city: normaliseCity(client.city) };
      });
    const groupViews = report.groups.map((group) => ({
      id: group.id,
      reason: reasonMessage(group.reasons),
      score: group.score,
      suggestedKeep: group.suggestedKeep,
      whyNoMerge: group.disagreement && disagreementMessage(group.disagreement),
      evidence: group.evidence,
      members: membersOf(group.rows, group.members),
    }));
    const sharedContacts = report.sharedContacts.map((shared) => ({
      id: shared.id,
      reason: sharedContactMessage(shared.reasons),
      members: membersOf(shared.rows, shared.members),
    }));
    return { report, views: { groups: groupViews, sharedContacts } };
  }

  async function findGroup(groupId: string): Promise<DuplicateGroupView> {
    const group = (await groups()).views.groups.find((g) => g.id === groupId);
    if (!group) throw new MessageError(message('duplicates.groupMissing', { group: groupId }), host.context().settings?.language ?? 'ru');
    return group;
  }

  return {
    async duplicateGroups() {
      return (await groups()).views;
    },

    async merge(groupId, keepId) {
      const group = await findGroup(groupId);
      const snapshot = await workbook.read();
      const plan = planMerge(snapshot, { members: group.members.map((m) => m.id), keep: keepId, date: new Date() });
      host.invalidate();
      await applyPlan(host.context(), snapshot, plan.operations);
      await host.refreshTracker();
      return { message: plan.report.message, undoToken: plan.report.token };
    },

    async undoMerge(undoToken) {
      const snapshot = await workbook.read();
      const plan = planUndoMerge(snapshot, undoToken, new Date());
      host.invalidate();
      await applyPlan(host.context(), snapshot, plan.operations);
      await host.refreshTracker();
      // The cells and orders the undo left as the user has them, to be settled by hand.
      return { action: 'duplicates', message: plan.report.message, sheets: [], problems: plan.report.problems };
    },

    async dismissGroup(groupId) {
      const group = await findGroup(groupId);
      const snapshot = await workbook.read();
      const language = host.context().settings?.language ?? readSettings(snapshot).settings.language;
      const plan = planDismiss(snapshot, group.members, language, new Date());
      host.invalidate();
      await applyPlan(host.context(), snapshot, plan.operations);
      // the «Дубликаты» sheet and the group column are rewritten without the dismissed group
      const search = await runDuplicateSearch(host.context());
      const marked = dismissedSheetName(language);
      return {
        action: 'duplicates',
        message: message('duplicates.dismissed', { group: groupId, sheet: marked, search: search.message }),
        sheets: [marked, ...search.sheets],
        problems: search.problems,
      };
    },
  };
}
