import { makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import type { AnalysisSummary } from '../../core/analysis';
import { SEGMENT_KEYS } from '../../core/rfm';
import { usePanel } from '../context';
import { formatShare } from '../format';
import { SEGMENT_LABELS } from '../labels';
import { useLayout } from '../styles';
import { useChartStyles } from './chart-styles';

const CLIENTS_FILL = tokens.colorNeutralForeground4;
const REVENUE_FILL = tokens.colorBrandBackground;

const useStyles = makeStyles({
  clients: { fill: CLIENTS_FILL },
  revenue: { fill: REVENUE_FILL },
  swatch: { display: 'inline-block', width: '10px', height: '10px', marginRight: tokens.spacingHorizontalXS, borderRadius: '2px', verticalAlign: 'baseline' },
});

// The drawing's own units, about a pixel each at the panel's width. Per segment: its name, then two bars.
const WIDTH = 300;
const ROW = 44;
const BAR = 8;
/** Room right of the longest bar for its share («100 %»). */
const BAR_SPACE = WIDTH - 42;

/**
 * RFM segments as bars: per segment, its share of the scored clients and its share of the revenue on one
 * scale, so a segment that brings more than its headcount stands out.
 */
export function SegmentChart({ summary }: { summary: AnalysisSummary }) {
  const { t, language } = usePanel();
  const styles = useStyles();
  const chart = useChartStyles();
  const layout = useLayout();
  const keys = SEGMENT_KEYS.filter((key) => summary.segments[key] > 0);
  if (keys.length === 0) {
    return <p className={chart.empty} data-testid="segments-empty">{t(summary.clientsWithOrders === 0 ? 'analysis.segmentsNoOrders' : 'analysis.noSegments')}</p>;
  }
  const scored = keys.reduce((sum, key) => sum + summary.segments[key], 0);
  const rows = keys.map((key) => ({
    key,
    name: SEGMENT_LABELS[language][key],
    count: summary.segments[key],
    clientShare: summary.segments[key] / scored,
    revenueShare: summary.revenue > 0 ? summary.segmentRevenue[key] / summary.revenue : 0,
  }));
  const largest = Math.max(...rows.flatMap((row) => [row.clientShare, row.revenueShare]));
  const barWidth = (share: number) => Math.max(share > 0 ? 1 : 0, (share / largest) * BAR_SPACE);
  const share = (value: number) => formatShare(value, language);
  const label = t('analysis.segmentChartLabel', {
    list: rows.map((row) => t('analysis.segmentRow', { segment: row.name, count: row.count, share: share(row.revenueShare) })).join('; '),
  });
  return (
    <>
      <div className={mergeClasses(layout.row, layout.muted)} aria-hidden="true">
        <span><span className={styles.swatch} style={{ backgroundColor: CLIENTS_FILL }} />{t('analysis.segmentLegendClients')}</span>
        <span><span className={styles.swatch} style={{ backgroundColor: REVENUE_FILL }} />{t('analysis.segmentLegendRevenue')}</span>
      </div>
      <svg viewBox={`0 0 ${WIDTH} ${rows.length * ROW}`} className={chart.svg} role="img" aria-label={label} data-testid="segment-chart">
        <title>{label}</title>
        {rows.map((row, i) => {
          const top = i * ROW;
          const bars = [
            { className: styles.clients, value: row.clientShare, y: top + 16 },
            { className: styles.revenue, value: row.revenueShare, y: top + 27 },
          ];
          return (
            <g key={row.key} data-testid={`segment-${row.key}`}>
              <text className={mergeClasses(chart.text, chart.strong)} x={0} y={top + 11}>
                {t('analysis.segmentName', { segment: row.name, count: row.count })}
              </text>
              {bars.map((bar) => (
                <g key={bar.y}>
                  <rect className={bar.className} x={0} y={bar.y} width={barWidth(bar.value)} height={BAR} rx={2} data-testid="segment-bar" />
                  <text className={chart.text} x={barWidth(bar.value) + 4} y={bar.y + BAR / 2} dominantBaseline="middle">{share(bar.value)}</text>
                </g>
              ))}
            </g>
          );
        })}
      </svg>
    </>
  );
}
