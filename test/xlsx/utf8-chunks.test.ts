import fc from 'fast-check';
import { Utf8Chunks } from '../../src/xlsx/utf8-chunks';

describe('Utf8Chunks', () => {
  it('gives the UTF-8 bytes of the pieces joined, whatever the sizes of pieces and chunks', () => {
    const piece = fc.oneof(fc.string(), fc.fullUnicodeString(), fc.constantFrom('Клиент «Ромашка»', '😀', 'x'.repeat(100)));
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 40 }), fc.integer({ min: 8, max: 64 }), (pieces, chunkBytes) => {
        const text = new Utf8Chunks(chunkBytes);
        const taken: Buffer[] = [];
        for (const p of pieces) {
          text.append(p);
          if (text.ready) taken.push(...text.take());
        }
        taken.push(...text.take(true));
        expect(Buffer.concat(taken).toString('utf8')).toBe(pieces.join(''));
        for (const chunk of taken) expect(chunk.length).toBeGreaterThan(0);
      }),
    );
  });

  it('holds nothing once everything is taken', () => {
    const text = new Utf8Chunks(32);
    text.append('Иванов');
    expect(text.ready).toBe(false);
    expect(Buffer.concat(text.take(true)).toString()).toBe('Иванов');
    expect(text.take(true)).toEqual([]);
  });
});
