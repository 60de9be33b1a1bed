/**
 * A message for the user as a key and its parameters (JSON), so that whoever shows it renders it in its
 * own language: the panel in the panel's, a sheet in the workbook's. Parameters that are user data (sheet
 * names, headers, values, client names) are shown as typed; a parameter may itself be a message.
 */
import type { Language } from '../model';
import { fillTemplate } from './template';
import { RU, type MessageKey } from './ru';
import { EN } from './en';

export type { MessageKey } from './ru';

/** The product's own words for a thing (a field's header, the status names) in each language. */
export interface Wording {
  ru: string;
  en: string;
}

/** A list of messages reads as its items joined by «; ». */
export type MessageParam = string | number | Message | Message[] | Wording;

export interface Message {
  key: MessageKey;
  params?: Record<string, MessageParam>;
}

const CATALOGS: Record<Language, Record<MessageKey, string>> = { ru: RU, en: EN };

export function message(key: MessageKey, params?: Record<string, MessageParam>): Message {
  return params ? { key, params } : { key };
}

export function isMessage(value: unknown): value is Message {
  return typeof value === 'object' && value !== null && typeof (value as Message).key === 'string' && (value as Message).key in RU;
}

/** The message in `language`; numbers and plural nouns as the language writes them. */
export function render(shown: Message, language: Language): string {
  return fillTemplate(CATALOGS[language][shown.key], shown.params ?? {}, language, (value) => shownParam(value, language));
}

function shownParam(value: MessageParam, language: Language): string | number {
  if (Array.isArray(value)) return value.map((item) => render(item, language)).join('; ');
  if (typeof value !== 'object') return value;
  return 'key' in value ? render(value, language) : value[language];
}

/** A failure the user is to read: carries its message, and reads in the workbook's language where no other is known (a log, the CLI). */
export class MessageError extends Error {
  constructor(
    readonly detail: Message,
    language: Language,
  ) {
    super(render(detail, language));
    this.name = 'MessageError';
  }
}

/**
 * A failure's message across a boundary that keeps only text (google.script.run): the message as JSON
 * behind a marker, read back by `decodeMessage`.
 */
const MARKER = 'message:';

export function encodeMessage(detail: Message): string {
  return MARKER + JSON.stringify(detail);
}

export function decodeMessage(text: string): Message | null {
  const at = text.indexOf(MARKER);
  if (at < 0) return null;
  try {
    const parsed: unknown = JSON.parse(text.slice(at + MARKER.length));
    return isMessage(parsed) ? parsed : null;
  } catch {
    return null;
  }
}
