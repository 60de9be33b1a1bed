/** What the contact form and the greeting mark refuse, in English. */
import type { RU_HISTORY } from './ru-history';

export const EN_HISTORY: Record<keyof typeof RU_HISTORY, string> = {
  'history.badKind': 'No such kind of contact: "{value}". Choose a call, meeting, letter, message, note or greeting.',
  'history.badNextContact': 'The next contact date is not a date: "{value}".',
  'history.empty': 'Describe the result, the next step or the next contact date.',
  'greeting.noBirthday': 'Client "{client}" has no birthday on the sheet: no greeting was logged.',
};
