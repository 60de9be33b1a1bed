/**
 * The RFM sheet's thresholds as an owner reads them: each written at the precision its measure is counted
 * in (whole days, whole orders, kopecks), and a sentence saying what the four numbers mean.
 *
 * A percentile of whole numbers can fall between them (39.4 days). Every value of a measure is a multiple
 * of its precision, so it exceeds a threshold exactly when it exceeds the threshold rounded down to that
 * precision: the rounded number scores every client the same, and is the one worth printing.
 */
import type { CellValue } from '../workbook/snapshot';
import { say } from './base';
import type { Language } from './model';
import { countOf, formatCount } from './plural';
import { RFM_PERCENTILES, type RfmThresholds } from './rfm';

type Measure = 'recency' | 'frequency' | 'monetary';

/** Steps of each measure: days and orders are whole, money is in kopecks. */
const STEP: Record<Measure, number> = { recency: 1, frequency: 1, monetary: 0.01 };

/** `threshold` rounded down to the measure's step; the epsilon keeps 0.29 · 100 = 28.999… at 29 kopecks. */
export function shownThreshold(threshold: number, measure: Measure): number {
  const steps = Math.floor(threshold / STEP[measure] + 1e-6);
  return measure === 'monetary' ? steps / 100 : steps;
}

const LABELS: Record<Measure, [string, string]> = {
  recency: ['R — дней с последнего заказа', 'R — days since last order'],
  frequency: ['F — заказов', 'F — orders'],
  monetary: ['M — выручка', 'M — revenue'],
};

/**
 * `value` in the measure's words: «39 дней», «3 заказа», «133 890,54 ₽»; after «не больше» Russian takes the
 * genitive: «не больше 1 заказа», «не больше 21 дня».
 */
function quantity(value: number, measure: Measure, language: Language, afterAtMost = false): string {
  if (measure === 'recency') return countOf(value, afterAtMost ? ['дня', 'дней', 'дней'] : ['день', 'дня', 'дней'], ['day', 'days'], language);
  if (measure === 'frequency') return countOf(value, afterAtMost ? ['заказа', 'заказов', 'заказов'] : ['заказ', 'заказа', 'заказов'], ['order', 'orders'], language);
  return language === 'ru' ? `${formatCount(value, language)} ₽` : formatCount(value, language);
}

/** What the four thresholds of a measure say, for the sheet's last column. */
function reading(values: readonly number[], measure: Measure, fixed: boolean, language: Language): string {
  if (values.length === 0) return say(language, 'Нет клиентов с заказами.', 'No clients with orders.');
  const list = values.map((v) => quantity(v, measure, language)).join(' / ');
  if (fixed) return say(language, `Границы из настроек: ${list}.`, `Bands from the settings: ${list}.`);
  const low = quantity(values[0], measure, language, true);
  const high = quantity(values[values.length - 1], measure, language, true);
  const [ru, en]: [string, string] =
    measure === 'recency'
      ? [`у 20 % клиентов с последнего заказа прошло не больше ${low}, у 80 % — не больше ${high}`, `20 % of clients last ordered at most ${low} ago, 80 % at most ${high} ago`]
      : measure === 'frequency'
        ? [`20 % клиентов сделали не больше ${low}, 80 % — не больше ${high}`, `20 % of clients placed at most ${low}, 80 % at most ${high}`]
        : [`20 % клиентов принесли не больше ${low}, 80 % — не больше ${high}`, `20 % of clients brought at most ${low}, 80 % at most ${high}`];
  return say(language, `Процентили (как PERCENTILE.INC в Excel): ${ru}.`, `Percentiles (as Excel's PERCENTILE.INC): ${en}.`);
}

/** The header and rows of the thresholds block. */
export function rfmThresholdTable(thresholds: RfmThresholds, language: Language): { header: string[]; rows: CellValue[][] } {
  const columns = RFM_PERCENTILES.map((p, k) => (thresholds.mode === 'fixed' ? `${k + 1}` : `${Math.round(p * 100)} %`));
  const header = [say(language, 'Порог', 'Threshold'), ...columns, say(language, 'Что это значит', 'What it means')];
  const measures: Array<[Measure, number[]]> = [
    ['recency', thresholds.recency],
    ['frequency', thresholds.frequency],
    ['monetary', thresholds.monetary],
  ];
  const rows = measures.map(([measure, values]): CellValue[] => {
    const shown = values.map((v) => shownThreshold(v, measure));
    // M always comes from percentiles, R and F from the settings' bands in the fixed mode.
    const fixed = thresholds.mode === 'fixed' && measure !== 'monetary';
    return [say(language, ...LABELS[measure]), ...[0, 1, 2, 3].map((k) => shown[k] ?? null), reading(shown, measure, fixed, language)];
  });
  return { header, rows };
}
