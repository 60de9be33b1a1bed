/**
 * ABC analysis (docs/ARCHITECTURE.md "ABC by revenue"), over clients or over services.
 *
 * Items are ranked by value descending, ties keeping their input (sheet) order. An item's class is set
 * by the cumulative share of the items ranked BEFORE it: A while that share < cutA %, B while
 * < cutA + cutB %, else C — so the item that crosses a cut-off stays in the upper class. Items without a
 * positive value get no class and do not count in the total.
 *
 * Shares are compared as `before · 100 < cut · total` rather than `before / total < cut / 100`, which
 * is exact for whole amounts (2 900 < 29 · 100, where 0.29 · 100 would be 28.999999999999996).
 */
import { cleanSum } from './tracker';

export type AbcClass = 'A' | 'B' | 'C';

/** One class's clients, revenue and share of the total revenue (0..1). */
export interface AbcShare {
  clients: number;
  revenue: number;
  share: number;
}

export interface AbcRanking {
  /** Indices of the items with a positive value, in rank order. */
  order: number[];
  /** Class per item (input order); null without a positive value. */
  classes: Array<AbcClass | null>;
  /** Sum of the positive values. */
  total: number;
  /** Per rank: the item's share of the total and the cumulative share including it, 0..1. */
  share: Float64Array;
  cumulativeShare: Float64Array;
}

export interface AbcSummary {
  A: AbcShare;
  B: AbcShare;
  C: AbcShare;
  /** Items without a positive value ("нет продаж"). */
  none: number;
  total: number;
}

export function rankAbc(values: ArrayLike<number>, cutA = 75, cutB = 20): AbcRanking {
  const order: number[] = [];
  let total = 0;
  for (let i = 0; i < values.length; i++) {
    if (values[i] > 0) {
      order.push(i);
      total += values[i];
    }
  }
  // Array.prototype.sort is stable, and the index tie-break makes the order explicit anyway.
  order.sort((a, b) => values[b] - values[a] || a - b);
  // Sums are rounded as money is (cleanSum), so a share that is exactly 75 % in kopecks is not
  // 74.99999999999999 % in binary: 54.96 + 20.04 before a client of a 100.00 total is 75 %, not less.
  total = cleanSum(total);

  const classes: Array<AbcClass | null> = new Array(values.length).fill(null);
  const share = new Float64Array(order.length);
  const cumulativeShare = new Float64Array(order.length);
  const limitA = cutA * total;
  const limitB = (cutA + cutB) * total;
  let before = 0;
  for (let k = 0; k < order.length; k++) {
    const value = values[order[k]];
    const scaled = before * 100;
    classes[order[k]] = scaled < limitA ? 'A' : scaled < limitB ? 'B' : 'C';
    before = cleanSum(before + value);
    share[k] = value / total;
    cumulativeShare[k] = before / total;
  }
  return { order, classes, total, share, cumulativeShare };
}

export function assignAbcClasses(values: ArrayLike<number>, cutA = 75, cutB = 20): Array<AbcClass | null> {
  return rankAbc(values, cutA, cutB).classes;
}

/** Items, value and share of the total per class. */
export function summariseAbc(values: ArrayLike<number>, classes: ReadonlyArray<AbcClass | null>): AbcSummary {
  const sums = { A: 0, B: 0, C: 0 };
  const counts = { A: 0, B: 0, C: 0 };
  let none = 0;
  for (let i = 0; i < classes.length; i++) {
    const cls = classes[i];
    if (cls === null) {
      none++;
    } else {
      counts[cls]++;
      sums[cls] += values[i];
    }
  }
  const total = sums.A + sums.B + sums.C;
  const part = (cls: AbcClass): AbcShare => ({
    clients: counts[cls],
    revenue: cleanSum(sums[cls]),
    share: total > 0 ? sums[cls] / total : 0,
  });
  return { A: part('A'), B: part('B'), C: part('C'), none, total: cleanSum(total) };
}
