import { useEffect, useState } from 'react';
import { usePanel } from '../context';
import { useBusy, type Shown } from '../hooks/useBusy';
import type { PanelActions } from '../../actions/panel';

export interface Choices {
  services: string[];
  statuses: string[];
  cities: string[];
  managers: string[];
  /** The client types the base uses; empty when it has none yet. */
  types: string[];
  /** The day the base's figures are as of (yyyy-mm-dd); null until it is known. */
  asOf: string | null;
  error: Shown | null;
}

/**
 * Has the host make the new-client check ready (`PanelActions.prepareNewClientCheck`) while the user types.
 * A failure is left to the check itself, which reports it where the user sees it.
 */
export function prepareNewClientCheck(actions: PanelActions): void {
  void actions.prepareNewClientCheck?.().catch(() => undefined);
}

/** The values the Add forms offer: services, statuses, the cities and managers in use, and the base's as-of day. */
export function useChoices(): Choices {
  const { actions } = usePanel();
  const [choices, setChoices] = useState<Omit<Choices, 'error'>>({ services: [], statuses: [], cities: [], managers: [], types: [], asOf: null });
  const { attempt, error } = useBusy();
  useEffect(() => {
    void attempt(async () => {
      const [services, statuses, list] = await Promise.all([actions.services(), actions.statuses(), actions.listClients({}, 0)]);
      setChoices({ services, statuses, cities: list.facets.cities, managers: list.facets.managers, types: list.facets.types, asOf: list.asOf });
      // Asked after the lists, which would otherwise wait behind it: on a big base the check's index takes seconds.
      prepareNewClientCheck(actions);
    });
  }, [actions, attempt]);
  return { ...choices, error };
}
