import { useEffect, useState } from 'react';
import { usePanel } from '../context';
import { useBusy } from '../hooks/useBusy';

export interface Choices {
  services: string[];
  statuses: string[];
  cities: string[];
  managers: string[];
  error: string | null;
}

/** The values the Add forms offer in their dropdowns: services, statuses, and the cities and managers in use. */
export function useChoices(): Choices {
  const { actions } = usePanel();
  const [choices, setChoices] = useState<Omit<Choices, 'error'>>({ services: [], statuses: [], cities: [], managers: [] });
  const { attempt, error } = useBusy();
  useEffect(() => {
    void attempt(async () => {
      const [services, statuses, list] = await Promise.all([actions.services(), actions.statuses(), actions.listClients({}, 0)]);
      setChoices({ services, statuses, cities: list.facets.cities, managers: list.facets.managers });
    });
  }, [actions, attempt]);
  return { ...choices, error };
}
