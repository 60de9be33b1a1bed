/**
 * Each client's own rhythm (ARCHITECTURE.md "Tracker"): the median gap between the client's distinct order
 * days. Two orders on one day are one visit; a rhythm needs at least 3 order days (2 gaps). The tracker
 * adds the expected order date and «пропускает» (slipping) from it.
 *
 * One pass: the dated orders are grouped by client with a counting sort into one Int32Array, each
 * client's days sorted in place there, and the gaps of one client at a time go into one shared scratch
 * array — no array or object per client.
 */

export interface RhythmInput {
  clientsCount: number;
  /** For the first `dated` entries: the client of a dated order (as of the date) and its day. */
  clientOf: Int32Array;
  dayOf: Int32Array;
  dated: number;
  /** 1 for a client with an undated order: its gaps are unknown. */
  undated: Uint8Array;
}

/** What a client without a rhythm has. */
export const NO_RHYTHM = Object.freeze({ medianGap: null, expectedOrder: null, slipping: false });

/** Sorts `values[from, to)` ascending in place (insertion sort: a client's few orders mostly come in date order). */
function sortRange(values: Int32Array, from: number, to: number): void {
  if (to - from > 32) {
    values.subarray(from, to).sort();
    return;
  }
  for (let i = from + 1; i < to; i++) {
    const value = values[i];
    let j = i - 1;
    while (j >= from && values[j] > value) {
      values[j + 1] = values[j];
      j--;
    }
    values[j + 1] = value;
  }
}

/** The median gap per client, NaN for a client without a rhythm. */
export function clientRhythms(input: RhythmInput): Float64Array {
  const { clientsCount, clientOf, dayOf, dated, undated } = input;
  const start = new Int32Array(clientsCount + 1);
  for (let k = 0; k < dated; k++) start[clientOf[k] + 1]++;
  for (let c = 0; c < clientsCount; c++) start[c + 1] += start[c];
  const fill = start.slice(0, clientsCount);
  const days = new Int32Array(dated);
  for (let k = 0; k < dated; k++) days[fill[clientOf[k]]++] = dayOf[k];

  const median = new Float64Array(clientsCount).fill(NaN);
  const gaps = new Int32Array(dated);
  for (let c = 0; c < clientsCount; c++) {
    const from = start[c];
    const to = start[c + 1];
    if (to - from < 3 || undated[c] === 1) continue;
    sortRange(days, from, to);
    let count = 0;
    for (let k = from + 1; k < to; k++) if (days[k] !== days[k - 1]) gaps[count++] = days[k] - days[k - 1];
    if (count < 2) continue;
    sortRange(gaps, 0, count);
    const middle = count >> 1;
    median[c] = count % 2 === 1 ? gaps[middle] : (gaps[middle - 1] + gaps[middle]) / 2;
  }
  return median;
}
