import { Text, makeStyles, tokens } from '@fluentui/react-components';
import type { TimelineEntry } from '../../core/client-timeline';
import { usePanel } from '../context';
import { formatDate, formatNumber } from '../format';
import type { MessageKey, Translate } from '../i18n';
import { useLayout } from '../styles';

const useStyles = makeStyles({
  timeline: { display: 'grid', gridTemplateColumns: 'auto minmax(0, 1fr) auto', columnGap: tokens.spacingHorizontalS, rowGap: tokens.spacingVerticalXXS, fontSize: tokens.fontSizeBase200 },
  amount: { textAlign: 'right', whiteSpace: 'nowrap' },
  what: { display: 'flex', flexDirection: 'column', minWidth: 0, overflowWrap: 'anywhere' },
  label: { fontWeight: tokens.fontWeightSemibold },
});

/** `yyyy-mm-dd` or `yyyy-mm-ddThh:mm` as the language writes a date, the time after it. */
function formatMoment(when: string | null, language: Parameters<typeof formatDate>[1]): string {
  if (!when) return '—';
  const [date, time] = when.split('T');
  return time ? `${formatDate(date, language)} ${time}` : formatDate(date, language);
}

/** What an entry is, in the panel's language: the kind of contact, a status move, an order. */
function entryLabel(entry: TimelineEntry, t: Translate): string {
  if (entry.type === 'contact') return entry.kind ? t(`history.kind.${entry.kind}` as MessageKey) : entry.title;
  if (entry.type === 'status') return t('history.status');
  return t(entry.type === 'order' ? 'history.order' : 'history.typedOrder');
}

/** The client's contacts, status moves and orders, newest first. */
export function ClientTimeline({ entries }: { entries: readonly TimelineEntry[] }) {
  const { t, language } = usePanel();
  const layout = useLayout();
  const styles = useStyles();
  if (entries.length === 0) return <Text className={layout.muted}>{t('history.none')}</Text>;
  return (
    <div className={styles.timeline} data-testid="card-history">
      {entries.map((entry) => {
        const lines = entry.type === 'contact' ? [entry.detail, entry.nextStep && `${t('history.nextStep')}: ${entry.nextStep}`] : [entry.type === 'order' ? entry.title : '', entry.type === 'status' ? entry.title : ''];
        if (entry.nextContact) lines.push(t('history.nextOn', { date: formatDate(entry.nextContact, language) }));
        return (
          <div key={`${entry.type}-${entry.row}`} style={{ display: 'contents' }} data-testid={`timeline-${entry.type}`}>
            <span>{formatMoment(entry.when, language)}</span>
            <span className={styles.what}>
              <span className={styles.label}>{[entryLabel(entry, t), entry.manager].filter(Boolean).join(' · ')}</span>
              {lines.filter(Boolean).map((line, i) => (
                <span key={i}>{line}</span>
              ))}
            </span>
            <span className={styles.amount}>{entry.amount === null ? '' : formatNumber(entry.amount, language)}</span>
          </div>
        );
      })}
    </div>
  );
}
