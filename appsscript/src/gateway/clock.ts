/**
 * Dates between Apps Script and the core. `getValues` gives a `Date` at the instant the cell's wall-clock
 * time has in the spreadsheet's time zone; the core wants a `Date` whose UTC fields are that wall-clock time
 * (snapshot.ts). The offset is asked of `Utilities.formatDate` (Apps Script's V8 has no reliable zone data
 * in `Intl`) and cached per hour, so a column of dates costs a few calls, not one per cell.
 */
export type FormatDate = (date: Date, timeZone: string, format: string) => string;

const HOUR = 3600_000;
const MINUTE = 60_000;

export class SpreadsheetClock {
  private readonly offsets = new Map<number, number>();

  constructor(
    readonly timeZone: string,
    private readonly formatDate: FormatDate,
  ) {}

  /** Milliseconds the zone's wall clock is ahead of UTC at `instant`. */
  private offsetAt(instant: number): number {
    const hour = Math.floor(instant / HOUR);
    let offset = this.offsets.get(hour);
    if (offset === undefined) {
      const probe = hour * HOUR;
      const wall = Date.parse(`${this.formatDate(new Date(probe), this.timeZone, "yyyy-MM-dd'T'HH:mm:ss")}Z`);
      // zones are whole minutes away from UTC; rounding drops any seconds of historical local mean time
      offset = Math.round((wall - probe) / MINUTE) * MINUTE;
      this.offsets.set(hour, offset);
    }
    return offset;
  }

  /** The wall-clock time the user sees, as UTC fields. */
  toWall(instant: Date): Date {
    return new Date(instant.getTime() + this.offsetAt(instant.getTime()));
  }

  /** The instant at which the zone's wall clock shows the UTC fields of `wall`. */
  toInstant(wall: Date): Date {
    let guess = wall.getTime() - this.offsetAt(wall.getTime());
    guess = wall.getTime() - this.offsetAt(guess);
    return new Date(guess);
  }
}
