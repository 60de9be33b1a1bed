import { linesAlreadyPresent as linesAlreadyPresentOf, type OrderLineIdentity } from '../already-present';

const linesAlreadyPresent = (sheet: OrderLineIdentity[], incoming: OrderLineIdentity[]) => linesAlreadyPresentOf(sheet, incoming.length, (i) => incoming[i]);

const line = (fields: Partial<OrderLineIdentity>): OrderLineIdentity => ({ date: 20_000, client: 'c0', amount: 100, service: 'уборка', number: '', ...fields });

describe('linesAlreadyPresent', () => {
  it('finds every line of an export imported again, by number or by fingerprint', () => {
    const sheet = [line({ number: 'N-1' }), line({ number: 'N-1', amount: 50 }), line({ date: 20_001 }), line({ date: 20_002, client: 'c1' })];
    const again = [line({ number: 'N-1' }), line({ number: 'N-1', amount: 50 }), line({ date: 20_001 }), line({ date: 20_002, client: 'c1' })];
    expect(linesAlreadyPresent(sheet, again)).toEqual({ present: [true, true, true, true], conflicts: [] });
  });

  it('imports only the new lines of an overlapping export', () => {
    const sheet = [line({ date: 20_000 }), line({ date: 20_001 })];
    const next = [line({ date: 20_001 }), line({ date: 20_002 }), line({ date: 20_003 })];
    expect(linesAlreadyPresent(sheet, next).present).toEqual([true, false, false]);
  });

  it('keeps two real identical purchases: the n-th identical line is present only when the sheet has it n times', () => {
    const twice = [line({}), line({})];
    expect(linesAlreadyPresent([line({})], twice).present).toEqual([true, false]);
    expect(linesAlreadyPresent([], twice).present).toEqual([false, false]);
  });

  it('reports, and imports, a number the sheet has for another client', () => {
    expect(linesAlreadyPresent([line({ number: 'N-9', client: 'c1' })], [line({ number: 'N-9', client: 'c2' })])).toEqual({
      present: [false],
      conflicts: [{ line: 0, reason: 'client', heldDate: null }],
    });
  });

  it('reports, and imports, a number the sheet has for the same client on another date', () => {
    const sheet = [line({ number: 'N-9', date: 20_000 }), line({ number: 'N-9', date: 20_000, amount: 5 })];
    const incoming = [line({ number: 'N-9', date: 20_000, amount: 7 }), line({ number: 'N-9', date: 20_031 }), line({ number: 'N-9', date: null })];
    expect(linesAlreadyPresent(sheet, incoming)).toEqual({
      present: [true, false, false],
      conflicts: [
        { line: 1, reason: 'date', heldDate: 20_000 },
        { line: 2, reason: 'date', heldDate: 20_000 },
      ],
    });
  });

  it('takes every line of an order number the sheet has as present, however many the file has', () => {
    const sheet = [line({ number: 'N-1', amount: 10 })];
    const incoming = [line({ number: 'N-1', amount: 10 }), line({ number: 'N-1', amount: 20 }), line({ number: 'N-1', amount: 30 }), line({ number: 'N-2' })];
    expect(linesAlreadyPresent(sheet, incoming)).toEqual({ present: [true, true, true, false], conflicts: [] });
  });

  it('tells lines apart by date, client, amount and service', () => {
    const sheet = [line({})];
    const others = [line({ date: 20_001 }), line({ client: 'c9' }), line({ amount: 101 }), line({ service: 'мойка' }), line({ amount: null })];
    expect(linesAlreadyPresent(sheet, others).present).toEqual([false, false, false, false, false]);
  });
});
