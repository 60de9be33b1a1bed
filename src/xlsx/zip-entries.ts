/**
 * The parts of a zip package read straight from its bytes and inflated by the platform's own
 * decompressor (DecompressionStream in a browser, zlib in Node). In a browser that is native code: on a
 * 34 MB sheet in Chromium it takes 0.26–0.40 s where jszip's inflater, written in JavaScript, takes
 * 0.49–0.75 s. Only what a plain package holds is read here: a part stored or deflated, found through the
 * central directory. Anything else (zip64, another method, a directory that does not add up) is left to
 * jszip: `zipParts` then answers null, or `read` null for that part.
 */

const END_OF_DIRECTORY = 0x06054b50;
const DIRECTORY_ENTRY = 0x02014b50;
const LOCAL_HEADER = 0x04034b50;
const STORED = 0;
const DEFLATED = 8;
/** The end-of-directory record and the longest comment after it. */
const END_SEARCH = 22 + 0xffff;
/** Sizes of this value stand for figures in a zip64 record. */
const ZIP64 = 0xffffffff;

interface Entry {
  method: number;
  compressedSize: number;
  size: number;
  localHeader: number;
}

export interface ZipParts {
  /** The part's bytes, inflated; null when the package holds no such part, or holds it in a way read elsewhere. */
  read(path: string): Promise<Uint8Array | null>;
}

const NAMES = new TextDecoder();

/**
 * A part's deflated bytes inflated; `size`, what the directory says they inflate to. Null: the part is
 * left to jszip. The browser's own decompressor by default; Node gives its zlib (xlsx/node.ts).
 */
export type InflateRaw = (bytes: Uint8Array, size: number) => Promise<Uint8Array | null>;

/** Inflates into one buffer of the size the directory gives: the decompressor's chunks are copied once. */
async function inflateRawStream(bytes: Uint8Array, size: number): Promise<Uint8Array> {
  const stream = new DecompressionStream('deflate-raw');
  const writer = stream.writable.getWriter();
  // Not awaited: the writes complete as the output below is read.
  void writer.write(bytes as Uint8Array<ArrayBuffer>).catch(() => undefined);
  void writer.close().catch(() => undefined);
  const reader = stream.readable.getReader();
  const out = new Uint8Array(size);
  let at = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    if (at + value.length > size) throw new Error('a part inflates to more than the package says');
    out.set(value, at);
    at += value.length;
  }
  if (at !== size) throw new Error('a part inflates to less than the package says');
  return out;
}

function endOfDirectory(view: DataView): number {
  for (let at = view.byteLength - 22; at >= Math.max(0, view.byteLength - END_SEARCH); at--) {
    if (view.getUint32(at, true) === END_OF_DIRECTORY) return at;
  }
  return -1;
}

/** The package's parts by path, or null when its directory is not one read here. */
export function zipParts(data: Uint8Array, inflateRaw: InflateRaw = inflateRawStream): ZipParts | null {
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  const end = endOfDirectory(view);
  if (end < 0) return null;
  const count = view.getUint16(end + 10, true);
  const start = view.getUint32(end + 16, true);
  if (count === 0xffff || start === ZIP64 || start > end) return null;
  const entries = new Map<string, Entry>();
  for (let at = start, k = 0; k < count; k++) {
    if (at + 46 > end || view.getUint32(at, true) !== DIRECTORY_ENTRY) return null;
    const nameLength = view.getUint16(at + 28, true);
    entries.set(NAMES.decode(data.subarray(at + 46, at + 46 + nameLength)), {
      method: view.getUint16(at + 10, true),
      compressedSize: view.getUint32(at + 20, true),
      size: view.getUint32(at + 24, true),
      localHeader: view.getUint32(at + 42, true),
    });
    at += 46 + nameLength + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
  }
  return {
    async read(path) {
      const entry = entries.get(path);
      if (!entry || (entry.method !== STORED && entry.method !== DEFLATED) || entry.compressedSize === ZIP64 || entry.size === ZIP64) return null;
      const header = entry.localHeader;
      if (header + 30 > data.length || view.getUint32(header, true) !== LOCAL_HEADER) return null;
      const from = header + 30 + view.getUint16(header + 26, true) + view.getUint16(header + 28, true);
      const bytes = data.subarray(from, from + entry.compressedSize);
      if (bytes.length !== entry.compressedSize) return null;
      return entry.method === STORED ? bytes : inflateRaw(bytes, entry.size);
    },
  };
}
