/**
 * Menu actions, whose only way to talk to the user is an alert. An action that needs more than one
 * execution stops with a message saying how far it got; the user continues it from the menu.
 *
 * Why not continue on a time-based trigger instead: it needs the `script.scriptapp` scope ("run when you
 * are not present"), an add-on's time-based trigger may not run more often than once an hour, and a
 * trigger has no UI to report the result or an error. Continuing from the menu needs no new scope, and
 * each continuation shows where the action stands.
 */
import type { ActionName, ActionResult } from '../../../src/actions/panel';
import { say } from '../../../src/core/base';
import { render } from '../../../src/core/messages/message';
import type { Progress } from '../../../src/workbook/workbook';
import { actionTitle, continueAction, discardAction, pendingMessage, startAction, type JobContext } from '../jobs/runner';
import type { RunAnswer } from '../panel-protocol';
import { MENU_TITLE, menuPath } from '../menu';

type Ui = Pick<GoogleAppsScript.Base.Ui, 'alert' | 'Button' | 'ButtonSet'>;

function partialMessage(progress: Progress, context: JobContext): string {
  const more = menuPath('menuContinue', context.language);
  return say(
    context.language,
    `Записано частей ${progress.done} из ${progress.total}: один запуск в Google Таблицах длится не больше 6 минут. Чтобы дописать остальное, выберите ${more}.`,
    `${progress.done} of ${progress.total} parts written: one run in Google Sheets lasts at most 6 minutes. To write the rest, choose ${more}.`,
  );
}

/** Runs the body and tells the user its outcome; answers the action's result once it is all written. */
async function reported(ui: Ui, context: JobContext, body: () => Promise<RunAnswer | null>): Promise<ActionResult | null> {
  try {
    const answer = await body();
    if (!answer) return null;
    if (answer.state === 'done') {
      ui.alert(render(answer.result.message, context.language));
      return answer.result;
    }
    ui.alert(partialMessage(answer.progress, context));
    return null;
  } catch (error) {
    ui.alert(error instanceof Error ? error.message : String(error));
    return null;
  }
}

/** With a job pending, asks first: Yes finishes it, No discards it and runs the new action, Cancel stops. */
export function runFromMenu(ui: Ui, context: JobContext, action: ActionName): Promise<ActionResult | null> {
  return reported(ui, context, async () => {
    const pending = context.jobs.state();
    if (pending) {
      const title = actionTitle(action, context.language);
      const choices = say(
        context.language,
        `Да — дописать его сейчас. Нет — отменить его и запустить «${title}». Отмена — ничего не делать.`,
        `Yes: finish it now. No: discard it and run "${title}". Cancel: do nothing.`,
      );
      const question = `${pendingMessage(pending, context.language)}\n\n${choices}`;
      const choice = ui.alert(MENU_TITLE[context.language], question, ui.ButtonSet.YES_NO_CANCEL);
      if (choice === ui.Button.YES) return continueAction(context, null);
      if (choice !== ui.Button.NO) return null;
      await discardAction(context);
    }
    return startAction(context, action);
  });
}

/**
 * An action that changes what the user typed (`updateTyped`) runs only after a Yes to a question that
 * says what will happen to the old values.
 */
export function confirmThenRunFromMenu(ui: Ui, context: JobContext, action: ActionName, question: string): Promise<ActionResult | null> {
  const choice = ui.alert(MENU_TITLE[context.language], question, ui.ButtonSet.YES_NO);
  return choice === ui.Button.YES ? runFromMenu(ui, context, action) : Promise.resolve(null);
}

export function continueFromMenu(ui: Ui, context: JobContext): Promise<ActionResult | null> {
  return reported(ui, context, () => continueAction(context, null));
}

export async function discardFromMenu(ui: Ui, context: JobContext): Promise<void> {
  try {
    const discarded = await discardAction(context);
    const title = discarded && actionTitle(discarded.action, context.language);
    ui.alert(
      discarded
        ? say(
            context.language,
            `Действие «${title}» отменено. Его листы могли остаться заполненными не до конца: запустите его снова, чтобы получить их целиком.`,
            `"${title}" is discarded. Its sheets may be left incomplete: run it again to get them whole.`,
          )
        : say(context.language, 'Прерванного действия нет.', 'There is no interrupted action.'),
    );
  } catch (error) {
    ui.alert(error instanceof Error ? error.message : String(error));
  }
}
