/** What the contact form refuses, in English. */
import type { RU_HISTORY } from './ru-history';

export const EN_HISTORY: Record<keyof typeof RU_HISTORY, string> = {
  'history.badKind': 'No such kind of contact: "{value}". Choose a call, meeting, letter, message or note.',
  'history.badNextContact': 'The next contact date is not a date: "{value}".',
  'history.empty': 'Describe the result, the next step or the next contact date.',
};
