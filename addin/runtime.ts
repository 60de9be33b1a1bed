/**
 * What the shared runtime holds once: the workbook over Office.js, the actions the panel and the ribbon
 * both run (so a ribbon run and the panel see the same cached analysis; what the user types meanwhile
 * reaches it through the workbook's change token, gateway/change-watch.ts), and a notice line through
 * which the ribbon tells the open panel what it has done.
 */
import { createActions } from '../src/actions/local';
import type { PanelActions } from '../src/actions/panel';
import type { Language } from '../src/core/model';
import { OfficeWorkbook } from './gateway/office-workbook';

let shared: { workbook: OfficeWorkbook; actions: PanelActions } | null = null;

export function addinRuntime(): { workbook: OfficeWorkbook; actions: PanelActions } {
  if (!shared) {
    const workbook = new OfficeWorkbook();
    shared = { workbook, actions: createActions(workbook) };
  }
  return shared;
}

/** Russian unless Office runs in English. */
export function officeLanguage(): Language {
  const display = typeof Office !== 'undefined' ? Office.context?.displayLanguage ?? '' : '';
  return display.toLowerCase().startsWith('en') ? 'en' : 'ru';
}

export interface Notice {
  kind: 'done' | 'error';
  message: string;
}

type NoticeListener = (notice: Notice) => void;
const listeners = new Set<NoticeListener>();

export function publishNotice(notice: Notice): void {
  listeners.forEach((listener) => listener(notice));
}

/** Returns the function that stops listening. */
export function onNotice(listener: NoticeListener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
