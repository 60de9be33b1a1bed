/**
 * The ribbon handlers. They run in the shared runtime (manifest.xml: Runtimes, FunctionFile = the task
 * pane's page), so an analysis runs without the panel being open. When it is done the first sheet it
 * wrote is brought forward (the user sees the result) and the panel, if open, shows the message; a
 * failure opens the panel with the error, since Excel has no other dialog-free way to show text.
 */
import type { ActionName, ActionResult } from '../src/actions/panel';
import { excelCapabilities } from './gateway/requirements';
import { RIBBON_COMMANDS, type RibbonCommand } from './ribbon';
import { addinRuntime, officeLanguage, publishNotice } from './runtime';
import { MessageError, render } from '../src/core/messages/message';

const TOO_OLD = {
  ru: 'Эта версия Excel не поддерживает надстройку (нужен ExcelApi 1.9: Microsoft 365, Excel 2021 или Excel в браузере).',
  en: 'This version of Excel cannot run the add-in (ExcelApi 1.9 is needed: Microsoft 365, Excel 2021 or Excel on the web).',
};

async function runActions(actions: readonly ActionName[]): Promise<ActionResult[]> {
  const { actions: panel } = addinRuntime();
  const results: ActionResult[] = [];
  for (const action of actions) results.push(await panel.run(action));
  return results;
}

/** Run a ribbon command to the end; never throws (the ribbon has nowhere to show an exception). */
export async function runRibbonCommand(command: RibbonCommand): Promise<void> {
  try {
    if (!excelCapabilities().minimum) throw new Error(TOO_OLD[officeLanguage()]);
    const results = await runActions(RIBBON_COMMANDS[command]);
    const sheet = results.flatMap((r) => r.sheets)[0];
    if (sheet) await addinRuntime().workbook.select(sheet, 1);
    publishNotice({ kind: 'done', message: results.map((r) => render(r.message, officeLanguage())).join(' ') });
  } catch (error) {
    const message = error instanceof MessageError ? render(error.detail, officeLanguage()) : error instanceof Error ? error.message : String(error);
    publishNotice({ kind: 'error', message });
    await Office.addin.showAsTaskpane().catch(() => undefined);
  }
}

export function associateRibbonCommands(): void {
  for (const command of Object.keys(RIBBON_COMMANDS) as RibbonCommand[]) {
    Office.actions.associate(command, (event: Office.AddinCommands.Event) => {
      void runRibbonCommand(command).finally(() => event.completed());
    });
  }
}
