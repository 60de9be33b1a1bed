/**
 * «Воронка: движение»: the funnel over time, from the status rows of the history (kind «статус», result
 * «from → to»). Definitions (docs/ARCHITECTURE.md has them too):
 *
 * - A move is a status row dated on or before the as-of day whose `to` names a funnel status; its day is
 *   the calendar day of its moment. Rows with an unreadable moment or after the as-of day are left out
 *   (counted in `undated` / `later`). A client is its ID, else (a row without one) its name.
 * - Entered: per calendar month (from the first move's month to the as-of month) and status, the number of
 *   distinct clients with a move into that status on a day of that month.
 * - Conversion k → k+1, for consecutive statuses of the main chain (Белый … Платиновый, FUNNEL_STATUSES
 *   order, the red ones excluded): of the clients who ever entered k, the share with a move into k+1 on a
 *   later position of their own moves (by day, ties in sheet order) than their first move into k — later,
 *   not necessarily directly. The red statuses are exits: they have entered counts and days, no conversion.
 * - Days in a status: for each move into a funnel status followed by a further move of the same client,
 *   the days between the two moves; a client still in the status at the as-of day is left out (the stay is
 *   unfinished). A stay that begins or ends with a row seen by the analysis (status-diff.ts) is left out too:
 *   its real moment is unknown. The median of the stays per status (mean of the two middle ones when even);
 *   null with no stay.
 * - Per month, besides the entries: the conversion k → k+1 of the clients whose first move into k fell in
 *   that month (of those, the share who entered k+1 later, as above: a cohort by the month of entering k),
 *   and the median days of the finished stays that began that month, per status. A cohort's conversion
 *   grows as its clients move on, so the latest months' figures are provisional.
 */
import type { HistoryEntry } from './contact-history';
import type { DayNumber } from './model';
import { dayToIso } from './normalise/date';
import { statusMoveReader } from './status-diff';
import { FUNNEL_STATUSES, findStatus, type FunnelStatusKey } from './statuses';
import { monthOfDay } from './months';
import { memoised } from './memoised';

/** The main chain conversion runs along: every funnel status that is not an exit. */
export const CHAIN: readonly FunnelStatusKey[] = FUNNEL_STATUSES.map((s) => s.key).filter((key) => !key.startsWith('red_'));

/** A conversion's figures: clients who entered the first status, and of those the ones who later entered the next. */
export interface ConversionCount {
  entered: number;
  converted: number;
  /** converted / entered; null when none entered. */
  rate: number | null;
}

export interface MovementMonth {
  /** `yyyy-mm`. */
  month: string;
  /** Distinct clients entering each status that month, in FUNNEL_STATUSES order. */
  entered: number[];
  /** Per consecutive pair of CHAIN (as `FunnelMovement.conversions`), the clients who first entered its first status that month. */
  conversions: ConversionCount[];
  /** Per status (FUNNEL_STATUSES order), the median days of the finished stays that began that month; null with none. */
  medianDays: Array<number | null>;
}

export interface MovementConversion extends ConversionCount {
  from: FunnelStatusKey;
  to: FunnelStatusKey;
}

export interface MovementStay {
  status: FunnelStatusKey;
  /** Finished stays counted. */
  stays: number;
  medianDays: number | null;
}

export interface FunnelMovement {
  asOf: string;
  months: MovementMonth[];
  conversions: MovementConversion[];
  days: MovementStay[];
  /** Status rows left out: unreadable moment, dated after the as-of day. */
  undated: number;
  later: number;
}

interface Move {
  day: DayNumber;
  row: number;
  /** Index into FUNNEL_STATUSES; -1 for a status of the user's own or an empty one. */
  to: number;
  seen: boolean;
}

/** The calendar day of a moment (UTC fields are wall-clock time, snapshot.ts). */
const dayOf = (when: Date): DayNumber => Math.floor(when.getTime() / 86_400_000);

function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = Float64Array.from(values).sort();
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** The status moves of the history per client, each client's in order (day, then sheet row). */
function movesByClient(history: readonly HistoryEntry[], asOf: DayNumber): { clients: Map<string, Move[]>; undated: number; later: number } {
  const clients = new Map<string, Move[]>();
  let undated = 0;
  let later = 0;
  const read = statusMoveReader();
  const statusIndex = memoised((to) => {
    const status = findStatus(to);
    return status ? FUNNEL_STATUSES.indexOf(status) : -1;
  });
  for (const entry of history) {
    if (entry.kind !== 'status') continue;
    const move = read(entry.result);
    if (!move) continue;
    if (!entry.when) {
      undated++;
      continue;
    }
    const day = dayOf(entry.when);
    if (day > asOf) {
      later++;
      continue;
    }
    const to = statusIndex(move.to);
    const client = entry.clientId ? `id:${entry.clientId}` : `name:${entry.client}`;
    const list = clients.get(client) ?? [];
    list.push({ day, row: entry.row, to, seen: move.seen });
    clients.set(client, list);
  }
  for (const list of clients.values()) list.sort((a, b) => a.day - b.day || a.row - b.row);
  return { clients, undated, later };
}

const conversion = (entered: number, converted: number): ConversionCount => ({ entered, converted, rate: entered === 0 ? null : converted / entered });

/** What one month collects: entries per status, the cohort of each chain pair, the stays begun. */
interface MonthTally {
  entered: Int32Array;
  cohortEntered: Int32Array;
  cohortConverted: Int32Array;
  stays: number[][];
}

/** The funnel's movement as of `asOf` from the history's status rows. */
export function computeFunnelMovement(history: readonly HistoryEntry[], asOf: DayNumber): FunnelMovement {
  const { clients, undated, later } = movesByClient(history, asOf);
  const width = FUNNEL_STATUSES.length;
  const pairs = CHAIN.length - 1;
  /** By month number (year × 12 + month − 1). */
  const byMonth = new Map<number, MonthTally>();
  const tallyOf = (month: number) => {
    let tally = byMonth.get(month);
    if (!tally) {
      tally = { entered: new Int32Array(width), cohortEntered: new Int32Array(pairs), cohortConverted: new Int32Array(pairs), stays: FUNNEL_STATUSES.map(() => []) };
      byMonth.set(month, tally);
    }
    return tally;
  };
  const stays: number[][] = FUNNEL_STATUSES.map(() => []);
  const chainIndex = CHAIN.map((key) => FUNNEL_STATUSES.findIndex((s) => s.key === key));
  const everEntered = chainIndex.map(() => 0);
  const converted = chainIndex.map(() => 0);
  // Per client: where it first and last entered each status (positions in its moves), and the month × status it counted in.
  const firstAt = new Int32Array(width);
  const lastAt = new Int32Array(width);
  const counted = new Set<number>();
  let first = Infinity;
  for (const moves of clients.values()) {
    firstAt.fill(-1);
    lastAt.fill(-1);
    counted.clear();
    moves.forEach((move, i) => {
      if (move.to < 0) return;
      const month = monthOfDay(move.day);
      first = Math.min(first, month);
      if (!counted.has(month * width + move.to)) {
        counted.add(month * width + move.to);
        tallyOf(month).entered[move.to]++;
      }
      if (firstAt[move.to] < 0) firstAt[move.to] = i;
      lastAt[move.to] = i;
      const next = moves[i + 1];
      if (next && !move.seen && !next.seen) {
        stays[move.to].push(next.day - move.day);
        tallyOf(month).stays[move.to].push(next.day - move.day);
      }
    });
    // A move into k+1 after the first move into k exists exactly when the last move into k+1 comes after it.
    chainIndex.forEach((status, k) => {
      if (firstAt[status] < 0) return;
      everEntered[k]++;
      const moved = k + 1 < chainIndex.length && lastAt[chainIndex[k + 1]] > firstAt[status];
      if (moved) converted[k]++;
      if (k < pairs) {
        const cohort = tallyOf(monthOfDay(moves[firstAt[status]].day));
        cohort.cohortEntered[k]++;
        if (moved) cohort.cohortConverted[k]++;
      }
    });
  }
  const months: MovementMonth[] = [];
  const label = (month: number) => `${Math.floor(month / 12)}-${String((month % 12) + 1).padStart(2, '0')}`;
  for (let month = first, last = monthOfDay(asOf); month <= last; month++) {
    const tally = byMonth.get(month);
    months.push({
      month: label(month),
      entered: tally ? Array.from(tally.entered) : new Array<number>(width).fill(0),
      conversions: Array.from({ length: pairs }, (_, k) => conversion(tally?.cohortEntered[k] ?? 0, tally?.cohortConverted[k] ?? 0)),
      medianDays: tally ? tally.stays.map(median) : new Array<number | null>(width).fill(null),
    });
  }
  const conversions = CHAIN.slice(0, -1).map((from, k) => ({ from, to: CHAIN[k + 1], ...conversion(everEntered[k], converted[k]) }));
  const days = FUNNEL_STATUSES.map((s, i) => ({ status: s.key, stays: stays[i].length, medianDays: median(stays[i]) }));
  return { asOf: dayToIso(asOf), months, conversions, days, undated, later };
}
