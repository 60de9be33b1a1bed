/**
 * The DrawingML of the charts the .xlsx gateway draws: one chart part (`xl/charts/chartN.xml`) per
 * ChartSpec, and the drawing part (`xl/drawings/drawingN.xml`) that places a sheet's charts. ExcelJS
 * cannot write charts; chart-package.ts puts these parts into the package ExcelJS wrote.
 *
 * A chart references the sheet's cells (`'ABC клиенты'!$B$2:$B$51`) and carries a cache of their values,
 * so a viewer draws it without recalculating. Titles and series names are literal text.
 */
import type { ChartSpec } from '../workbook/operations';

export const CHART_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.drawingml.chart+xml';
export const DRAWING_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.drawing+xml';
export const DRAWING_RELATIONSHIP = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/drawing';
const CHART_RELATIONSHIP = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/chart';

const NS_C = 'http://schemas.openxmlformats.org/drawingml/2006/chart';
const NS_A = 'http://schemas.openxmlformats.org/drawingml/2006/main';
const NS_R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const NS_XDR = 'http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing';
const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

/** Excel's own series colours, in its order: the chart looks as one Excel would draw. */
const SERIES_COLOURS = ['4472C4', 'ED7D31', 'A5A5A5', 'FFC000', '5B9BD5', '70AD47'];
const EMU_PER_PIXEL = 9525;
/** Excel's size for a new chart (5 × 3 inches), when the spec gives none. */
const DEFAULT_SIZE = { width: 480, height: 288 };

/** Text for XML content or an attribute value; characters XML 1.0 cannot hold are dropped. */
export function xmlText(text: string): string {
  return text
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

/** A column of cells a chart draws: its reference and the values it holds now (the cache). */
export interface ChartColumn<T> {
  ref: string;
  cache: T[];
}

export interface ChartSeriesData {
  name: string;
  values: ChartColumn<number | null>;
  /** The number format of the values' cells (the cache's format, and the axis's without decimals). */
  formatCode: string;
  asLine: boolean;
  secondaryAxis: boolean;
}

/** A ChartSpec with its ranges resolved to references and cached values. */
export interface ChartData {
  type: ChartSpec['type'];
  title: string;
  categories: ChartColumn<string>;
  series: ChartSeriesData[];
}

const val = (tag: string, value: string | number) => `<c:${tag} val="${value}"/>`;

function solidFill(colour: string): string {
  return `<a:solidFill><a:srgbClr val="${colour}"/></a:solidFill>`;
}

function titleXml(title: string): string {
  return '<c:title><c:tx><c:rich><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="1400" b="1"/></a:pPr>' +
    `<a:r><a:rPr sz="1400" b="1"/><a:t>${xmlText(title)}</a:t></a:r></a:p></c:rich></c:tx>${val('overlay', 0)}</c:title>`;
}

function categoriesXml(column: ChartColumn<string>): string {
  const points = column.cache.map((text, i) => `<c:pt idx="${i}"><c:v>${xmlText(text)}</c:v></c:pt>`).join('');
  return `<c:cat><c:strRef><c:f>${xmlText(column.ref)}</c:f><c:strCache>${val('ptCount', column.cache.length)}${points}</c:strCache></c:strRef></c:cat>`;
}

function valuesXml(series: ChartSeriesData): string {
  const points = series.values.cache
    .map((n, i) => (n === null ? '' : `<c:pt idx="${i}"><c:v>${n}</c:v></c:pt>`))
    .join('');
  return `<c:val><c:numRef><c:f>${xmlText(series.values.ref)}</c:f><c:numCache><c:formatCode>${xmlText(series.formatCode)}</c:formatCode>` +
    `${val('ptCount', series.values.cache.length)}${points}</c:numCache></c:numRef></c:val>`;
}

/** idx, order and the literal name: the head every kind of series starts with. */
function seriesHead(series: ChartSeriesData, index: number): string {
  return `${val('idx', index)}${val('order', index)}<c:tx><c:v>${xmlText(series.name)}</c:v></c:tx>`;
}

interface Numbered {
  series: ChartSeriesData;
  index: number;
}

function barSeriesXml({ series, index }: Numbered, categories: ChartColumn<string>): string {
  const colour = SERIES_COLOURS[index % SERIES_COLOURS.length];
  return `<c:ser>${seriesHead(series, index)}<c:spPr>${solidFill(colour)}</c:spPr>${val('invertIfNegative', 0)}` +
    `${categoriesXml(categories)}${valuesXml(series)}</c:ser>`;
}

function lineSeriesXml({ series, index }: Numbered, categories: ChartColumn<string>): string {
  const colour = SERIES_COLOURS[index % SERIES_COLOURS.length];
  return `<c:ser>${seriesHead(series, index)}<c:spPr><a:ln w="28575" cap="rnd">${solidFill(colour)}<a:round/></a:ln></c:spPr>` +
    `<c:marker>${val('symbol', 'circle')}${val('size', 5)}<c:spPr>${solidFill(colour)}</c:spPr></c:marker>` +
    `${categoriesXml(categories)}${valuesXml(series)}${val('smooth', 0)}</c:ser>`;
}

/** The axis pair a chart group draws on: primary (category below or left, values left or below) or secondary. */
interface AxisPair {
  categoryId: number;
  valueId: number;
}
const PRIMARY: AxisPair = { categoryId: 500000001, valueId: 500000002 };
const SECONDARY: AxisPair = { categoryId: 500000003, valueId: 500000004 };

const axisIds = (axes: AxisPair) => `${val('axId', axes.categoryId)}${val('axId', axes.valueId)}`;

function barChartXml(direction: 'bar' | 'col', group: Numbered[], categories: ChartColumn<string>, axes: AxisPair): string {
  return `<c:barChart>${val('barDir', direction)}${val('grouping', 'clustered')}${val('varyColors', 0)}` +
    `${group.map((s) => barSeriesXml(s, categories)).join('')}${val('gapWidth', 60)}${axisIds(axes)}</c:barChart>`;
}

function lineChartXml(group: Numbered[], categories: ChartColumn<string>, axes: AxisPair): string {
  return `<c:lineChart>${val('grouping', 'standard')}${val('varyColors', 0)}` +
    `${group.map((s) => lineSeriesXml(s, categories)).join('')}${val('marker', 1)}${axisIds(axes)}</c:lineChart>`;
}

function pieChartXml(series: ChartSeriesData, categories: ChartColumn<string>): string {
  return `<c:pieChart>${val('varyColors', 1)}<c:ser>${seriesHead(series, 0)}${categoriesXml(categories)}${valuesXml(series)}</c:ser>` +
    `${val('firstSliceAng', 0)}</c:pieChart>`;
}

/** An axis's labels: the cells' format without decimals (`#,##0.00` → `#,##0`, `0.0%` → `0%`). */
function axisFormat(formatCode: string): string {
  return formatCode.replace(/\.0+/g, '');
}

interface ValueAxis {
  position: 'l' | 'r' | 'b';
  formatCode: string;
  /** A share axis runs 0–100 %. */
  share?: boolean;
  crossesMax?: boolean;
  gridlines: boolean;
}

function categoryAxisXml(axes: AxisPair, position: 'b' | 'l', hidden: boolean): string {
  return `<c:catAx>${val('axId', axes.categoryId)}<c:scaling>${val('orientation', 'minMax')}</c:scaling>${val('delete', hidden ? 1 : 0)}` +
    `${val('axPos', position)}<c:numFmt formatCode="General" sourceLinked="1"/>${val('majorTickMark', 'out')}${val('minorTickMark', 'none')}` +
    `${val('tickLblPos', 'nextTo')}${val('crossAx', axes.valueId)}${val('crosses', 'autoZero')}${val('auto', 1)}` +
    `${val('lblAlgn', 'ctr')}${val('lblOffset', 100)}${val('noMultiLvlLbl', 0)}</c:catAx>`;
}

function valueAxisXml(axes: AxisPair, axis: ValueAxis): string {
  const bounds = axis.share ? `${val('max', 1)}${val('min', 0)}` : '';
  return `<c:valAx>${val('axId', axes.valueId)}<c:scaling>${val('orientation', 'minMax')}${bounds}</c:scaling>${val('delete', 0)}` +
    `${val('axPos', axis.position)}${axis.gridlines ? '<c:majorGridlines/>' : ''}` +
    `<c:numFmt formatCode="${xmlText(axisFormat(axis.formatCode))}" sourceLinked="0"/>${val('majorTickMark', 'out')}${val('minorTickMark', 'none')}` +
    `${val('tickLblPos', 'nextTo')}${val('crossAx', axes.categoryId)}${val('crosses', axis.crossesMax ? 'max' : 'autoZero')}` +
    `${val('crossBetween', 'between')}</c:valAx>`;
}

/** The chart groups and axes of a bar, column or Pareto chart: columns or bars, lines, each on its axis pair. */
function plotXml(chart: ChartData): string {
  const numbered = chart.series.map((series, index) => ({ series, index }));
  const direction = chart.type === 'bar' ? 'bar' : 'col';
  const groups: string[] = [];
  for (const secondary of [false, true]) {
    const axes = secondary ? SECONDARY : PRIMARY;
    const onAxes = numbered.filter((s) => s.series.secondaryAxis === secondary);
    const bars = onAxes.filter((s) => !s.series.asLine);
    const lines = onAxes.filter((s) => s.series.asLine);
    if (bars.length) groups.push(barChartXml(direction, bars, chart.categories, axes));
    if (lines.length) groups.push(lineChartXml(lines, chart.categories, axes));
  }
  const formatOf = (secondary: boolean) => numbered.find((s) => s.series.secondaryAxis === secondary)?.series.formatCode ?? 'General';
  const horizontal = direction === 'bar';
  let axes = categoryAxisXml(PRIMARY, horizontal ? 'l' : 'b', false) +
    valueAxisXml(PRIMARY, { position: horizontal ? 'b' : 'l', formatCode: formatOf(false), gridlines: true });
  if (numbered.some((s) => s.series.secondaryAxis)) {
    axes += categoryAxisXml(SECONDARY, horizontal ? 'l' : 'b', true) +
      valueAxisXml(SECONDARY, { position: horizontal ? 'b' : 'r', formatCode: formatOf(true), share: chart.type === 'pareto', crossesMax: true, gridlines: false });
  }
  return groups.join('') + axes;
}

/** The chart part (`xl/charts/chartN.xml`) of one chart. */
export function chartXml(chart: ChartData): string {
  const plot = chart.type === 'pie' ? pieChartXml(chart.series[0], chart.categories) : plotXml(chart);
  const legend = chart.series.length > 1 || chart.type === 'pie' ? `<c:legend>${val('legendPos', chart.type === 'pie' ? 'r' : 'b')}${val('overlay', 0)}</c:legend>` : '';
  return `${XML_DECLARATION}<c:chartSpace xmlns:c="${NS_C}" xmlns:a="${NS_A}" xmlns:r="${NS_R}">${val('roundedCorners', 0)}` +
    `<c:chart>${titleXml(chart.title)}${val('autoTitleDeleted', 0)}<c:plotArea><c:layout/>${plot}</c:plotArea>${legend}` +
    `${val('plotVisOnly', 1)}${val('dispBlanksAs', 'gap')}</c:chart></c:chartSpace>`;
}

/** One chart as the drawing places it: its spec (anchor, size, title) and the drawing's relationship to its part. */
export interface PlacedChart {
  spec: ChartSpec;
  relationshipId: string;
}

function anchorXml({ spec, relationshipId }: PlacedChart, index: number): string {
  const width = (spec.width ?? DEFAULT_SIZE.width) * EMU_PER_PIXEL;
  const height = (spec.height ?? DEFAULT_SIZE.height) * EMU_PER_PIXEL;
  return '<xdr:oneCellAnchor>' +
    `<xdr:from><xdr:col>${spec.anchor.column - 1}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${spec.anchor.row - 1}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from>` +
    `<xdr:ext cx="${Math.round(width)}" cy="${Math.round(height)}"/>` +
    `<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="${index + 2}" name="${xmlText(spec.title)}"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr>` +
    '<xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm>' +
    `<a:graphic><a:graphicData uri="${NS_C}"><c:chart xmlns:c="${NS_C}" r:id="${relationshipId}"/></a:graphicData></a:graphic>` +
    '</xdr:graphicFrame><xdr:clientData/></xdr:oneCellAnchor>';
}

/** The drawing part of a sheet: each chart at its cell, at its size in pixels (moving with its cell). */
export function drawingXml(charts: readonly PlacedChart[]): string {
  return `${XML_DECLARATION}<xdr:wsDr xmlns:xdr="${NS_XDR}" xmlns:a="${NS_A}" xmlns:r="${NS_R}">${charts.map(anchorXml).join('')}</xdr:wsDr>`;
}

/** A relationships part (`…/_rels/X.rels`) from ids to targets of one type. */
export function relationshipsXml(relationships: ReadonlyArray<{ id: string; type: string; target: string }>): string {
  const items = relationships.map((r) => `<Relationship Id="${r.id}" Type="${r.type}" Target="${xmlText(r.target)}"/>`).join('');
  return `${XML_DECLARATION}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${items}</Relationships>`;
}

/** The drawing's relationships part: one chart part per relationship id. */
export function drawingRelationshipsXml(charts: ReadonlyArray<{ id: string; target: string }>): string {
  return relationshipsXml(charts.map((c) => ({ ...c, type: CHART_RELATIONSHIP })));
}
