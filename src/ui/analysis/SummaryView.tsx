import { Text, makeStyles, tokens } from '@fluentui/react-components';
import type { AbcClass } from '../../core/abc';
import type { AnalysisSummary } from '../../core/analysis';
import { SEGMENT_KEYS } from '../../core/rfm';
import { usePanel } from '../context';
import { formatDate, formatNumber, formatShare } from '../format';
import { SEGMENT_LABELS } from '../labels';
import { useLayout } from '../styles';

const ABC_FILL: Record<AbcClass, string> = { A: tokens.colorPaletteGreenBackground3, B: tokens.colorPaletteYellowBackground3, C: tokens.colorPaletteBlueBorderActive };

const useStyles = makeStyles({
  bar: { display: 'flex', flexDirection: 'column', rowGap: '2px', minWidth: 0 },
  track: { height: '8px', backgroundColor: tokens.colorNeutralBackground3, borderRadius: tokens.borderRadiusSmall, overflow: 'hidden' },
  fill: { height: '100%', borderRadius: tokens.borderRadiusSmall },
  segmentFill: { height: '100%', backgroundColor: tokens.colorBrandBackground, borderRadius: tokens.borderRadiusSmall },
});

/** A labelled horizontal bar; width is a fraction 0..1 of the track. */
function Bar({ label, fraction, colour, testId }: { label: string; fraction: number; colour?: string; testId: string }) {
  const styles = useStyles();
  const layout = useLayout();
  const width = `${Math.round(Math.max(0, Math.min(1, fraction)) * 1000) / 10}%`;
  return (
    <div className={styles.bar} data-testid={testId}>
      <Text size={200} className={layout.truncate} title={label}>
        {label}
      </Text>
      <div className={styles.track} role="img" aria-label={label}>
        <div className={colour ? styles.fill : styles.segmentFill} style={{ width, backgroundColor: colour }} />
      </div>
    </div>
  );
}

/** The last analysis at a glance: ABC shares of revenue, RFM segment sizes, cold clients. */
export function SummaryView({ summary }: { summary: AnalysisSummary }) {
  const { t, language } = usePanel();
  const layout = useLayout();
  const classes: AbcClass[] = ['A', 'B', 'C'];
  const segments = SEGMENT_KEYS.filter((key) => summary.segments[key] > 0);
  const largest = Math.max(1, ...segments.map((key) => summary.segments[key]));
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
        {segments.length === 0 && <Text size={200} className={layout.muted}>{t('analysis.noSegments')}</Text>}
        {segments.map((key) => (
          <Bar
            key={key}
            testId={`segment-${key}`}
            fraction={summary.segments[key] / largest}
            label={`${SEGMENT_LABELS[language][key]}: ${formatNumber(summary.segments[key], language)}`}
          />
        ))}
      </div>
      <Text weight="semibold" data-testid="summary-cold">
        {t('analysis.cold', { count: formatNumber(summary.cold, language) })}
      </Text>
    </section>
  );
}
