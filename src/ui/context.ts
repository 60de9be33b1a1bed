/** What every component of the panel may reach: the host's actions and the strings of the chosen language. */
import { createContext, useContext } from 'react';
import type { Language } from '../core/model';
import type { PanelActions } from '../actions/panel';
import type { Translate } from './i18n';

export type Host = 'excel' | 'sheets' | 'browser';

export interface PanelContextValue {
  actions: PanelActions;
  language: Language;
  host: Host;
  t: Translate;
  /** Values that outlive a tab switch (filters, drafts, the last analysis), keyed by component. */
  memory: Map<string, unknown>;
  /** Switch to the Clients tab with this client's card open (from a duplicate warning, say). */
  openClient(id: string): void;
}

export const PanelContext = createContext<PanelContextValue | null>(null);

export function usePanel(): PanelContextValue {
  const value = useContext(PanelContext);
  if (!value) throw new Error('usePanel() outside <ClientBasePanel>');
  return value;
}
