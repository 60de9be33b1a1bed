/**
 * The panel's strings in Russian (the default) and English, and how a key and its placeholders become
 * text: `{name}` is filled by `format`.
 */
import type { Language } from '../core/model';
import { RU, type MessageKey } from './messages-ru';
import { EN } from './messages-en';

export type { MessageKey } from './messages-ru';

const DICTIONARIES: Record<Language, Record<MessageKey, string>> = { ru: RU, en: EN };

export type Vars = Record<string, string | number>;

/** Fill `{name}` placeholders; an unknown placeholder stays visible rather than vanishing. */
export function format(template: string, vars: Vars = {}): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole));
}

export type Translate = (key: MessageKey, vars?: Vars) => string;

export function translator(language: Language): Translate {
  const dictionary = DICTIONARIES[language];
  return (key, vars) => format(dictionary[key], vars);
}
