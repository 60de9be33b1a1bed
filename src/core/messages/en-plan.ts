/** The plan sheet's problems and the plan-vs-actual result, in English. */
import type { RU_PLAN } from './ru-plan';

export const EN_PLAN: Record<keyof typeof RU_PLAN, string> = {
  'plan.header': '"{header}"',
  'plan.noColumn': 'The sheet "{sheet}" has no column {columns}: the plan is not read. Add a column with that header to the first row.',
  'plan.noManager': 'No manager: this plan row is not counted. Type the manager as the clients sheet has them.',
  'plan.badMonth': '"{value}" is not a month: this plan row is not counted. Type the month as 2026-03, 03.2026, "March 2026" or a date.',
  'plan.badFigure': '"{value}" is not a number: this plan figure is not counted. Type a number of at least zero or leave the cell empty.',
  'planFact.done': 'Plan vs actual: {managers|manager|managers}, {months|month|months} on the sheet "{sheet}".',
  'planFact.template': 'Plan vs actual: {managers|manager|managers}, {months|month|months} on the sheet "{sheet}". The sheet "{plan}" was created: type the plan into it.',
};
