import { makeStyles, tokens } from '@fluentui/react-components';
import type { ClientSummary } from '../../actions/panel';
import { usePanel } from '../context';
import { formatDate, formatNumber } from '../format';
import type { MessageKey } from '../i18n';

const useStyles = makeStyles({
  figures: { display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(120px, 1fr))', gap: tokens.spacingHorizontalS, margin: 0 },
  figure: { display: 'flex', flexDirection: 'column', minWidth: 0 },
  term: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
  value: { margin: 0, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold, overflowWrap: 'anywhere' },
});

/** The order tracker's figures for one client: orders, revenue, first/last order, days since. */
export function TrackerFigures({ client }: { client: ClientSummary & { firstOrder?: string | null } }) {
  const { t, language } = usePanel();
  const styles = useStyles();
  const figures: Array<[MessageKey, string, string]> = [
    ['card.orders', 'card-orders', formatNumber(client.orders, language)],
    ['card.revenue', 'card-revenue', formatNumber(client.revenue, language)],
    ['card.firstOrder', 'card-first-order', formatDate(client.firstOrder ?? null, language)],
    ['card.lastOrder', 'card-last-order', formatDate(client.lastOrder, language)],
    ['card.daysSince', 'card-days-since', client.daysSinceLastOrder === null ? '—' : formatNumber(client.daysSinceLastOrder, language)],
  ];
  return (
    <dl className={styles.figures} data-testid="tracker-figures">
      {figures.map(([label, testId, value]) => (
        <div className={styles.figure} key={testId}>
          <dt className={styles.term}>{t(label)}</dt>
          <dd className={styles.value} data-testid={testId}>
            {value}
          </dd>
        </div>
      ))}
    </dl>
  );
}
