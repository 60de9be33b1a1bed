/**
 * The parts of a package read from its own bytes (the browser's native inflating, or Node's zlib;
 * zip-entries.ts, xlsx/node.ts) are the bytes jszip reads, for deflated and stored parts, with a comment
 * after the directory; a package not read so is left to jszip, and a damaged part is a damaged workbook.
 */
import JSZip from 'jszip';
import { generateSampleWorkbook } from '../../src/sample';
import { readXlsx } from '../../src/xlsx/package-reader';
import { WorkbookFileError } from '../../src/xlsx/open-package';
import { XlsxWorkbook } from '../../src/xlsx/workbook';
import { zipParts } from '../../src/xlsx/zip-entries';
import { xlsxFromBuffer } from '../../src/xlsx/node';

async function sampleXlsx(): Promise<Uint8Array> {
  return new Uint8Array(await XlsxWorkbook.fromSnapshot(generateSampleWorkbook({ clients: 200, orders: 800 })).toBuffer());
}

async function sameParts(data: Uint8Array): Promise<number> {
  const zip = await JSZip.loadAsync(data);
  const parts = zipParts(data)!;
  expect(parts).not.toBeNull();
  const paths = Object.keys(zip.files).filter((path) => !zip.files[path].dir);
  for (const path of paths) {
    const [ours, theirs] = [Buffer.from((await parts.read(path))!), Buffer.from(await zip.file(path)!.async('uint8array'))];
    expect({ path, same: ours.equals(theirs) }).toEqual({ path, same: true });
  }
  expect(await parts.read('xl/none.xml')).toBeNull();
  return paths.length;
}

describe('zip parts read from the bytes', () => {
  it('are the parts jszip reads, deflated or stored, with or without a comment', async () => {
    const data = await sampleXlsx();
    expect(await sameParts(data)).toBeGreaterThan(8);
    const zip = await JSZip.loadAsync(data);
    const stored = await zip.generateAsync({ type: 'uint8array', compression: 'STORE', comment: 'сохранено «Ромашкой»' });
    expect(await sameParts(stored)).toBeGreaterThan(8);
  });

  it('read a workbook as jszip does', async () => {
    const data = await sampleXlsx();
    const native = await readXlsx(data, { inflateNatively: true });
    const viaJszip = await readXlsx(data, { inflateNatively: false });
    expect(native.state()).toEqual(viaJszip.state());
    expect((await native.read()).sheets.map((s) => s.rows.length)).toEqual([expect.any(Number), 200, 800]);
  });

  it('read a workbook through zlib in Node as jszip does, a part whose size the directory misstates too', async () => {
    const data = await sampleXlsx();
    const viaJszip = await readXlsx(data, { inflateNatively: false });
    expect((await xlsxFromBuffer(data)).state()).toEqual(viaJszip.state());
    // The directory says the clients sheet inflates to a byte more than it does: zlib gives no part of
    // another size, and the workbook reads (or is refused) as jszip reads it.
    const zip = await JSZip.loadAsync(data);
    const sheet = Object.keys(zip.files).find((path) => path.startsWith('xl/worksheets/sheet2'))!;
    const name = Buffer.from(sheet);
    const bytes = Buffer.from(data);
    const entry = bytes.indexOf(name, bytes.lastIndexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]), bytes.lastIndexOf(name))) - 46;
    expect(bytes.readUInt32LE(entry)).toBe(0x02014b50);
    const wrongSize = Buffer.from(bytes);
    wrongSize.writeUInt32LE(bytes.readUInt32LE(entry + 24) + 1, entry + 24);
    expect(await zipParts(wrongSize, async () => null)!.read(sheet)).toBeNull();
    const fromWrongSize = await xlsxFromBuffer(wrongSize).then((book) => book.state(), (error: Error) => error.constructor);
    const jszipWrongSize = await readXlsx(wrongSize, { inflateNatively: false }).then((book) => book.state(), (error: Error) => error.constructor);
    expect(fromWrongSize).toEqual(jszipWrongSize);
  });

  it('leave to jszip what is no plain package, and call a damaged part a damaged workbook', async () => {
    expect(zipParts(new TextEncoder().encode('Клиент;Телефон\n'))).toBeNull();
    const data = await sampleXlsx();
    const zip = await JSZip.loadAsync(data);
    // The deflated bytes of the clients sheet spoilt in the middle: the directory still reads.
    const spoilt = data.slice();
    const sheet = Object.keys(zip.files).find((path) => path.startsWith('xl/worksheets/sheet2'))!;
    const at = Buffer.from(spoilt).indexOf(Buffer.from(sheet)) + sheet.length + 200;
    spoilt.fill(0xff, at, at + 64);
    await expect(zipParts(spoilt)!.read(sheet)).rejects.toThrow();
    await expect(readXlsx(spoilt, { inflateNatively: true })).rejects.toBeInstanceOf(WorkbookFileError);
    await expect(xlsxFromBuffer(spoilt)).rejects.toBeInstanceOf(WorkbookFileError);
  });
});
