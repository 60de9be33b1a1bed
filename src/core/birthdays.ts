/** Birthdays as a calendar sees them: the next one from a day, 29 February kept on 28 February in other years. */
import type { DayNumber } from './model';

/** Days from `today` to the next birthday (0 = today); 29 February counts as 28 February in other years. */
export function daysToBirthday(birthday: DayNumber, today: DayNumber): number {
  const born = new Date(birthday * 86_400_000);
  const now = new Date(today * 86_400_000);
  const dayIn = (year: number) => {
    const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
    const day = born.getUTCMonth() === 1 && born.getUTCDate() === 29 && !leap ? 28 : born.getUTCDate();
    return Date.UTC(year, born.getUTCMonth(), day) / 86_400_000;
  };
  const thisYear = dayIn(now.getUTCFullYear());
  return thisYear >= today ? thisYear - today : dayIn(now.getUTCFullYear() + 1) - today;
}
