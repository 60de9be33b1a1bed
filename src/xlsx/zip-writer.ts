/**
 * A zip package written as a stream: one part after another, each deflated by Node's zlib as its text
 * arrives, so a sheet of a million rows is never held whole, compressed or not. Sizes and checksums
 * follow each part (data descriptors), so nothing is written twice. No zip64: a part or the package of
 * 4 GB or more is refused.
 */
import { once } from 'events';
import type { Transform, TransformOptions, Writable } from 'stream';
import { constants, crc32, createDeflateRaw, type ZlibOptions } from 'zlib';
import { Utf8Chunks } from './utf8-chunks';

/** Bytes gathered before they are handed to the compressor: few calls, and little held. */
const CHUNK_BYTES = 256 * 1024;
/**
 * Text the compressor may have waiting before the writer waits for it. The compressor works on another
 * thread: with a backlog of its default 16 KB, each chunk was compressed while the XML stood still.
 */
const COMPRESSOR_BACKLOG_BYTES = 4 * 1024 * 1024;
const ZIP32_LIMIT = 0xffffffff;
/** General purpose flags: sizes in a data descriptor (bit 3), names in UTF-8 (bit 11). */
const FLAGS = 0x0808;
const DEFLATE = 8;
const VERSION = 20;

interface Entry {
  name: Buffer;
  crc: number;
  compressed: number;
  size: number;
  offset: number;
}

/**
 * One part being written: its text in order, then `close`. `append` only gathers the text; `flush` hands
 * what is gathered to the compressor and waits while it is behind; `write` does both.
 */
export interface ZipPart {
  append(text: string): void;
  flush(): Promise<void>;
  write(text: string): Promise<void>;
  close(): Promise<void>;
}

function dosDateTime(date: Date): { time: number; day: number } {
  const time = (date.getHours() << 11) | (date.getMinutes() << 5) | (date.getSeconds() >> 1);
  const day = ((date.getFullYear() - 1980) << 9) | ((date.getMonth() + 1) << 5) | date.getDate();
  return { time, day };
}

export class ZipWriter {
  private readonly entries: Entry[] = [];
  private offset = 0;
  private readonly stamp = dosDateTime(new Date());
  /** An error of the output stream, thrown by the next write (a stream's error with no listener would end the process). */
  private failure: Error | undefined;
  private compressing: Transform | undefined;

  constructor(
    private readonly out: Writable,
    /**
     * zlib's fastest level, as ExcelJS's zip used: on a sheet of 400,000 order rows its own default (6)
     * made the file a fifth smaller and the write a fifth slower.
     */
    private readonly level = constants.Z_BEST_SPEED,
  ) {
    out.on('error', (error: Error) => {
      this.failure ??= error;
      // The part being compressed may wait for a drain that never comes: it ends with the error instead.
      this.compressing?.destroy(error);
    });
  }

  private async emit(bytes: Buffer): Promise<void> {
    if (this.failure) throw this.failure;
    this.offset += bytes.length;
    if (this.offset > ZIP32_LIMIT) throw new Error('the workbook is 4 GB or more, more than a zip without zip64 holds');
    if (!this.out.write(bytes)) await once(this.out, 'drain');
  }

  /** Starts a part; the part before must be closed. */
  async open(path: string): Promise<ZipPart> {
    const entry: Entry = { name: Buffer.from(path.replace(/^\//, ''), 'utf8'), crc: 0, compressed: 0, size: 0, offset: this.offset };
    const header = Buffer.alloc(30);
    header.writeUInt32LE(0x04034b50, 0);
    header.writeUInt16LE(VERSION, 4);
    header.writeUInt16LE(FLAGS, 6);
    header.writeUInt16LE(DEFLATE, 8);
    header.writeUInt16LE(this.stamp.time, 10);
    header.writeUInt16LE(this.stamp.day, 12);
    header.writeUInt16LE(entry.name.length, 26);
    await this.emit(Buffer.concat([header, entry.name]));
    // Node hands a zlib stream's options on to the stream it is; the types name only zlib's own.
    const options: ZlibOptions & TransformOptions = { level: this.level, writableHighWaterMark: COMPRESSOR_BACKLOG_BYTES };
    const deflate = createDeflateRaw(options);
    // The compressor's output goes on as it comes; the writes are awaited through `flushed`.
    let outWaiting: Promise<void> = Promise.resolve();
    deflate.on('data', (chunk: Buffer) => {
      entry.compressed += chunk.length;
      this.offset += chunk.length;
      if (!this.out.write(chunk)) {
        deflate.pause();
        outWaiting = once(this.out, 'drain').then(() => void deflate.resume());
        // A failed output is reported by the next write or the close, through `failure`.
        outWaiting.catch(() => undefined);
      }
    });
    this.compressing = deflate;
    const ended = once(deflate, 'end');
    ended.catch(() => undefined);
    const text = new Utf8Chunks(CHUNK_BYTES);
    const flush = async (final = false) => {
      if (this.failure) throw this.failure;
      for (const bytes of text.take(final)) {
        entry.crc = crc32(bytes, entry.crc);
        entry.size += bytes.length;
        if (!deflate.write(bytes)) await once(deflate, 'drain');
      }
    };
    return {
      append: (piece) => text.append(piece),
      flush: () => flush(),
      write: async (piece) => {
        text.append(piece);
        await flush();
      },
      close: async () => {
        await flush(true);
        deflate.end();
        await ended;
        this.compressing = undefined;
        await outWaiting.catch(() => undefined);
        if (this.failure) throw this.failure;
        if (entry.size > ZIP32_LIMIT || this.offset > ZIP32_LIMIT) throw new Error('a part of the workbook is 4 GB or more, more than a zip without zip64 holds');
        const descriptor = Buffer.alloc(16);
        descriptor.writeUInt32LE(0x08074b50, 0);
        descriptor.writeUInt32LE(entry.crc, 4);
        descriptor.writeUInt32LE(entry.compressed, 8);
        descriptor.writeUInt32LE(entry.size, 12);
        await this.emit(descriptor);
        this.entries.push(entry);
      },
    };
  }

  /** A whole part at once, from text or from chunks of text. */
  async add(path: string, content: string | Iterable<string> | AsyncIterable<string>): Promise<void> {
    const part = await this.open(path);
    if (typeof content === 'string') await part.write(content);
    else for await (const text of content) await part.write(text);
    await part.close();
  }

  /** Writes the central directory; the output stream is then ended and its end awaited. */
  async finish(): Promise<void> {
    const start = this.offset;
    for (const entry of this.entries) {
      const record = Buffer.alloc(46);
      record.writeUInt32LE(0x02014b50, 0);
      record.writeUInt16LE(VERSION, 4);
      record.writeUInt16LE(VERSION, 6);
      record.writeUInt16LE(FLAGS, 8);
      record.writeUInt16LE(DEFLATE, 10);
      record.writeUInt16LE(this.stamp.time, 12);
      record.writeUInt16LE(this.stamp.day, 14);
      record.writeUInt32LE(entry.crc, 16);
      record.writeUInt32LE(entry.compressed, 20);
      record.writeUInt32LE(entry.size, 24);
      record.writeUInt16LE(entry.name.length, 28);
      record.writeUInt32LE(entry.offset, 42);
      await this.emit(Buffer.concat([record, entry.name]));
    }
    const end = Buffer.alloc(22);
    end.writeUInt32LE(0x06054b50, 0);
    end.writeUInt16LE(this.entries.length, 8);
    end.writeUInt16LE(this.entries.length, 10);
    end.writeUInt32LE(this.offset - start, 12);
    end.writeUInt32LE(start, 16);
    await this.emit(end);
    if (this.failure) throw this.failure;
    const finished = once(this.out, 'finish');
    this.out.end();
    await finished;
  }
}
