/**
 * ChartSpec → EmbeddedChartBuilder. Series names go to `series.N.labelInLegend`; a Pareto chart is a combo
 * chart of bars with its line series on the secondary axis. The first range added is the categories.
 */
import type { ChartSpec, ColumnRange } from '../../../src/workbook/operations';
import { columnRange } from './grid';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

function rangeOf(spreadsheet: Spreadsheet, defaultSheet: Sheet, r: ColumnRange): GoogleAppsScript.Spreadsheet.Range {
  const sheet = r.sheet ? spreadsheet.getSheetByName(r.sheet) : defaultSheet;
  if (!sheet) throw new Error(`addChart: no sheet named «${r.sheet}»`);
  return columnRange(sheet, r.column, r.fromRow, r.toRow);
}

/** Options of one series, keyed by its index, as Google Charts expects. */
export interface SeriesOption {
  labelInLegend: string;
  type?: 'line';
  targetAxisIndex?: 1;
}

export function buildChart(spreadsheet: Spreadsheet, sheet: Sheet, spec: ChartSpec): GoogleAppsScript.Spreadsheet.EmbeddedChart {
  const base = sheet.newChart();
  const hasLine = spec.series.some((s) => s.asLine);
  let builder: GoogleAppsScript.Spreadsheet.EmbeddedChartBuilder;
  if (spec.type === 'pareto' || hasLine) builder = base.asComboChart();
  else if (spec.type === 'bar') builder = base.asBarChart();
  else if (spec.type === 'pie') builder = base.asPieChart();
  else builder = base.asColumnChart();

  builder = builder.addRange(rangeOf(spreadsheet, sheet, spec.categories));
  const series: Record<number, SeriesOption> = {};
  spec.series.forEach((s, i) => {
    builder = builder.addRange(rangeOf(spreadsheet, sheet, s.values));
    const option: SeriesOption = { labelInLegend: s.name };
    if (s.asLine) option.type = 'line';
    if (s.secondaryAxis) option.targetAxisIndex = 1;
    series[i] = option;
  });
  builder = builder.setOption('title', spec.title).setOption('series', series).setPosition(spec.anchor.row, spec.anchor.column, 0, 0);
  if (spec.type === 'pareto' || hasLine) builder = builder.setOption('seriesType', 'bars');
  if (spec.width) builder = builder.setOption('width', spec.width);
  if (spec.height) builder = builder.setOption('height', spec.height);
  return builder.build();
}
