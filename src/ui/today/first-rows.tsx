import { useState, type ReactNode } from 'react';
import { usePanel } from '../context';
import { useClientRowStyles } from '../clients/ClientsTab';

/** How many rows a «Сегодня» list shows before «show all»: the cold list, or a month's birthdays, of a big base run to hundreds. */
export const SHOWN = 30;

/** The first SHOWN rows of a «Сегодня» list, and the button that shows them all (null when none is hidden). */
export function useFirstRows<T>(items: readonly T[]): { shown: readonly T[]; showAll: ReactNode } {
  const { t } = usePanel();
  const styles = useClientRowStyles();
  const [all, setAll] = useState(false);
  const shown = all ? items : items.slice(0, SHOWN);
  const showAll =
    items.length > shown.length ? (
      <button type="button" className={styles.rowButton} data-testid="today-show-all" onClick={() => setAll(true)}>
        {t('today.showAll', { count: items.length })}
      </button>
    ) : null;
  return { shown, showAll };
}
