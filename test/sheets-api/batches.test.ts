/** Cutting a plan's requests into batches, and what a stop leaves of each operation. */
import { INCOMPLETE_NOTE, splitBatches, statusOf, withIncompleteNote, withoutIncompleteNote, type OperationSpan } from '../../src/sheets-api/batches';
import type { SheetOperation } from '../../src/workbook/operations';

const op = (sheet: string): SheetOperation => ({ kind: 'writeColumns', sheet, columns: [] });
/** Spans of the given request counts, one after another. */
function spans(...sizes: number[]): OperationSpan[] {
  let start = 0;
  return sizes.map((size, i) => {
    const span = { op: op(`Лист ${i + 1}`), start, end: start + size };
    start += size;
    return span;
  });
}

describe('splitBatches', () => {
  it('cuts between operations, never inside one that fits a batch', () => {
    expect(splitBatches(spans(2, 2, 3, 1), 4)).toEqual([{ start: 0, end: 4 }, { start: 4, end: 8 }]);
    expect(splitBatches(spans(3, 2, 2), 4)).toEqual([{ start: 0, end: 3 }, { start: 3, end: 7 }]);
  });

  it('cuts an operation bigger than a batch into full batches of its own', () => {
    expect(splitBatches(spans(1, 9, 1), 4)).toEqual([{ start: 0, end: 1 }, { start: 1, end: 5 }, { start: 5, end: 9 }, { start: 9, end: 11 }]);
  });

  it('sends no batch for a plan without requests', () => {
    expect(splitBatches(spans(0, 0), 4)).toEqual([]);
  });
});

describe('statusOf', () => {
  const [first, big, last] = spans(1, 9, 1);
  it('tells written, partly written, perhaps written and not written apart', () => {
    expect([first, big, last].map((s) => statusOf(s, { written: 5, unknownEnd: 5 }))).toEqual(['written', 'partly written', 'not written']);
    expect([first, big, last].map((s) => statusOf(s, { written: 1, unknownEnd: 5 }))).toEqual(['written', 'perhaps written', 'not written']);
    expect([first, big, last].map((s) => statusOf(s, { written: 0, unknownEnd: 0 }))).toEqual(['not written', 'not written', 'not written']);
  });
});

describe('the note on A1', () => {
  it('goes after the user\'s own note once, and comes off leaving it as it was', () => {
    const noted = withIncompleteNote(withIncompleteNote('Позвонить в пятницу'));
    expect(noted).toBe(`Позвонить в пятницу\n\n${INCOMPLETE_NOTE}`);
    expect(withoutIncompleteNote(noted)).toBe('Позвонить в пятницу');
    expect(withIncompleteNote('')).toBe(INCOMPLETE_NOTE);
    expect(withoutIncompleteNote(INCOMPLETE_NOTE)).toBe('');
  });
});
