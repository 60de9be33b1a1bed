/**
 * One string per distinct field value of a CSV column, the way a spreadsheet shares its strings.
 *
 * An export of a million order lines names the same few thousand clients, services, managers and days
 * again and again. Slicing each field anew makes a million separate strings with the same text: memory
 * and collection time, and every later lookup by such a string (linking an order to its client) hashes
 * it afresh. Here a field's characters are hashed where they lie in the text and, when the same text
 * was seen in the column before, the string made then is returned. The result is always a string equal
 * to `text.slice(start, end)`; only which object holds it changes.
 */

/** Longer fields (comments, addresses) rarely repeat: they are sliced without being remembered. */
const MAX_CACHED_LENGTH = 64;
/** Distinct values remembered per column; past that, new values are sliced. */
const MAX_ENTRIES = 1 << 18;
const INITIAL_SLOTS = 1 << 10;
/**
 * After this many fields a column that repeated fewer than one value in `MIN_REPEAT_SHARE` stops being
 * looked up (order numbers, amounts): for it, the table would only cost time.
 */
const TRIAL_FIELDS = 1 << 16;
const MIN_REPEAT_SHARE = 16;

/** The distinct values of one column, in an open-addressing hash table over a typed array. */
class ColumnStrings {
  /** Per slot, the hash and the entry index + 1 side by side (one memory access per probe); 0 is empty. */
  private slots = new Int32Array(2 * INITIAL_SLOTS);
  private readonly values: string[] = [];
  private fields = 0;
  private repeats = 0;
  /** False once the column proved to hold (nearly) unique values. */
  active = true;

  constructor(private readonly text: string) {}

  /** `text.slice(start, end)`, the same string as before when this column held the same text. */
  field(start: number, end: number): string {
    const text = this.text;
    if (++this.fields === TRIAL_FIELDS && this.repeats * MIN_REPEAT_SHARE < TRIAL_FIELDS) this.active = false;
    // FNV-1a over the UTF-16 code units.
    let hash = 0x811c9dc5;
    for (let i = start; i < end; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
    // FNV's low bits, which pick the slot, mix poorly on their own: a final avalanche (MurmurHash3's).
    hash = Math.imul(hash ^ (hash >>> 16), 0x85ebca6b);
    hash = Math.imul(hash ^ (hash >>> 13), 0xc2b2ae35);
    hash ^= hash >>> 16;
    const slots = this.slots;
    const mask = (slots.length >> 1) - 1;
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const entry = slots[2 * slot + 1] - 1;
      if (entry < 0) return this.remember(slot, hash, text.slice(start, end));
      if (slots[2 * slot] !== hash) continue;
      const value = this.values[entry];
      if (value.length === end - start && sameText(value, text, start)) {
        this.repeats++;
        return value;
      }
    }
  }

  private remember(slot: number, hash: number, value: string): string {
    const count = this.values.length;
    if (count >= MAX_ENTRIES) return value;
    this.slots[2 * slot] = hash;
    this.slots[2 * slot + 1] = count + 1;
    this.values.push(value);
    // Kept at most half full, so a probe ends quickly at an empty slot.
    if (4 * (count + 1) > this.slots.length) this.grow();
    return value;
  }

  private grow(): void {
    const old = this.slots;
    const slots = new Int32Array(2 * old.length);
    const mask = (slots.length >> 1) - 1;
    for (let at = 0; at < old.length; at += 2) {
      if (old[at + 1] === 0) continue;
      let slot = old[at] & mask;
      while (slots[2 * slot + 1] !== 0) slot = (slot + 1) & mask;
      slots[2 * slot] = old[at];
      slots[2 * slot + 1] = old[at + 1];
    }
    this.slots = slots;
  }
}

function sameText(value: string, text: string, start: number): boolean {
  for (let i = 0; i < value.length; i++) if (value.charCodeAt(i) !== text.charCodeAt(start + i)) return false;
  return true;
}

/** Field strings of one CSV text, shared per column (see the module comment). */
export class FieldStrings {
  private readonly columns: ColumnStrings[] = [];

  constructor(private readonly text: string) {}

  /** `text.slice(start, end)` for the field in `column` (0-based). */
  field(column: number, start: number, end: number): string {
    const length = end - start;
    if (length === 0) return '';
    if (length > MAX_CACHED_LENGTH) return this.text.slice(start, end);
    let strings = this.columns[column];
    if (strings === undefined) {
      strings = new ColumnStrings(this.text);
      this.columns[column] = strings;
    }
    return strings.active ? strings.field(start, end) : this.text.slice(start, end);
  }
}
