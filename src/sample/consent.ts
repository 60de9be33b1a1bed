/** «Согласие на рассылку» in the sample, as a small firm types it (the format: src/core/consent.ts). */
import type { CellValue } from '../workbook/snapshot';
import type { DayNumber } from '../core/model';
import { dayToIso, isoToDotted } from '../core/normalise/date';
import { Random } from './random';

const CHANNEL_CHOICES = ['SMS', 'SMS, e-mail', 'e-mail', 'SMS, WhatsApp', 'e-mail, мессенджер'];

/**
 * Appends the consent cell to each client row: about 30 % consented to named channels with a date, 10 %
 * «да», 10 % «нет», the rest empty. Drawn from a generator of its own, so the rest of the sample (and
 * every figure computed from it) stays as it was.
 */
export function addConsent(rows: CellValue[][], seed: number, asOf: DayNumber): void {
  const random = new Random(seed + 7919);
  for (const row of rows) {
    const date = isoToDotted(dayToIso(asOf - random.int(10, 700)));
    const x = random.next();
    let consent: string | null = null;
    if (x < 0.3) consent = `да, ${random.pick(CHANNEL_CHOICES)}, ${date}`;
    else if (x < 0.4) consent = 'да';
    else if (x < 0.5) consent = random.chance(0.5) ? 'нет' : `нет, ${date}`;
    row.push(consent);
  }
}
