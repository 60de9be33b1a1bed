import { useEffect, useState } from 'react';
import { usePanel } from '../context';
import { useBusy, type Shown } from '../hooks/useBusy';

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

/** The values the Add forms offer: services, statuses, the cities and managers in use, and the base's as-of day. */
export function useChoices(): Choices {
  const { actions } = usePanel();
  const [choices, setChoices] = useState<Omit<Choices, 'error'>>({ services: [], statuses: [], cities: [], managers: [], types: [], asOf: null });
  const { attempt, error } = useBusy();
  useEffect(() => {
    void attempt(async () => {
      const [services, statuses, list] = await Promise.all([actions.services(), actions.statuses(), actions.listClients({}, 0)]);
      setChoices({ services, statuses, cities: list.facets.cities, managers: list.facets.managers, types: list.facets.types, asOf: list.asOf });
    });
  }, [actions, attempt]);
  return { ...choices, error };
}
