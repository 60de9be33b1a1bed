import { PassThrough } from 'stream';
import { jsonPieces, writeJsonText } from '../json-text';

/** Reports of every shape the commands write, and the corners of JSON.stringify's format. */
const REPORTS: Array<Record<string, unknown>> = [
  {},
  { asOf: '2026-12-04', clients: [], problems: [] },
  {
    asOf: '2026-12-04',
    clients: [
      { id: 'К-00001', name: 'ООО «Ромашка»', revenue: 1234.5, lastOrder: null, tags: ['a', 'b'], nested: { deep: [1, { x: '\n"\\' }] }, skipped: undefined },
      { id: 'К-00002', name: 'Иванов', revenue: null, tags: [], nested: {} },
    ],
    abc: { A: { clients: 1, revenue: 1234.5 }, B: { clients: 0, revenue: 0 } },
    holes: [undefined, () => 1, null, new Date(Date.UTC(2024, 1, 29))],
    left: undefined,
    count: 3,
    flag: false,
    text: 'строка\tс табом',
  },
  { only: [[1, 2], [], [[3]]] },
];

describe('a report as streamed JSON text', () => {
  it.each(REPORTS.map((report, i) => [i, report]))('is the text of JSON.stringify(report, null, 2), report %i', (_i, report) => {
    expect([...jsonPieces(report)].join('')).toBe(JSON.stringify(report, null, 2) + '\n');
  });

  it('waits for a slow stream and ends it, the whole text written', async () => {
    const report = { clients: Array.from({ length: 20_000 }, (_, i) => ({ id: `К-${i}`, name: 'Клиент с длинным именем '.repeat(3) })) };
    const out = new PassThrough({ highWaterMark: 1024 });
    const chunks: Buffer[] = [];
    let paused = 0;
    const writing = writeJsonText(out, report);
    // Read slowly: the writer must wait for 'drain' rather than buffer everything at once.
    for await (const chunk of out) {
      chunks.push(chunk as Buffer);
      if (out.writableNeedDrain) paused++;
      await new Promise((resolve) => setImmediate(resolve));
    }
    await writing;
    expect(paused).toBeGreaterThan(0);
    expect(JSON.parse(Buffer.concat(chunks).toString('utf8'))).toEqual(report);
  });
});
