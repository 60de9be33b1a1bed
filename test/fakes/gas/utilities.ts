/** The part of Utilities the add-on uses: formatDate in a time zone, with the pattern letters it needs. */
import { wallClock } from './cells';

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

export const fakeUtilities: Pick<GoogleAppsScript.Utilities.Utilities, 'formatDate'> = {
  formatDate(date: Date, timeZone: string, format: string): string {
    const w = wallClock(date, timeZone);
    const fields: Record<string, string> = {
      yyyy: String(w.getUTCFullYear()),
      MM: pad(w.getUTCMonth() + 1),
      dd: pad(w.getUTCDate()),
      HH: pad(w.getUTCHours()),
      mm: pad(w.getUTCMinutes()),
      ss: pad(w.getUTCSeconds()),
    };
    // quoted parts are literal, as in Java's SimpleDateFormat
    return format.split(/('[^']*')/).map((part) => (part.startsWith("'") ? part.slice(1, -1) : part.replace(/yyyy|MM|dd|HH|mm|ss/g, (t) => fields[t]))).join('');
  },
};
