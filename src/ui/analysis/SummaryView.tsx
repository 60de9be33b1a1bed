import { Text, makeStyles, tokens } from '@fluentui/react-components';
import type { AbcClass } from '../../core/abc';
import type { AnalysisSummary } from '../../core/analysis';
import { usePanel } from '../context';
import { formatDate, formatNumber, formatShare } from '../format';
import { useLayout } from '../styles';
import { ABC_FILL, ParetoChart } from './ParetoChart';
import { SegmentChart } from './SegmentChart';

const useStyles = makeStyles({
  bar: { display: 'flex', flexDirection: 'column', rowGap: '2px', minWidth: 0 },
  track: { height: '8px', backgroundColor: tokens.colorNeutralBackground3, borderRadius: tokens.borderRadiusSmall, overflow: 'hidden' },
  fill: { height: '100%', borderRadius: tokens.borderRadiusSmall },
});

/** A labelled horizontal bar; width is a fraction 0..1 of the track. */
function Bar({ label, fraction, colour, testId }: { label: string; fraction: number; colour: string; testId: string }) {
  const styles = useStyles();
  const layout = useLayout();
  const width = `${Math.round(Math.max(0, Math.min(1, fraction)) * 1000) / 10}%`;
  return (
    <div className={styles.bar} data-testid={testId}>
      <Text size={200} className={layout.truncate} title={label}>
        {label}
      </Text>
      <div className={styles.track} role="img" aria-label={label}>
        <div className={styles.fill} style={{ width, backgroundColor: colour }} />
      </div>
    </div>
  );
}

/** The last analysis at a glance: the ABC Pareto chart and shares of revenue, the RFM segments chart, cold clients. */
export function SummaryView({ summary }: { summary: AnalysisSummary }) {
  const { t, language } = usePanel();
  const layout = useLayout();
  const classes: AbcClass[] = ['A', 'B', 'C'];
  return (
    <section className={layout.section} data-testid="summary">
      <h3 className={layout.title}>{t('analysis.summaryTitle')}</h3>
      <Text size={200} className={layout.muted}>
        {t('analysis.asOf', {
          date: formatDate(summary.asOf, language),
          clients: formatNumber(summary.clients, language),
          withOrders: formatNumber(summary.clientsWithOrders, language),
          revenue: formatNumber(summary.revenue, language),
        })}
      </Text>
      <div className={layout.stack} data-testid="abc-shares">
        <Text weight="semibold">{t('analysis.abcTitle')}</Text>
        <ParetoChart summary={summary} />
        {classes.map((cls) => (
          <Bar
            key={cls}
            testId={`abc-bar-${cls}`}
            colour={ABC_FILL[cls]}
            fraction={summary.abc[cls].share}
            label={t('analysis.abcRow', { class: cls, clients: summary.abc[cls].clients, share: formatShare(summary.abc[cls].share, language) })}
          />
        ))}
        <Text size={200} className={layout.muted}>
          {t('analysis.abcNone', { count: formatNumber(summary.abc.none - summary.revenueUnknown, language) })}
        </Text>
        {summary.revenueUnknown > 0 && (
          <Text size={200} className={layout.muted} data-testid="revenue-unknown">
            {t('analysis.revenueUnknown', { count: formatNumber(summary.revenueUnknown, language) })}
          </Text>
        )}
      </div>
      <div className={layout.stack} data-testid="segments">
        <Text weight="semibold">{t('analysis.segmentsTitle')}</Text>
        <SegmentChart summary={summary} />
      </div>
      <Text weight="semibold" data-testid="summary-cold">
        {t('analysis.cold', { count: formatNumber(summary.cold, language) })}
      </Text>
    </section>
  );
}
