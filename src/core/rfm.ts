/**
 * RFM scoring (docs/ARCHITECTURE.md "RFM"), over the clients with at least one dated order:
 * - thresholds t1..t4 of each measure are its 20/40/60/80 % percentiles, computed like Excel's
 *   PERCENTILE.INC over those clients (or, in the fixed mode, R and F use the bands from the settings;
 *   M always uses percentiles);
 * - F and M score = 1 + the number of thresholds the value exceeds (strictly);
 *   R score = 5 − the number of thresholds the days since the last order exceed;
 * - equal values get equal scores, as the score depends on the value alone.
 * A client whose orders all lack a date has no recency, so it is not scored and does not enter the
 * percentiles.
 *
 * Segments from (R, F), exactly docs/ARCHITECTURE.md's table. It covers all 25 pairs with no overlap:
 *        F1            F2            F3              F4          F5
 *   R1-2 hibernating   hibernating   at_risk         at_risk     cant_lose
 *   R3   about_to_sleep about_to_sleep need_attention loyal     loyal
 *   R4   promising     potential     potential       loyal       loyal
 *   R5   new           potential     potential       champions   champions
 */
import type { Language } from './model';
import { percentileIncSorted } from './percentile';
import type { RfmMode } from './settings';
import type { TrackerRow } from './tracker';

/** The RFM segments, in the order the product lists them. */
export const SEGMENT_KEYS = [
  'champions',
  'loyal',
  'potential_loyalists',
  'new',
  'promising',
  'need_attention',
  'about_to_sleep',
  'at_risk',
  'cant_lose',
  'hibernating',
] as const;
export type SegmentKey = (typeof SEGMENT_KEYS)[number];

export const RFM_PERCENTILES = [0.2, 0.4, 0.6, 0.8] as const;

export interface RfmOptions {
  mode: RfmMode;
  /** Fixed mode: upper bounds in days of R5, R4, R3, R2 (ascending). */
  recencyBands: readonly number[];
  /** Fixed mode: upper bounds in orders of F1, F2, F3, F4 (ascending). */
  frequencyBands: readonly number[];
}

/** The four thresholds of each measure that were used; empty arrays when no client was scored. */
export interface RfmThresholds {
  mode: RfmMode;
  recency: number[];
  frequency: number[];
  monetary: number[];
}

export interface RfmScore {
  r: number;
  f: number;
  m: number;
  /** "R F M" digits, e.g. "545". */
  code: string;
  segment: SegmentKey;
}

export interface RfmResult {
  /** Per client, null for a client that is not scored. */
  scores: Array<RfmScore | null>;
  thresholds: RfmThresholds;
  /** Number of clients scored. */
  scored: number;
}

export type RfmMeasures = Pick<TrackerRow, 'orders' | 'revenue' | 'daysSinceLastOrder'>;

export const SEGMENT_LABELS: Readonly<Record<SegmentKey, { ru: string; en: string }>> = {
  champions: { ru: 'Чемпионы', en: 'Champions' },
  loyal: { ru: 'Лояльные', en: 'Loyal' },
  potential_loyalists: { ru: 'Потенциально лояльные', en: 'Potential loyalists' },
  new: { ru: 'Новички', en: 'New' },
  promising: { ru: 'Перспективные', en: 'Promising' },
  need_attention: { ru: 'Требуют внимания', en: 'Need attention' },
  about_to_sleep: { ru: 'Засыпающие', en: 'About to sleep' },
  at_risk: { ru: 'Под угрозой', en: 'At risk' },
  cant_lose: { ru: 'Нельзя потерять', en: "Can't lose" },
  hibernating: { ru: 'Спящие', en: 'Hibernating' },
};

export function segmentLabel(segment: SegmentKey, language: Language): string {
  return SEGMENT_LABELS[segment][language];
}

/** The segment a cell names, in either language, any case; undefined when it names none. */
export function findSegment(text: string): SegmentKey | undefined {
  const wanted = text.trim().toLowerCase().replace(/ё/g, 'е');
  if (!wanted) return undefined;
  return (Object.keys(SEGMENT_LABELS) as SegmentKey[]).find(
    (key) =>
      key === wanted ||
      SEGMENT_LABELS[key].ru.toLowerCase() === wanted ||
      SEGMENT_LABELS[key].en.toLowerCase() === wanted,
  );
}

/** docs/ARCHITECTURE.md's segment of an (R, F) pair, both 1..5. */
export function rfmSegment(r: number, f: number): SegmentKey {
  if (r <= 2) return f <= 2 ? 'hibernating' : f <= 4 ? 'at_risk' : 'cant_lose';
  if (r === 3) return f <= 2 ? 'about_to_sleep' : f === 3 ? 'need_attention' : 'loyal';
  if (f >= 4) return r === 4 ? 'loyal' : 'champions';
  if (f >= 2) return 'potential_loyalists';
  return r === 4 ? 'promising' : 'new';
}

/** Fixed bands are usable when there are four finite, strictly ascending numbers. */
export function validBands(bands: readonly number[]): boolean {
  return bands.length === 4 && bands.every((b, i) => Number.isFinite(b) && (i === 0 || b > bands[i - 1]));
}

/** Number of thresholds `value` strictly exceeds. */
function exceeded(value: number, thresholds: readonly number[]): number {
  let n = 0;
  for (let i = 0; i < thresholds.length; i++) if (value > thresholds[i]) n++;
  return n;
}

function quartileThresholds(sorted: Float64Array): number[] {
  return RFM_PERCENTILES.map((p) => percentileIncSorted(sorted, p));
}

export function computeRfm(rows: readonly RfmMeasures[], options: RfmOptions): RfmResult {
  const members: number[] = [];
  for (let i = 0; i < rows.length; i++) {
    if (rows[i].orders > 0 && rows[i].daysSinceLastOrder !== null) members.push(i);
  }
  const days = new Float64Array(members.length);
  const orders = new Float64Array(members.length);
  const revenue = new Float64Array(members.length);
  members.forEach((client, k) => {
    days[k] = rows[client].daysSinceLastOrder as number;
    orders[k] = rows[client].orders;
    revenue[k] = rows[client].revenue;
  });
  const fixed = options.mode === 'fixed';
  if (fixed && !(validBands(options.recencyBands) && validBands(options.frequencyBands))) {
    throw new RangeError('fixed RFM bands must be four ascending numbers each');
  }
  const scored = members.length;
  const thresholds: RfmThresholds = {
    mode: options.mode,
    recency: scored === 0 ? [] : fixed ? [...options.recencyBands] : quartileThresholds(days.slice().sort()),
    frequency: scored === 0 ? [] : fixed ? [...options.frequencyBands] : quartileThresholds(orders.slice().sort()),
    monetary: scored === 0 ? [] : quartileThresholds(revenue.slice().sort()),
  };

  const scores: Array<RfmScore | null> = new Array(rows.length).fill(null);
  for (let k = 0; k < scored; k++) {
    const r = 5 - exceeded(days[k], thresholds.recency);
    const f = 1 + exceeded(orders[k], thresholds.frequency);
    const m = 1 + exceeded(revenue[k], thresholds.monetary);
    scores[members[k]] = { r, f, m, code: `${r}${f}${m}`, segment: rfmSegment(r, f) };
  }
  return { scores, thresholds, scored };
}

/** Clients per segment, every key present. */
export function countSegments(scores: ReadonlyArray<RfmScore | null>): Record<SegmentKey, number> {
  const counts = Object.fromEntries(Object.keys(SEGMENT_LABELS).map((k) => [k, 0])) as Record<SegmentKey, number>;
  for (const score of scores) if (score) counts[score.segment]++;
  return counts;
}
