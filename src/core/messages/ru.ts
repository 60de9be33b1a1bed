/** Every message of the product in Russian, by area; its keys are the keys of every other language. */
import { RU_ACTIONS } from './ru-actions';
import { RU_FORMS } from './ru-forms';
import { RU_IMPORT } from './ru-import';
import { RU_HISTORY } from './ru-history';
import { RU_PROBLEMS } from './ru-problems';
import { RU_DUPLICATES } from './ru-duplicates';
import { RU_CAMPAIGN } from './ru-campaign';
import { RU_PLAN } from './ru-plan';
import { RU_SPLIT } from './ru-split';

export const RU = { ...RU_ACTIONS, ...RU_PROBLEMS, ...RU_FORMS, ...RU_IMPORT, ...RU_DUPLICATES, ...RU_HISTORY, ...RU_CAMPAIGN, ...RU_PLAN, ...RU_SPLIT };

export type MessageKey = keyof typeof RU;
