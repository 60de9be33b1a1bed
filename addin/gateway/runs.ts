import { rowRuns } from '../../src/workbook/snapshot';

/** Runs of consecutive numbers given in any order, repeats allowed: [7, 2, 3, 3, 4] → [[2, 4], [7, 7]]. */
export function runs(numbers: readonly number[]): Array<[number, number]> {
  return rowRuns([...new Set(numbers)].sort((a, b) => a - b));
}
