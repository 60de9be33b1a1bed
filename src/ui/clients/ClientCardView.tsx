import { useEffect, useState } from 'react';
import {
  Button,
  Dropdown,
  Field,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  Option,
  Text,
  Textarea,
  makeStyles,
  mergeClasses,
} from '@fluentui/react-components';
import { BusySpinner } from '../components/BusySpinner';
import type { ClientCard } from '../../actions/panel';
import { rowOfRef } from '../../core/client-ref';
import { usePanel } from '../context';
import { useBusy } from '../hooks/useBusy';
import { ErrorBar } from '../components/ErrorBar';
import { AbcBadge, ColdBadge, SegmentBadge, StatusBadge } from '../components/Badges';
import { TrackerFigures } from '../components/TrackerFigures';
import { useLayout } from '../styles';
import { ClientTimeline } from './ClientTimeline';
import { ContactForm } from './ContactForm';

const useStyles = makeStyles({
  comment: { whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' },
});

/** One client: tracker figures, funnel status (with the suggested move), a contact to log, the timeline, a note. */
export function ClientCardView({ id, onBack }: { id: string; onBack(): void }) {
  const { actions, t } = usePanel();
  const layout = useLayout();
  const styles = useStyles();
  const [card, setCard] = useState<ClientCard | null>(null);
  const [statuses, setStatuses] = useState<string[]>([]);
  const [note, setNote] = useState('');
  const loading = useBusy();
  const saving = useBusy();

  const { attempt: attemptLoad } = loading;
  useEffect(() => {
    void attemptLoad(async () => {
      const [loaded, names] = await Promise.all([actions.getClient(id), actions.statuses()]);
      setCard(loaded);
      setStatuses(names);
    });
  }, [actions, attemptLoad, id]);

  const update = async (work: () => Promise<ClientCard>) => {
    const updated = await saving.attempt(work);
    if (updated) setCard(updated);
    return updated;
  };

  const addNote = async () => {
    const text = note.trim();
    if (!text || !card) return;
    if (await update(() => actions.addNote(card.id, text))) setNote('');
  };

  return (
    <div className={layout.stack} data-testid="client-card">
      <div className={layout.row}>
        <Button size="small" appearance="subtle" data-testid="card-back" onClick={onBack}>
          {t('card.back')}
        </Button>
        {(loading.busy || saving.busy) && <BusySpinner size="extra-tiny" />}
      </div>
      <ErrorBar error={loading.error ?? saving.error} onDismiss={() => [loading, saving].forEach((b) => b.clearError())} />
      {card && (
        <>
          <h2 className={mergeClasses(layout.title, layout.wrap)} data-testid="card-name">
            {card.name}
          </h2>
          <div className={layout.row}>
            <Text className={layout.muted} data-testid="card-id">
              {rowOfRef(card.id) === null ? card.id : t('card.noId', { row: card.row })}
            </Text>
            <StatusBadge status={card.status} />
            <AbcBadge abc={card.abc} />
            <SegmentBadge segment={card.segment} />
            {card.rfm && <Text className={layout.muted}>{`${t('card.rfm')} ${card.rfm}`}</Text>}
            {card.cold && (
              <span data-testid="card-cold">
                <ColdBadge cold />
              </span>
            )}
          </div>
          <Text className={mergeClasses(layout.muted, layout.wrap)}>
            {[card.phone, card.email, card.city].filter(Boolean).join(' · ')}
          </Text>
          <Text className={mergeClasses(layout.muted, layout.wrap)}>
            {[card.manager && `${t('card.manager')}: ${card.manager}`, card.service && `${t('card.service')}: ${card.service}`].filter(Boolean).join(' · ')}
          </Text>
          <TrackerFigures client={card} />

          {card.statusSuggestion && card.statusSuggestion !== card.status && (
            <MessageBar intent="info" data-testid="card-suggestion" layout="multiline">
              <MessageBarBody>{t('card.suggestion', { status: card.statusSuggestion })}</MessageBarBody>
              <MessageBarActions>
                <Button
                  size="small"
                  data-testid="apply-suggestion"
                  disabled={saving.busy}
                  onClick={() => void update(() => actions.setStatus(card.id, card.statusSuggestion as string))}
                >
                  {t('card.apply')}
                </Button>
              </MessageBarActions>
            </MessageBar>
          )}

          <Field label={t('card.status')} size="small" hint={t('card.statusHint')}>
            <Dropdown
              size="small"
              className={layout.control}
              data-testid="card-status"
              disabled={saving.busy}
              value={card.status}
              selectedOptions={card.status ? [card.status] : []}
              onOptionSelect={(_, data) => {
                if (data.optionValue && data.optionValue !== card.status) void update(() => actions.setStatus(card.id, data.optionValue as string));
              }}
            >
              {statuses.map((status) => (
                <Option key={status} value={status}>
                  {status}
                </Option>
              ))}
            </Dropdown>
          </Field>

          <ContactForm
            key={card.id}
            card={card}
            busy={saving.busy}
            log={(kind, result, nextStep, nextContact) => update(() => actions.logContact(card.id, { kind, result, nextStep, nextContact }))}
          />

          <section className={layout.section}>
            <h3 className={layout.title}>{t('history.title')}</h3>
            <ClientTimeline entries={card.timeline} />
          </section>

          <section className={layout.section}>
            {card.comment && (
              <Field label={t('card.comment')} size="small">
                <Text className={styles.comment} data-testid="card-comment">
                  {card.comment}
                </Text>
              </Field>
            )}
            <Field label={t('card.note')} size="small" hint={t('card.noteHint')}>
              <Textarea size="small" resize="vertical" data-testid="card-note" value={note} onChange={(_, data) => setNote(data.value)} />
            </Field>
            <div className={layout.row}>
              <Button size="small" data-testid="add-note" disabled={saving.busy || !note.trim()} onClick={() => void addNote()}>
                {t('card.addNote')}
              </Button>
            </div>
          </section>
        </>
      )}
    </div>
  );
}
