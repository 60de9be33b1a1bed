import { startTransition, useEffect, useMemo, useRef, useState } from 'react';
import { Button, InfoLabel, Text, makeStyles, tokens, mergeClasses } from '@fluentui/react-components';
import { BusySpinner } from '../components/BusySpinner';
import type { ClientFacets, ClientFilter, ClientList, ClientSummary } from '../../actions/panel';
import { usePanel } from '../context';
import { useBusy } from '../hooks/useBusy';
import { useDebounced } from '../hooks/useDebounced';
import { useRemembered } from '../hooks/useRemembered';
import { DoneBar, ErrorBar } from '../components/ErrorBar';
import { AbcBadge, ColdBadge, SegmentBadge, StatusBadge } from '../components/Badges';
import { formatDate, formatNumber } from '../format';
import { useLayout } from '../styles';
import { ClientFilters, EMPTY_FILTER_FORM, toClientFilter, type FilterForm } from './ClientFilters';
import { ClientCardView } from './ClientCardView';
import { CARD_MEMORY_KEY } from './memory';
import { myManager } from '../my-manager';

/** How many clients the list shows at first and adds per "show more". */
export const PAGE_SIZE = 100;

const NO_FACETS: ClientFacets = { cities: [], industries: [], statuses: [], managers: [], types: [] };

/** A client as one clickable row of a list (the clients list, «Сегодня»). */
export const useClientRowStyles = makeStyles({
  rowButton: {
    display: 'flex',
    flexDirection: 'column',
    alignItems: 'stretch',
    width: '100%',
    minWidth: 0,
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
    textAlign: 'left',
    cursor: 'pointer',
    font: 'inherit',
    color: 'inherit',
    ':hover': { backgroundColor: tokens.colorNeutralBackground1Hover },
  },
  name: { fontWeight: tokens.fontWeightSemibold },
  // A page of the list is 100 rows, of which a dozen are in view: the browser lays out and paints the others
  // only when they scroll near (a row is 66 px, 86 with a second line of badges). The first layout of the
  // list took 140 ms of the page's thread as a 20,000-client file opened.
  item: { contentVisibility: 'auto', containIntrinsicSize: 'auto 66px' },
});

export function ClientsTab() {
  const [cardId, setCardId] = useRemembered<string | null>(CARD_MEMORY_KEY, null);
  if (cardId) return <ClientCardView id={cardId} onBack={() => setCardId(null)} />;
  return <ClientFinder onOpen={(client) => setCardId(client.id)} />;
}

function ClientFinder({ onOpen }: { onOpen(client: ClientSummary): void }) {
  const { actions, t, language } = usePanel();
  const layout = useLayout();
  const styles = useClientRowStyles();
  // The list opens on the clients of the manager using the panel (chosen on «Сегодня»), and follows that choice.
  const me = myManager();
  const [form, setForm] = useRemembered<FilterForm>('clients.filter', () => ({ ...EMPTY_FILTER_FORM, managers: me ? [me] : [] }));
  const [filteredFor, setFilteredFor] = useRemembered<string | null>('clients.filteredFor', me);
  const [limit, setLimit] = useRemembered('clients.limit', PAGE_SIZE);
  useEffect(() => {
    if (filteredFor === me) return;
    setFilteredFor(me);
    setForm((previous) => ({ ...previous, managers: me ? [me] : [] }));
    setLimit(PAGE_SIZE);
  }, [filteredFor, me, setFilteredFor, setForm, setLimit]);
  const [list, setList] = useRemembered<ClientList | null>('clients.list', null);
  const [sheetNote, setSheetNote] = useState<string | null>(null);
  const loading = useBusy();
  const sheet = useBusy();
  const selecting = useBusy();

  const search = useDebounced(form.search);
  const filter = useMemo(() => toClientFilter(form, search), [form, search]);
  // The filter's JSON, so that an equal filter built anew does not ask the workbook again.
  const filterKey = JSON.stringify(filter);

  // Only the answer to the latest request may land: typing fast sends several.
  const latest = useRef(0);
  const { attempt: attemptLoad } = loading;
  useEffect(() => {
    const request = ++latest.current;
    void attemptLoad(async () => {
      const answer = await actions.listClients(JSON.parse(filterKey) as ClientFilter, limit);
      // Drawn as a transition: React draws a long list in slices between frames, so the page keeps painting.
      if (request === latest.current) startTransition(() => setList(answer));
    });
  }, [actions, attemptLoad, filterKey, limit, setList]);

  const changeForm = (next: FilterForm) => {
    setForm(next);
    setLimit(PAGE_SIZE);
  };

  const showInSheet = async (only: boolean) => {
    setSheetNote(null);
    const done = await sheet.attempt(async () => {
      await actions.showInSheet(only ? filter : null);
      return true;
    });
    if (done) setSheetNote(t(only ? 'clients.sheetFiltered' : 'clients.sheetReset'));
  };

  const open = (client: ClientSummary) => {
    onOpen(client);
    // Moving the sheet's selection is a courtesy; the card opens either way.
    void selecting.attempt(() => actions.selectClient(client.row));
  };

  return (
    <div className={layout.stack}>
      <ClientFilters form={form} facets={list?.facets ?? NO_FACETS} onChange={changeForm} />
      {me && form.managers.length === 1 && form.managers[0] === me && (
        <Text size={200} className={layout.muted} data-testid="my-clients">
          {t('clients.myClients', { manager: me })}
        </Text>
      )}
      <ErrorBar error={loading.error ?? sheet.error ?? selecting.error} onDismiss={() => [loading, sheet, selecting].forEach((b) => b.clearError())} />
      <div className={layout.row}>
        <Text weight="semibold" data-testid="client-count" aria-live="polite">
          {list ? t('clients.count', { matching: formatNumber(list.matching, language), total: formatNumber(list.total, language) }) : t('common.loading')}
        </Text>
        {loading.busy && <BusySpinner size="extra-tiny" />}
        {list && (
          <Text size={200} className={layout.muted} data-testid="as-of">
            {t('clients.asOf', { date: formatDate(list.asOf, language) })}
          </Text>
        )}
        {list && <InfoLabel size="small" info={t('clients.asOfHint')} aria-label={t('clients.asOfHint')} />}
      </div>
      <div className={layout.row}>
        <Button size="small" appearance="primary" data-testid="show-in-sheet" disabled={sheet.busy || !list} onClick={() => void showInSheet(true)}>
          {t('clients.showInSheet')}
        </Button>
        <Button size="small" data-testid="reset-sheet-filter" disabled={sheet.busy} onClick={() => void showInSheet(false)}>
          {t('clients.resetSheet')}
        </Button>
        <InfoLabel size="small" info={t('clients.showInSheetHint')} aria-label={t('clients.showInSheetHint')} />
      </div>
      <DoneBar message={sheetNote} testId="sheet-filter-done" />
      {list && list.matching === 0 && <Text className={layout.muted}>{t('clients.empty')}</Text>}
      <ul className={layout.list} data-testid="client-list">
        {list?.clients.map((client) => (
          <li key={client.id || client.row} className={styles.item}>
            <button type="button" className={styles.rowButton} data-testid="client-row" data-client-id={client.id} onClick={() => open(client)}>
              <span className={mergeClasses(styles.name, layout.truncate)} title={client.name}>
                {client.name}
              </span>
              <span className={mergeClasses(layout.muted, layout.truncate)} title={[client.city, client.phone, client.email].filter(Boolean).join(' · ')}>
                {[client.city, client.phone || client.email].filter(Boolean).join(' · ')}
              </span>
              <span className={layout.row}>
                <StatusBadge status={client.status} />
                <AbcBadge abc={client.abc} />
                <SegmentBadge segment={client.segment} />
                <ColdBadge cold={client.cold} />
              </span>
            </button>
          </li>
        ))}
      </ul>
      {list && list.clients.length < list.matching && (
        <div className={layout.row}>
          <Text className={layout.muted}>{t('clients.shownOf', { shown: formatNumber(list.clients.length, language) })}</Text>
          <Button size="small" data-testid="show-more" disabled={loading.busy} onClick={() => setLimit(limit + PAGE_SIZE)}>
            {t('clients.showMore')}
          </Button>
        </div>
      )}
    </div>
  );
}
