import { useEffect, useState } from 'react';
import { Button, CounterBadge, Dropdown, Field, Option, Text, mergeClasses } from '@fluentui/react-components';
import { BusySpinner } from '../components/BusySpinner';
import type { TodayView } from '../../actions/panel';
import { TODAY_KINDS, TODAY_KIND_TITLES, type TodayItem } from '../../core/today';
import { usePanel } from '../context';
import { useBusy } from '../hooks/useBusy';
import { ErrorBar } from '../components/ErrorBar';
import { useClientRowStyles } from '../clients/ClientsTab';
import { formatDate } from '../format';
import { dayToIso, isoToDay } from '../../core/normalise/date';
import { useLayout } from '../styles';
import { myManager, setMyManager } from '../my-manager';
import { BirthdaysSection } from './BirthdaysSection';
import { useFirstRows } from './first-rows';

/** A manager's day: overdue and today's contacts, cold clients with no next contact, birthdays (with greetings), new clients. */
export function TodayTab() {
  const { actions, t, language, openClient } = usePanel();
  const layout = useLayout();
  const [manager, setManager] = useState<string | null>(myManager);
  const [view, setView] = useState<TodayView | null>(null);
  const loading = useBusy();
  const marking = useBusy();
  const moving = useBusy();
  const { attempt } = loading;

  useEffect(() => {
    void attempt(async () => setView(await actions.today(manager)));
  }, [actions, attempt, manager]);

  const choose = (next: string | null) => {
    setMyManager(next);
    setManager(next);
  };
  const everyone = t('today.everyone');
  // A birthday already congratulated is shown with its mark, not counted as something to do.
  const tasks = view ? view.items.filter((item) => !item.congratulated).length : 0;
  const markCongratulated = (clientId: string) => void marking.attempt(async () => setView(await actions.logGreeting(clientId, manager)));
  // Moving a contact is a note in «История» with the new date: the history keeps each move.
  const moveContact = (item: TodayItem, days: number) =>
    void moving.attempt(async () => {
      if (!view) return;
      await actions.logContact(item.clientId, { kind: 'note', nextContact: dayToIso(isoToDay(view.asOf)! + days), ...(manager ? { manager } : {}) });
      setView(await actions.today(manager));
    });

  return (
    <div className={layout.stack} data-testid="today">
      <Field label={t('today.manager')} hint={t('today.managerHint')}>
        <Dropdown
          className={layout.control}
          data-testid="today-manager"
          value={manager ?? everyone}
          selectedOptions={[manager ?? '']}
          onOptionSelect={(_, data) => choose(data.optionValue ? data.optionValue : null)}
        >
          <Option value="">{everyone}</Option>
          {(view?.managers ?? []).map((name) => (
            <Option key={name} value={name}>
              {name}
            </Option>
          ))}
        </Dropdown>
      </Field>
      <ErrorBar error={loading.error} onDismiss={loading.clearError} />
      <ErrorBar error={marking.error} onDismiss={marking.clearError} />
      <ErrorBar error={moving.error} onDismiss={moving.clearError} />
      {!view && <BusySpinner size="tiny" label={t('common.loading')} />}
      {view && (
        <Text size={200} className={layout.muted} data-testid="today-as-of">
          {t('today.asOf', { date: formatDate(view.asOf, language), count: tasks })}
        </Text>
      )}
      {view && view.items.length === 0 && view.birthdays.length === 0 && <Text data-testid="today-empty">{t('today.empty')}</Text>}
      {view &&
        TODAY_KINDS.map((kind) => {
          // Birthdays get their own section: today, the next 7 days and the rest of the month, with greetings.
          if (kind === 'birthday') {
            return view.birthdays.length > 0 && <BirthdaysSection key={kind} items={view.birthdays} busy={marking.busy} onMark={(item) => markCongratulated(item.clientId)} onOpen={(item) => openClient(item.clientId)} />;
          }
          const items = view.items.filter((item) => item.kind === kind);
          return items.length > 0 && <TodayGroup key={kind} kind={kind} items={items} busy={moving.busy} onOpen={(item) => openClient(item.clientId)} onMove={moveContact} />;
        })}
    </div>
  );
}


/** Days the quick buttons move a next contact by, from the base's day. */
const MOVES = [
  { days: 1, label: 'today.tomorrow' },
  { days: 7, label: 'today.inWeek' },
] as const;

function TodayGroup(props: { kind: TodayItem['kind']; items: TodayItem[]; busy: boolean; onOpen(item: TodayItem): void; onMove(item: TodayItem, days: number): void }) {
  const { kind, items, busy, onOpen, onMove } = props;
  const { t, language } = usePanel();
  const layout = useLayout();
  const styles = useClientRowStyles();
  const { shown, showAll } = useFirstRows(items);
  return (
    <section className={layout.section} data-testid={`today-${kind}`}>
      <div className={layout.row}>
        <h3 className={layout.title}>{TODAY_KIND_TITLES[kind][language]}</h3>
        <CounterBadge count={items.length} overflowCount={9999} color={kind === 'overdue' ? 'danger' : 'brand'} data-testid="today-count" />
      </div>
      <ul className={layout.list}>
        {shown.map((item) => (
          <li key={`${item.clientId}-${kind}`}>
            <button type="button" className={styles.rowButton} data-testid="today-item" data-client-id={item.clientId} onClick={() => onOpen(item)}>
              <span className={mergeClasses(styles.name, layout.truncate)} title={item.client}>
                {item.client}
              </span>
              <span className={mergeClasses(layout.muted, layout.truncate)}>{[item.manager, item.date && formatDate(item.date, language)].filter(Boolean).join(' · ')}</span>
            </button>
            <div className={layout.row}>
              <Button size="small" appearance="subtle" data-testid="today-log" onClick={() => onOpen(item)}>
                {t('today.log')}
              </Button>
              {MOVES.map(({ days, label }) => (
                <Button key={days} size="small" appearance="subtle" data-testid={`today-move-${days}`} title={t('today.moveHint')} disabled={busy} onClick={() => onMove(item, days)}>
                  {t(label)}
                </Button>
              ))}
            </div>
          </li>
        ))}
      </ul>
      {showAll}
    </section>
  );
}
