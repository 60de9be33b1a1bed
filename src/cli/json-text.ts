/**
 * A report as JSON text, streamed: the same text as `JSON.stringify(report, null, 2)`, made one array
 * item at a time. The results of a 100,000-client base are about 50 MB of JSON, and one string of them
 * (twice that in memory for Cyrillic text, and its bytes again) was the last peak of a big `analyze`.
 */
import { once } from 'events';
import type { Writable } from 'stream';
import { Utf8Chunks } from '../xlsx/utf8-chunks';

const INDENT = '  ';

/** JSON.stringify leaves out a property with one of these; in an array it writes null. */
function omitted(value: unknown): boolean {
  return value === undefined || typeof value === 'function' || typeof value === 'symbol';
}

/** `value` as it would be indented at `depth` inside JSON.stringify(…, null, 2). */
function nested(value: unknown, depth: number): string {
  return (JSON.stringify(value, null, 2) ?? 'null').replace(/\n/g, `\n${INDENT.repeat(depth)}`);
}

/** The text of a report object, in pieces: its arrays' items one by one. */
export function* jsonPieces(report: Record<string, unknown>): Generator<string> {
  const entries = Object.entries(report).filter(([, value]) => !omitted(value));
  if (entries.length === 0) {
    yield '{}\n';
    return;
  }
  yield '{';
  for (const [index, [key, value]] of entries.entries()) {
    yield `${index === 0 ? '' : ','}\n${INDENT}${JSON.stringify(key)}: `;
    if (!Array.isArray(value) || value.length === 0) {
      yield nested(value, 1);
      continue;
    }
    yield '[';
    for (let i = 0; i < value.length; i++) {
      yield `${i === 0 ? '' : ','}\n${INDENT.repeat(2)}${omitted(value[i]) ? 'null' : nested(value[i], 2)}`;
    }
    yield `\n${INDENT}]`;
  }
  yield '\n}\n';
}

/** Writes the report's JSON text into `out`, waiting whenever the stream asks to, and ends it. */
export async function writeJsonText(out: Writable, report: Record<string, unknown>): Promise<void> {
  const text = new Utf8Chunks();
  for (const piece of jsonPieces(report)) {
    text.append(piece);
    if (!text.ready) continue;
    for (const bytes of text.take()) if (!out.write(bytes)) await once(out, 'drain');
  }
  for (const bytes of text.take(true)) out.write(bytes);
  out.end();
}
