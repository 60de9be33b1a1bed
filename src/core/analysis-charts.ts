/**
 * What the side panel's charts need from an analysis, small enough to cross any host's protocol
 * (Google's `google.script.run` included): the Pareto curve of client revenue, downsampled, and the
 * revenue of each RFM segment. Pure; the summary (analysis-report.ts) carries both.
 */
import { SEGMENT_KEYS, type SegmentKey } from './rfm';
import { cleanSum } from './tracker';

/** A point of the Pareto curve: [share of clients, share of revenue], both 0..1. */
export type ParetoPoint = [clientShare: number, revenueShare: number];

/** At most this many steps (so one point more): enough for a panel a few hundred pixels wide. */
export const PARETO_STEPS = 100;

/** Shares are kept to 4 decimals (0.01 %): finer than a pixel, and the summary stays small. */
const roundShare = (share: number) => Math.round(share * 10_000) / 10_000;

/**
 * The cumulative share of revenue against the share of clients, clients with a positive revenue ranked
 * by it descending (as ABC ranks them), from (0, 0) to (1, 1). With more clients than `steps` the curve
 * is sampled at `steps` evenly spaced client counts; empty when nobody has revenue.
 */
export function paretoCurve(revenues: readonly number[], steps: number = PARETO_STEPS): ParetoPoint[] {
  const ranked = revenues.filter((revenue) => revenue > 0).sort((a, b) => b - a);
  const n = ranked.length;
  if (n === 0) return [];
  const cumulative = [0];
  for (const revenue of ranked) cumulative.push(cleanSum(cumulative[cumulative.length - 1] + revenue));
  const total = cumulative[n];
  const shown = Math.min(n, steps);
  const points: ParetoPoint[] = [];
  for (let i = 0; i <= shown; i++) {
    const k = Math.round((i * n) / shown);
    points.push([roundShare(k / n), roundShare(cumulative[k] / total)]);
  }
  return points;
}

/** Revenue per RFM segment; clients without a segment count in none. */
export function segmentRevenue(clients: ReadonlyArray<{ segment: SegmentKey | null; revenue: number }>): Record<SegmentKey, number> {
  const sums = Object.fromEntries(SEGMENT_KEYS.map((key) => [key, 0])) as Record<SegmentKey, number>;
  for (const client of clients) if (client.segment) sums[client.segment] += client.revenue;
  for (const key of SEGMENT_KEYS) sums[key] = cleanSum(sums[key]);
  return sums;
}
