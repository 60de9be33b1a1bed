import { useCallback, useEffect, useState } from 'react';
import { Button, Combobox, Dropdown, Field, Input, Option, Textarea } from '@fluentui/react-components';
import type { ClientCard, ClientSummary } from '../../actions/panel';
import { usePanel } from '../context';
import { useBusy } from '../hooks/useBusy';
import { useDebounced } from '../hooks/useDebounced';
import { useRemembered } from '../hooks/useRemembered';
import { DoneBar, ErrorBar, WarningBar } from '../components/ErrorBar';
import { TrackerFigures } from '../components/TrackerFigures';
import { parseAmount } from '../../core/normalise/amount';
import { formatDate, todayIso } from '../format';
import { useLayout } from '../styles';

/** How many clients the picker offers for what has been typed. */
const PICKER_SIZE = 20;

interface Draft {
  /** What is typed in the client picker. */
  query: string;
  /** The picked client; cleared as soon as the typing changes. */
  clientId: string;
  service: string;
  amount: string;
  /** Empty until the user picks one: the form then offers the base's as-of day. */
  date: string;
  number: string;
  comment: string;
}

const emptyDraft = (): Draft => ({ query: '', clientId: '', service: '', amount: '', date: '', number: '', comment: '' });

/**
 * `asOf`: the day the base's figures are as of. The date offered is that day, not the calendar's: in the
 * sample (as of its own date) an order of today would be written and left out of every figure.
 */
export function OrderForm({ services, asOf }: { services: string[]; asOf: string | null }) {
  const { actions, language, t } = usePanel();
  const layout = useLayout();
  const [draft, setDraft] = useRemembered<Draft>('add.order', emptyDraft);
  const [matches, setMatches] = useState<ClientSummary[]>([]);
  const [saved, setSaved] = useState<{ card: ClientCard; notCounted?: string } | null>(null);
  const searching = useBusy();
  const saving = useBusy();

  const query = useDebounced(draft.query.trim());
  const { attempt: attemptSearch } = searching;
  useEffect(() => {
    let current = true;
    void attemptSearch(async () => {
      const list = await actions.listClients(query ? { search: query } : {}, PICKER_SIZE);
      if (current) setMatches(list.clients);
    });
    return () => {
      current = false;
    };
  }, [actions, attemptSearch, query]);

  const set = (patch: Partial<Draft>) => {
    setSaved(null);
    setDraft((previous) => ({ ...previous, ...patch }));
  };

  // The same reading of typed money as the workbook's amounts get (`1 234,56 ₽`, `1.234,56`, `150 руб.`).
  const amount = parseAmount(draft.amount).amount;
  const amountInvalid = draft.amount.trim() !== '' && amount === null;
  const date = draft.date || asOf || todayIso();
  // ISO dates compare as text. Such an order is written all the same; the user is told it does not count yet.
  const afterAsOf = asOf !== null && date > asOf ? t('order.afterAsOf', { date: formatDate(date, language), asOf: formatDate(asOf, language) }) : undefined;

  const save = async () => {
    if (!draft.clientId) return saving.fail(t('order.clientRequired'));
    if (amount === null) return saving.fail(t('order.amountInvalid', { value: draft.amount }));
    if (!date) return saving.fail(t('order.dateRequired'));
    const card = await saving.attempt(() =>
      actions.recordOrder({
        clientId: draft.clientId,
        service: draft.service,
        amount,
        date,
        ...(draft.number.trim() && { number: draft.number.trim() }),
        ...(draft.comment.trim() && { comment: draft.comment.trim() }),
      }),
    );
    if (!card) return;
    // Keep the client and the date: several orders of one client are often entered in a row.
    setDraft((previous) => ({ ...previous, date, amount: '', number: '', comment: '' }));
    setSaved({ card, notCounted: afterAsOf });
  };

  // The figures appear below the fold of a short task pane: bring them into view once, when they appear.
  const scrollIntoView = useCallback((element: HTMLDivElement | null) => element?.scrollIntoView?.({ block: 'nearest' }), []);

  const label = (client: ClientSummary) => [client.name, client.phone || client.city].filter(Boolean).join(' · ');

  return (
    <div className={layout.stack}>
      <h2 className={layout.title}>{t('order.title')}</h2>
      <Field label={t('order.client')} required size="small">
        <Combobox
          // freeform: names have spaces, and without it Space picks the highlighted client mid-word.
          freeform
          size="small"
          className={layout.control}
          data-testid="order-client"
          placeholder={t('order.clientPlaceholder')}
          value={draft.query}
          selectedOptions={draft.clientId ? [draft.clientId] : []}
          onChange={(event) => set({ query: event.target.value, clientId: '' })}
          onOptionSelect={(_, data) => {
            const picked = matches.find((client) => client.id === data.optionValue);
            if (picked) set({ clientId: picked.id, query: picked.name });
          }}
        >
          {matches.map((client) => (
            <Option key={client.id} value={client.id} text={client.name} title={label(client)}>
              {label(client)}
            </Option>
          ))}
        </Combobox>
      </Field>
      <Field label={t('order.service')} size="small">
        <Dropdown
          size="small"
          className={layout.control}
          data-testid="order-service"
          value={draft.service}
          selectedOptions={draft.service ? [draft.service] : []}
          onOptionSelect={(_, data) => set({ service: data.optionValue ?? '' })}
        >
          {services.map((service) => (
            <Option key={service}>{service}</Option>
          ))}
        </Dropdown>
      </Field>
      <div className={layout.grid}>
        <Field
          label={t('order.amount')}
          required
          size="small"
          hint={amountInvalid ? undefined : t('order.amountHint')}
          validationMessage={amountInvalid ? t('order.amountInvalid', { value: draft.amount }) : undefined}
        >
          <Input size="small" inputMode="decimal" className={layout.control} data-testid="order-amount" value={draft.amount} onChange={(_, data) => set({ amount: data.value })} />
        </Field>
        <Field label={t('order.date')} required size="small" validationState={afterAsOf ? 'warning' : 'none'} validationMessage={afterAsOf}>
          <Input size="small" type="date" className={layout.control} data-testid="order-date" value={date} onChange={(_, data) => set({ date: data.value })} />
        </Field>
      </div>
      <Field label={t('order.number')} size="small">
        <Input size="small" className={layout.control} data-testid="order-number" value={draft.number} onChange={(_, data) => set({ number: data.value })} />
      </Field>
      <Field label={t('order.comment')} size="small">
        <Textarea size="small" resize="vertical" data-testid="order-comment" value={draft.comment} onChange={(_, data) => set({ comment: data.value })} />
      </Field>
      <ErrorBar error={saving.error ?? searching.error} onDismiss={() => [saving, searching].forEach((b) => b.clearError())} />
      {saved && (
        <div className={layout.stack} data-testid="order-saved" ref={scrollIntoView}>
          <DoneBar message={t('order.saved', { name: saved.card.name })} testId="order-saved-message" />
          {saved.notCounted && <WarningBar message={saved.notCounted} testId="order-not-counted" />}
          <TrackerFigures client={saved.card} />
        </div>
      )}
      <div className={layout.row}>
        <Button appearance="primary" size="small" data-testid="save-order" disabled={saving.busy} onClick={() => void save()}>
          {t('order.save')}
        </Button>
      </div>
    </div>
  );
}
