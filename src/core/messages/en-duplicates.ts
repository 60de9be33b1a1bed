/** Why two clients are not one, and what a shared phone or e-mail means, in English. */
import type { RU_DUPLICATES } from './ru-duplicates';

export const EN_DUPLICATES: Record<keyof typeof RU_DUPLICATES, string> = {
  'conflict.differentInn': 'different INN',
  'conflict.differentLegalForm': 'different legal forms',
  'conflict.differentContacts': 'namesakes, each with a phone of their own',
  'conflict.differentPatronymic': 'different patronymics',
  'conflict.differentBirthday': 'different dates of birth',
  'conflict.sharedContact': 'a shared phone or e-mail, but different names',
  'duplicates.notAgreed': 'Do not merge in one click: {first} and {second} are different clients ({why}). Check the group and merge the right rows by hand.',
  'duplicates.sharedContactReason': '{shared}, but different names: different people (a family, an office phone), not a duplicate',
};
