/**
 * A job between executions: its JSON (Dates and "leave this cell" kept) and the hidden sheet it waits in,
 * against the fake's Sheets-like reading of typed strings and its 50,000-character cells.
 */
import { CELL_CHARS, JobSheet } from '../../appsscript/src/jobs/job-sheet';
import { JOB_SHEET } from '../../appsscript/src/gateway/internal-sheets';
import { decodeJson, encodeJson, splitText } from '../../appsscript/src/jobs/codec';
import { newJob, type Job } from '../../appsscript/src/jobs/job';
import type { SheetOperation } from '../../src/workbook/operations';
import { FakeSpreadsheet } from '../fakes/gas/spreadsheet';
import { workbookState } from '../fakes/gas/state';

/** Strings Sheets would turn into formulas, numbers, dates or booleans if typed. */
const TYPED_LOOKALIKES = ['=HYPERLINK("http://evil.example","Ромашка")', '+7 912 345-67-89', '-5', '@SUM(A1)', "'quoted", '01.02.2024', '1 234,56', 'TRUE', '  =1+1'];

const operations: SheetOperation[] = [
  {
    kind: 'writeColumns',
    sheet: 'Клиенты',
    columns: [
      { column: 3, header: 'Последний заказ', values: [new Date(Date.UTC(2024, 0, 31)), undefined, null, new Date(Date.UTC(2024, 1, 29, 23, 59, 59, 999)), undefined], numberFormat: 'dd.mm.yyyy' },
      { column: 5, values: [undefined, 'ООО «Ромашка»', 0, -12.5, false] },
    ],
  },
  { kind: 'writeTable', sheet: 'ABC', replace: true, header: ['Клиент', 'Выручка'], rows: TYPED_LOOKALIKES.map((s, i) => [s, i * 1000.5]), numberFormats: [null, '#,##0.00'] },
];

function sampleJob(ops: SheetOperation[] = operations): Job {
  const job = newJob('job-1', 'abc', { action: 'abc', message: { key: 'abc.done', params: { a: 1, b: 0, c: 0, noSales: 0 } }, sheets: ['ABC'], problems: [] }, ops);
  job.state.cursor = { operation: 1, row: 3, appendAt: 17 };
  job.state.done = 1;
  return job;
}

describe('the job codec', () => {
  it('round-trips Dates, nulls and the undefined of "leave this cell alone", without holes', () => {
    const back = decodeJson<SheetOperation[]>(encodeJson(operations));
    expect(back).toEqual(operations);
    const values = (back[0] as Extract<SheetOperation, { kind: 'writeColumns' }>).columns[0].values;
    expect(values[0]).toBeInstanceOf(Date);
    expect((values[3] as Date).toISOString()).toBe('2024-02-29T23:59:59.999Z');
    expect(1 in values).toBe(true);
    expect(values[1]).toBeUndefined();
    expect(values[2]).toBeNull();
  });

  it('leaves strings that look like its tags alone', () => {
    const text = ['{"$date":"2024-01-01T00:00:00.000Z"}', '$undefined', { note: '$date' }];
    expect(decodeJson(encodeJson(text))).toEqual(text);
  });

  it('cuts text into pieces of at most the size, never between the halves of a surrogate pair', () => {
    const text = `ab${'😀'.repeat(10)}c`;
    for (const size of [2, 3, 4, 5]) {
      const pieces = splitText(text, size);
      expect(pieces.join('')).toBe(text);
      for (const piece of pieces) {
        expect(piece.length).toBeLessThanOrEqual(size);
        expect(piece).not.toMatch(/^[\udc00-\udfff]|[\ud800-\udbff]$/);
      }
    }
    expect(splitText('', 10)).toEqual([]);
  });
});

describe('JobSheet', () => {
  const store = () => {
    const spreadsheet = new FakeSpreadsheet();
    spreadsheet.addSheetWithValues('Клиенты', [['ID', 'Клиент']]);
    return { spreadsheet, jobs: new JobSheet(spreadsheet.getActiveSpreadsheetProxy()) };
  };

  it('has no job until one is saved', () => {
    const { jobs } = store();
    expect(jobs.state()).toBeNull();
    expect(jobs.load()).toBeNull();
  });

  it('keeps a job in a hidden sheet at the end, formula-like strings and Dates coming back unchanged', () => {
    const { spreadsheet, jobs } = store();
    const job = sampleJob();
    jobs.save(job);
    expect(spreadsheet.sheets.map((s) => s.name)).toEqual(['Клиенты', JOB_SHEET]);
    expect(spreadsheet.sheets[1].isSheetHidden()).toBe(true);
    expect(workbookState(spreadsheet).sheets[1].formulaCells).toEqual([]);
    expect(jobs.load()).toEqual(job);
    expect(jobs.state()).toEqual(job.state);
  });

  it('spreads a large job over cells Sheets accepts', () => {
    const { spreadsheet, jobs } = store();
    const rows = Array.from({ length: 6000 }, (_, i) => [`Клиент ${i} «${TYPED_LOOKALIKES[i % TYPED_LOOKALIKES.length]}»`, i, new Date(Date.UTC(2025, 11, 31))]);
    const job = sampleJob([{ kind: 'appendRows', sheet: 'Клиенты', rows }]);
    jobs.save(job); // the fake refuses cells over 50,000 characters
    const cells = workbookState(spreadsheet).sheets[1].values.map((row) => String(row[0]));
    expect(cells.length).toBeGreaterThan(5);
    for (const cell of cells) expect(cell.length).toBeLessThanOrEqual(CELL_CHARS);
    expect(jobs.load()).toEqual(job);
  });

  it('keeps a piece of JSON that starts like a formula as text', () => {
    const { spreadsheet, jobs } = store();
    // pad a string so that the second piece of the payload starts at its `=`
    const marker = '\u00a7';
    const withText = (text: string) => sampleJob([{ kind: 'appendRows', sheet: 'Клиенты', rows: [[text]] }]);
    const job0 = withText(marker);
    const at = encodeJson({ result: job0.result, operations: job0.operations }).indexOf(marker);
    const job = withText(`${'x'.repeat(CELL_CHARS - at)}=SUM(A1:A9)`);
    jobs.save(job);
    const cells = spreadsheet.sheets[1].cells.map((row) => row[0]);
    expect(cells[2].value).toMatch(/^=SUM\(A1:A9\)/);
    expect(cells.filter((cell) => cell.formula !== undefined)).toEqual([]);
    expect(jobs.load()).toEqual(job);
  });

  it('rewrites the state alone, replaces a job saved again, and removes the sheet', () => {
    const { spreadsheet, jobs } = store();
    const job = sampleJob();
    jobs.save(job);
    jobs.saveState({ ...job.state, done: 2, error: '=boom' });
    expect(jobs.load()).toEqual({ ...job, state: { ...job.state, done: 2, error: '=boom' } });

    const smaller = { ...job, operations: job.operations.slice(1) };
    jobs.save(smaller);
    expect(jobs.load()).toEqual(smaller);

    jobs.remove();
    expect(spreadsheet.sheets.map((s) => s.name)).toEqual(['Клиенты']);
    expect(jobs.state()).toBeNull();
    expect(() => jobs.saveState(job.state)).toThrow(JOB_SHEET);
  });
});
