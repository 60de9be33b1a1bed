/**
 * Whether a column's texts repeat enough to be worth keeping one copy of each: a pool of texts, a table of
 * shared strings. A column whose first 65,536 distinct texts came with fewer repeats than that (order
 * numbers, comments) is judged not worth it, and from then on its texts are taken one by one. Clients,
 * services and managers repeat, so their columns are kept however long the sheet is.
 */
export class ColumnRepeats {
  private readonly distinct: number[] = [];
  private readonly repeats: number[] = [];
  private readonly givenUp: boolean[] = [];

  constructor(private readonly judgedAt = 65_536) {}

  /** False once the column is judged not worth keeping texts of. */
  worthKeeping(column: number): boolean {
    return this.givenUp[column] !== true;
  }

  /** Counts a text of the column: one seen before, or a new one. */
  count(column: number, seenBefore: boolean): void {
    if (seenBefore) {
      this.repeats[column] = (this.repeats[column] ?? 0) + 1;
      return;
    }
    const distinct = (this.distinct[column] = (this.distinct[column] ?? 0) + 1);
    if (distinct === this.judgedAt && (this.repeats[column] ?? 0) < this.judgedAt) this.givenUp[column] = true;
  }
}
