/**
 * The charts the analyses ask for, drawn natively in the .xlsx by both writers: one chart part per
 * spec, reached from its sheet, typed, referencing the sheet's cells with their values cached; kept
 * one per spec when our own file is read, analysed again and written again; read by openpyxl (an
 * independent reader) and drawn by LibreOffice.
 */
import { execFileSync } from 'child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { runAnalysis } from '../../src/actions/runners';
import { isoToDay } from '../../src/core/normalise/date';
import { generateSampleWorkbook, SAMPLE_DEFAULTS } from '../../src/sample';
import { columnLetter } from '../../src/workbook/a1';
import type { ChartSpec, ColumnRange, SheetOperation } from '../../src/workbook/operations';
import { xlsxFromBuffer, xlsxToBuffer } from '../../src/xlsx/node';
import { XlsxWorkbook } from '../../src/xlsx/workbook';
import { DEBIAN_PYTHON, describeWithTool } from '../support/tools';
import { packageCharts } from './package-charts';

const AS_OF = isoToDay(SAMPLE_DEFAULTS.asOf)!;
const EMU_PER_PIXEL = 9525;

type Writer = (wb: XlsxWorkbook) => Promise<Uint8Array>;
const writers: Array<[string, Writer]> = [
  ['whole-file writer', (wb) => wb.toBuffer()],
  ['streaming writer', xlsxToBuffer],
];

async function analysedSample(): Promise<XlsxWorkbook> {
  const wb = XlsxWorkbook.fromSnapshot(generateSampleWorkbook({ clients: 40, orders: 300 }));
  await runAnalysis({ workbook: wb, asOf: AS_OF });
  return wb;
}

function specsBySheet(wb: XlsxWorkbook): Map<string, ChartSpec[]> {
  return new Map(wb.state().sheets.map((s) => [s.name, s.charts]));
}

/** The reference a chart must hold for a range, spelled out here rather than by the writer's helper. */
function ref(sheet: string, range: ColumnRange): string {
  const col = columnLetter(range.column);
  return `'${(range.sheet ?? sheet).replace(/'/g, "''")}'!$${col}$${range.fromRow}:$${col}$${range.toRow}`;
}

function expectConsistent(pkg: Awaited<ReturnType<typeof packageCharts>>, specs: Map<string, ChartSpec[]>): void {
  expect(pkg.orphans).toEqual([]);
  expect(pkg.untyped).toEqual([]);
  expect(pkg.dangling).toEqual([]);
  for (const [sheet, charts] of specs) expect([sheet, pkg.bySheet.get(sheet)?.length]).toEqual([sheet, charts.length]);
}

describe('native charts in the .xlsx', () => {
  let analysed: XlsxWorkbook;
  let specs: Map<string, ChartSpec[]>;
  beforeAll(async () => {
    analysed = await analysedSample();
    specs = specsBySheet(analysed);
    // The analyses ask for these; without them the checks below would pass on nothing.
    expect(specs.get('ABC')?.map((c) => c.type)).toEqual(['pareto']);
    expect(specs.get('RFM')?.map((c) => c.type)).toEqual(['bar']);
  });

  describe.each(writers)('%s', (_label, write) => {
    let data: Uint8Array;
    beforeAll(async () => {
      data = await write(analysed);
    });

    it('draws one chart per spec on each sheet, every part reached from its sheet and typed', async () => {
      expectConsistent(await packageCharts(data), specs);
    });

    it('draws the Pareto chart as revenue columns and the cumulative share as a line, over the sheet cells, values cached', async () => {
      const [chart] = (await packageCharts(data)).bySheet.get('ABC')!;
      const [spec] = specs.get('ABC')!;
      expect(chart.title).toBe(spec.title);
      expect(chart.groups).toEqual(['barChart:col', 'lineChart']);
      expect(chart.refs).toEqual(spec.series.flatMap((s) => [ref('ABC', spec.categories), ref('ABC', s.values)]));
      expect(chart.xml).toMatch(/<c:valAx><c:axId val="\d+"\/><c:scaling><c:orientation val="minMax"\/><c:max val="1"\/><c:min val="0"\/><\/c:scaling><c:delete val="0"\/><c:axPos val="r"\/>/);
      const abc = (await (await xlsxFromBuffer(data)).read(['ABC'])).sheets[0];
      const column = (range: ColumnRange) => abc.rows.slice(range.fromRow - 2, range.toRow - 1).map((row) => row[range.column - 1]);
      expect(chart.valueCaches).toEqual(spec.series.map((s) => column(s.values)));
      expect(chart.valueCaches[0].length).toBeGreaterThan(10);
    });

    it('draws the RFM segments as a bar chart', async () => {
      const [chart] = (await packageCharts(data)).bySheet.get('RFM')!;
      const [spec] = specs.get('RFM')!;
      expect(chart.groups).toEqual(['barChart:bar']);
      expect(chart.refs).toEqual([ref('RFM', spec.categories), ref('RFM', spec.series[0].values)]);
    });
  });

  it('keeps one chart per spec when our own file is read, analysed again and written again, by either reader and writer', async () => {
    const first = await xlsxToBuffer(analysed);
    const readers: Array<(data: Uint8Array) => Promise<XlsxWorkbook>> = [xlsxFromBuffer, (data) => XlsxWorkbook.fromBuffer(data)];
    for (const read of readers) {
      const again = await read(first);
      expect(specsBySheet(again)).toEqual(specs);
      await runAnalysis({ workbook: again, asOf: AS_OF + 30 });
      const respecified = specsBySheet(again);
      expect(respecified.get('ABC')).toHaveLength(1);
      for (const [, write] of writers) {
        const second = await write(again);
        const pkg = await packageCharts(second);
        expectConsistent(pkg, respecified);
        expect([...pkg.bySheet.values()].flat()).toHaveLength([...respecified.values()].flat().length);
        // And once more, unchanged: still one each.
        expectConsistent(await packageCharts(await write(await read(second))), respecified);
      }
    }
  });
});

/** A sheet name and a title that need quoting and escaping. */
const AWKWARD_SHEET = "O'Brien & «Продажи» <2024>";
const AWKWARD_TITLE = 'Итоги <2024> & "доли" \'O\'';
const AWKWARD_OPERATIONS: SheetOperation[] = [
  { kind: 'writeTable', sheet: AWKWARD_SHEET, replace: true, header: ['Услуга', 'Выручка', 'Доля'], rows: [['Стрижка', 300, 0.5], ['Окраска & уход', 200, 0.83], ['<Маникюр>', 100, 1]] },
  {
    kind: 'addChart',
    sheet: AWKWARD_SHEET,
    chart: {
      type: 'pareto',
      title: AWKWARD_TITLE,
      categories: { column: 1, fromRow: 2, toRow: 4 },
      series: [{ name: 'Выручка & Co', values: { column: 2, fromRow: 2, toRow: 4 } }, { name: 'Доля', values: { column: 3, fromRow: 2, toRow: 4 }, asLine: true, secondaryAxis: true }],
      anchor: { row: 2, column: 5 },
      width: 400,
      height: 250,
    },
  },
];

async function awkwardWorkbook(): Promise<XlsxWorkbook> {
  const wb = XlsxWorkbook.empty();
  await wb.apply(AWKWARD_OPERATIONS);
  return wb;
}

describe.each(writers)('a chart on a sheet whose name needs quoting (%s)', (_label, write) => {
  it('references the sheet quoted, its apostrophe doubled, and keeps the title as literal text', async () => {
    const pkg = await packageCharts(await write(await awkwardWorkbook()));
    const [chart] = pkg.bySheet.get(AWKWARD_SHEET)!;
    expect(chart.title).toBe(AWKWARD_TITLE);
    expect(chart.refs).toEqual(["'O''Brien & «Продажи» <2024>'!$A$2:$A$4", "'O''Brien & «Продажи» <2024>'!$B$2:$B$4", "'O''Brien & «Продажи» <2024>'!$A$2:$A$4", "'O''Brien & «Продажи» <2024>'!$C$2:$C$4"]);
    expect(chart.valueCaches).toEqual([[300, 200, 100], [0.5, 0.83, 1]]);
  });
});

/** A temporary directory and the analysed sample, for the blocks that hand files to other programs. */
function fileFixture(prefix: string): { dir(): string; analysed(): XlsxWorkbook } {
  let dir = '';
  let analysed: XlsxWorkbook;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), prefix));
    analysed = await analysedSample();
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  return { dir: () => dir, analysed: () => analysed };
}

interface PyChart {
  title: string;
  anchor: string;
  from: [number, number];
  size: [number, number] | null;
  groups: Array<{ type: string; barDir: string | null; valueAxis: { id: number; min: number | null; max: number | null }; series: Array<{ name: string; categories: string; values: string; cache: number[] }> }>;
}

function openpyxlCharts(path: string): Map<string, PyChart[]> {
  const out = execFileSync(DEBIAN_PYTHON, [join(__dirname, 'inspect_openpyxl.py'), path], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  return new Map((JSON.parse(out) as { sheets: Array<{ name: string; charts: PyChart[] }> }).sheets.map((s) => [s.name, s.charts]));
}

describeWithTool('openpyxl', 'charts read by openpyxl', () => {
  const files = fileFixture('crm-charts-');

  it.each(writers)('sees the Pareto chart on ABC and the segments chart on RFM, at their cells and sizes (%s)', async (label, write) => {
    const path = join(files.dir(), `${label}.xlsx`);
    writeFileSync(path, await write(files.analysed()));
    const charts = openpyxlCharts(path);
    const [abcSpec] = specsBySheet(files.analysed()).get('ABC')!;
    const [abc] = charts.get('ABC')!;
    expect(charts.get('ABC')).toHaveLength(1);
    expect(abc.title).toBe(abcSpec.title);
    expect([abc.anchor, abc.from, abc.size]).toEqual(['OneCellAnchor', [abcSpec.anchor.row - 1, abcSpec.anchor.column - 1], [abcSpec.width! * EMU_PER_PIXEL, abcSpec.height! * EMU_PER_PIXEL]]);
    expect(abc.groups.map((g) => [g.type, g.barDir])).toEqual([['BarChart', 'col'], ['LineChart', null]]);
    const [columns, line] = abc.groups;
    expect(columns.series.map((s) => [s.name, s.categories, s.values])).toEqual([[abcSpec.series[0].name, ref('ABC', abcSpec.categories), ref('ABC', abcSpec.series[0].values)]]);
    expect(line.series.map((s) => [s.name, s.values])).toEqual([[abcSpec.series[1].name, ref('ABC', abcSpec.series[1].values)]]);
    expect(line.valueAxis.id).not.toBe(columns.valueAxis.id);
    expect([line.valueAxis.min, line.valueAxis.max]).toEqual([0, 1]);
    expect(line.series[0].cache.at(-1)).toBeLessThanOrEqual(1);
    const [rfmSpec] = specsBySheet(files.analysed()).get('RFM')!;
    const rfm = charts.get('RFM')!;
    expect(rfm.map((c) => c.groups.map((g) => [g.type, g.barDir]))).toEqual([[['BarChart', 'bar']]]);
    expect(rfm[0].groups[0].series.map((s) => [s.categories, s.values])).toEqual([[ref('RFM', rfmSpec.categories), ref('RFM', rfmSpec.series[0].values)]]);
  });

  it.each(writers)('reads the quoted sheet reference and the escaped title back as they were given (%s)', async (label, write) => {
    const path = join(files.dir(), `awkward-${label}.xlsx`);
    writeFileSync(path, await write(await awkwardWorkbook()));
    const [chart] = openpyxlCharts(path).get(AWKWARD_SHEET)!;
    expect(chart.title).toBe(AWKWARD_TITLE);
    expect(chart.groups[0].series[0]).toMatchObject({ name: 'Выручка & Co', values: "'O''Brien & «Продажи» <2024>'!$B$2:$B$4", cache: [300, 200, 100] });
  });
});

/** Pixels of a PPM (P6) image close to a colour, each channel within `tolerance`. */
function pixelsNear(ppm: Buffer, rgb: [number, number, number], tolerance = 40): number {
  const header = /^P6\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(ppm.subarray(0, 64).toString('latin1'));
  if (!header) throw new Error('not a PPM image');
  let count = 0;
  for (let i = header[0].length; i + 2 < ppm.length; i += 3) {
    if (Math.abs(ppm[i] - rgb[0]) <= tolerance && Math.abs(ppm[i + 1] - rgb[1]) <= tolerance && Math.abs(ppm[i + 2] - rgb[2]) <= tolerance) count++;
  }
  return count;
}

const COLUMN_BLUE: [number, number, number] = [0x44, 0x72, 0xc4];
const LINE_ORANGE: [number, number, number] = [0xed, 0x7d, 0x31];

describeWithTool('libreoffice', 'charts drawn by LibreOffice', () => {
  const files = fileFixture('crm-charts-lo-');

  /** The sheet's page (each sheet on one page) as text and as a 50 dpi image. */
  function page(pdf: string, number: number): { text: string; image: Buffer } {
    const text = execFileSync('pdftotext', ['-f', String(number), '-l', String(number), pdf, '-'], { encoding: 'utf8' });
    const prefix = join(files.dir(), `page-${number}`);
    execFileSync('pdftoppm', ['-f', String(number), '-l', String(number), '-r', '50', '-singlefile', pdf, prefix]);
    return { text, image: readFileSync(`${prefix}.ppm`) };
  }

  it.each(writers)('draws the Pareto columns and line on the ABC page and the segment bars on the RFM page (%s)', async (label, write) => {
    const book = join(files.dir(), `${label.replace(/\W+/g, '-')}.xlsx`);
    writeFileSync(book, await write(files.analysed()));
    execFileSync('soffice', [
      `-env:UserInstallation=file://${join(files.dir(), 'profile')}`, '--headless',
      '--convert-to', 'pdf:calc_pdf_Export:{"SinglePageSheets":{"type":"boolean","value":"true"}}', '--outdir', files.dir(), book,
    ], { stdio: 'ignore', timeout: 150_000 });
    const pdf = book.replace(/\.xlsx$/, '.pdf');
    const names = await files.analysed().sheetNames();
    const abc = page(pdf, names.indexOf('ABC') + 1);
    expect(abc.text).toContain(specsBySheet(files.analysed()).get('ABC')![0].title);
    // A 720 × 360 px chart is about 375 × 190 px at 50 dpi: its columns and line are hundreds of pixels.
    expect(pixelsNear(abc.image, COLUMN_BLUE)).toBeGreaterThan(400);
    expect(pixelsNear(abc.image, LINE_ORANGE)).toBeGreaterThan(300);
    const rfm = page(pdf, names.indexOf('RFM') + 1);
    expect(rfm.text).toContain(specsBySheet(files.analysed()).get('RFM')![0].title);
    expect(pixelsNear(rfm.image, COLUMN_BLUE)).toBeGreaterThan(400);
    // The clients sheet has no chart: its page has none of the chart colours.
    expect(pixelsNear(page(pdf, names.indexOf('Клиенты') + 1).image, COLUMN_BLUE)).toBeLessThan(50);
  }, 180_000);
});
