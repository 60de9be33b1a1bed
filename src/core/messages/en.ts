/** Every message of the product in English: typed by the Russian catalog, so a key missing here fails the build. */
import type { MessageKey } from './ru';
import { EN_ACTIONS } from './en-actions';
import { EN_FORMS } from './en-forms';
import { EN_IMPORT } from './en-import';
import { EN_HISTORY } from './en-history';
import { EN_PROBLEMS } from './en-problems';
import { EN_DUPLICATES } from './en-duplicates';
import { EN_CAMPAIGN } from './en-campaign';
import { EN_PLAN } from './en-plan';
import { EN_SPLIT } from './en-split';

export const EN: Record<MessageKey, string> = { ...EN_ACTIONS, ...EN_PROBLEMS, ...EN_FORMS, ...EN_IMPORT, ...EN_DUPLICATES, ...EN_HISTORY, ...EN_CAMPAIGN, ...EN_PLAN, ...EN_SPLIT };
