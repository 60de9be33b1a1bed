/** How many rows a «Сегодня» list shows before «show all»: the cold list, or a month's birthdays, of a big base run to hundreds. */
export const SHOWN = 30;
