import { makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import type { AbcClass } from '../../core/abc';
import type { AnalysisSummary } from '../../core/analysis';
import type { ParetoPoint } from '../../core/analysis-charts';
import { usePanel } from '../context';
import { formatShare } from '../format';
import { useChartStyles } from './chart-styles';

/** The colour of each ABC class, in the bars of the summary and in the chart. */
export const ABC_FILL: Record<AbcClass, string> = { A: tokens.colorPaletteGreenBackground3, B: tokens.colorPaletteYellowBackground3, C: tokens.colorPaletteBlueBorderActive };

const useStyles = makeStyles({
  barA: { fill: ABC_FILL.A },
  barB: { fill: ABC_FILL.B },
  barC: { fill: ABC_FILL.C },
  curve: { fill: 'none', stroke: tokens.colorBrandForeground1, strokeWidth: 2, strokeLinejoin: 'round' },
  limit: { stroke: tokens.colorNeutralForeground2, strokeWidth: 1, strokeDasharray: '4 3' },
  zoneEdge: { stroke: tokens.colorNeutralStroke1, strokeWidth: 1, strokeDasharray: '2 2' },
});

// The drawing's own units; the SVG scales to the panel's width (≈ 300 px, so a unit is about a pixel).
const WIDTH = 300;
const HEIGHT = 180;
// Left: room for «100 %»; right: for the limits («95 %»).
const PLOT = { left: 40, right: 268, top: 16, bottom: 150 };
const xAt = (clientShare: number) => PLOT.left + clientShare * (PLOT.right - PLOT.left);
const yAt = (revenueShare: number) => PLOT.bottom - revenueShare * (PLOT.bottom - PLOT.top);
/** Limit labels closer than this (one line of text) would overlap. */
const LINE = 12;

interface Bucket {
  from: number;
  to: number;
  /** The bucket's revenue share per client share, relative to the densest bucket (0..1). */
  height: number;
  abc: AbcClass;
}

/** One bar per step of the curve: its clients' revenue, per client, so uneven steps compare fairly. */
function buckets(points: ParetoPoint[], edgeA: number, edgeB: number): Bucket[] {
  const densities = points.slice(1).map(([x, y], i) => (y - points[i][1]) / Math.max(x - points[i][0], 1e-9));
  const densest = Math.max(...densities, 1e-9);
  return densities.map((density, i) => {
    const middle = (points[i][0] + points[i + 1][0]) / 2;
    return { from: points[i][0], to: points[i + 1][0], height: density / densest, abc: middle < edgeA ? 'A' : middle < edgeB ? 'B' : 'C' };
  });
}

/**
 * The ABC Pareto chart: clients ranked by revenue along x, each step's revenue as bars coloured by class,
 * the cumulative share of revenue as a line, dashed lines at the A and B limits the analysis used.
 */
export function ParetoChart({ summary }: { summary: AnalysisSummary }) {
  const { t, language } = usePanel();
  const styles = useStyles();
  const chart = useChartStyles();
  const { pareto: points, abc, abcLimits: limits } = summary;
  if (points.length < 2) {
    return <p className={chart.empty} data-testid="pareto-empty">{t('analysis.paretoEmpty')}</p>;
  }
  const ranked = abc.A.clients + abc.B.clients + abc.C.clients;
  const edgeA = abc.A.clients / ranked;
  const edgeB = (abc.A.clients + abc.B.clients) / ranked;
  const share = (value: number) => formatShare(value, language);
  const label = t('analysis.paretoLabel', {
    a: abc.A.clients,
    ranked,
    aClients: share(edgeA),
    aShare: share(abc.A.share),
    limitA: share(limits.A),
    limitB: share(limits.B),
    b: abc.B.clients,
    bShare: share(abc.B.share),
    c: abc.C.clients,
    cShare: share(abc.C.share),
  });
  const barClass: Record<AbcClass, string> = { A: styles.barA, B: styles.barB, C: styles.barC };
  const zones = (['A', 'B', 'C'] as const).map((cls, i) => ({ cls, from: [0, edgeA, edgeB][i], to: [edgeA, edgeB, 1][i] }));
  const yLimitA = yAt(limits.A);
  const yLimitB = Math.min(yAt(limits.B), yLimitA - LINE);
  return (
    <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} className={chart.svg} role="img" aria-label={label} data-testid="pareto-chart">
      <title>{label}</title>
      {[0, 0.5, 1].map((tick) => (
        <g key={tick}>
          <line className={chart.grid} x1={PLOT.left} x2={PLOT.right} y1={yAt(tick)} y2={yAt(tick)} />
          <text className={chart.text} x={PLOT.left - 4} y={yAt(tick)} textAnchor="end" dominantBaseline="middle">{share(tick)}</text>
          <text className={chart.text} x={xAt(tick)} y={PLOT.bottom + 12} textAnchor={tick === 0 ? 'start' : tick === 1 ? 'end' : 'middle'}>{share(tick)}</text>
        </g>
      ))}
      {buckets(points, edgeA, edgeB).map((bucket) => {
        const x = xAt(bucket.from);
        const width = xAt(bucket.to) - x;
        const inset = width > 3 ? 0.5 : 0;
        const height = bucket.height * (PLOT.bottom - PLOT.top);
        return <rect key={bucket.from} data-testid="pareto-bar" data-abc={bucket.abc} className={barClass[bucket.abc]} x={x + inset} width={width - 2 * inset} y={PLOT.bottom - height} height={height} />;
      })}
      {zones.map(({ cls, from, to }) => (
        <g key={cls}>
          {from > 0 && from < 1 && <line className={styles.zoneEdge} x1={xAt(from)} x2={xAt(from)} y1={PLOT.top} y2={PLOT.bottom} />}
          {xAt(to) - xAt(from) >= LINE && (
            <text className={mergeClasses(chart.text, chart.strong)} x={(xAt(from) + xAt(to)) / 2} y={PLOT.top - 4} textAnchor="middle" data-testid={`pareto-zone-${cls}`}>{cls}</text>
          )}
        </g>
      ))}
      <line className={styles.limit} x1={PLOT.left} x2={PLOT.right} y1={yAt(limits.A)} y2={yAt(limits.A)} data-testid="pareto-limit" />
      <line className={styles.limit} x1={PLOT.left} x2={PLOT.right} y1={yAt(limits.B)} y2={yAt(limits.B)} data-testid="pareto-limit" />
      <text className={chart.text} x={PLOT.right + 4} y={yLimitA} dominantBaseline="middle">{share(limits.A)}</text>
      <text className={chart.text} x={PLOT.right + 4} y={yLimitB} dominantBaseline="middle">{share(limits.B)}</text>
      <polyline className={styles.curve} data-testid="pareto-line" points={points.map(([x, y]) => `${round(xAt(x))},${round(yAt(y))}`).join(' ')} />
      <text className={chart.text} x={(PLOT.left + PLOT.right) / 2} y={HEIGHT - 4} textAnchor="middle">{t('analysis.paretoAxis')}</text>
    </svg>
  );
}

const round = (value: number) => Math.round(value * 10) / 10;
