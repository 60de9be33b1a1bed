/**
 * The sidebar's server functions: each call builds the actions over the active spreadsheet (an execution
 * has no memory of the previous one) and forwards its JSON arguments. `run` is the one that may take longer
 * than an execution: it is given separately (jobs/runner.ts, over several executions).
 */
import type { PanelActions } from '../../../src/actions/panel';
import type { PanelServerFunctions } from '../panel-protocol';
import { encodeMessage, MessageError } from '../../../src/core/messages/message';

export function panelServerFunctions(actions: () => PanelActions, run: PanelServerFunctions['panel_run']): PanelServerFunctions {
  return keepingMessages({
    // google.script.run turns an omitted argument into null; the default limit wants undefined
    panel_listClients: (filter, limit) => actions().listClients(filter, limit ?? undefined),
    panel_today: (manager) => actions().today(manager),
    panel_getClient: (id) => actions().getClient(id),
    panel_selectClient: (row) => actions().selectClient(row),
    panel_showInSheet: (filter) => actions().showInSheet(filter),
    panel_setStatus: (id, status) => actions().setStatus(id, status),
    panel_addNote: (id, note) => actions().addNote(id, note),
    panel_logContact: (id, contact) => actions().logContact(id, contact),
    panel_logGreeting: (id, manager) => actions().logGreeting(id, manager),
    panel_campaign: (request) => actions().campaign(request),
    panel_statuses: () => actions().statuses(),
    panel_services: () => actions().services(),
    panel_checkNewClient: (client) => actions().checkNewClient(client),
    panel_addClient: (client) => actions().addClient(client),
    panel_recordOrder: (order) => actions().recordOrder(order),
    panel_run: run,
    panel_duplicateGroups: () => actions().duplicateGroups(),
    panel_merge: (groupId, keepId) => actions().merge(groupId, keepId),
    panel_undoMerge: (undoToken) => actions().undoMerge(undoToken),
    panel_dismissGroup: (groupId) => actions().dismissGroup(groupId),
    panel_getSettings: () => actions().getSettings(),
    panel_saveSettings: (settings) => actions().saveSettings(settings),
    panel_layout: () => actions().layout(),
    panel_setMapping: (sheet, field, header) => actions().setMapping(sheet, field, header),
  });
}

/**
 * google.script.run hands the sidebar only a failure's text: a product message goes along as JSON behind
 * its text (message.ts `encodeMessage`), so the sidebar says it in its own language.
 */
export function keepingMessages<T extends object>(functions: T): T {
  const kept: Record<string, unknown> = {};
  for (const [name, call] of Object.entries(functions) as Array<[string, (...args: unknown[]) => Promise<unknown>]>) {
    kept[name] = async (...args: unknown[]) => {
      try {
        return await call(...args);
      } catch (error) {
        if (error instanceof MessageError) throw new Error(`${error.message}\n${encodeMessage(error.detail)}`);
        throw error;
      }
    };
  }
  return kept as T;
}
