/**
 * The panel's strings in Russian (the default) and English, and how a key and its placeholders become
 * text: `{name}` is filled by `format`, with numbers and plural nouns as the language writes them.
 */
import type { Language } from '../core/model';
import { RU, type MessageKey } from './messages-ru';
import { EN } from './messages-en';
import { fillTemplate } from '../core/messages/template';

export type { MessageKey } from './messages-ru';

const DICTIONARIES: Record<Language, Record<MessageKey, string>> = { ru: RU, en: EN };

export type Vars = Record<string, string | number>;

/**
 * Fill `{name}` placeholders, with numbers and plural nouns (`{name|клиент|клиента|клиентов}`) as the language
 * writes them: the same template renderer as the product's messages (core/messages/template.ts).
 */
export function format(template: string, vars: Vars = {}, language: Language = 'ru'): string {
  return fillTemplate(template, vars, language, (value) => value);
}

export type Translate = (key: MessageKey, vars?: Vars) => string;

export function translator(language: Language): Translate {
  const dictionary = DICTIONARIES[language];
  return (key, vars) => format(dictionary[key], vars, language);
}
