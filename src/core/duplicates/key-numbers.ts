/**
 * Blocking keys (blocking.ts) as numbers, and a table from those numbers to groups: a base of 100,000
 * clients has about 2 M keys, most of them its own client's alone, and keys kept as text in a `Map` cost
 * seconds to gather. The full search (candidates.ts) and the new-client check's index (client-index.ts)
 * both key clients this way.
 */
import { OFFER_PREFIX, PROBE_PREFIX } from './blocking';

/** 2²¹: the second hash's top 21 bits go under the first hash's 32 in a key's number. */
const LOW_HASH_SPAN = 2 ** 21;

/**
 * A text as a number of 53 bits: FNV-1a and a multiply-xorshift hash of its characters from `from` on, 32 bits
 * and 21 bits. Two of the 2 M keys of a 100,000-client base get one number by chance in about one base of
 * 4,000; their two blocks are then one, which adds pairs to compare (the verdict still decides).
 */
function hashedText(key: string, from: number): number {
  let first = 0x811c9dc5;
  let second = 0x9747b28c;
  for (let i = from; i < key.length; i++) {
    const code = key.charCodeAt(i);
    first = Math.imul(first ^ code, 0x01000193);
    second = Math.imul(second ^ code, 0x5bd1e995);
    second ^= second >>> 15;
  }
  return (first >>> 0) * LOW_HASH_SPAN + (second >>> 11);
}

const PROBE_KIND = PROBE_PREFIX.charCodeAt(0);

/**
 * A blocking key's number. Probes of initials and their offers are hashed past their first letter, so a
 * probe's number is its offers' (`j:…` and `J:…`): the key's kind, its first letter, tells them apart.
 */
export function keyNumber(key: string): number {
  return hashedText(key, key.charCodeAt(0) === PROBE_KIND || key.startsWith(OFFER_PREFIX) ? 1 : 0);
}

/** A copy of `array` twice as long. */
export function doubled<T extends Float64Array | Int32Array | Uint16Array | Uint8Array>(array: T, make: (size: number) => T): T {
  const grown = make(array.length * 2);
  grown.set(array);
  return grown;
}

/**
 * Blocking keys as numbers (`keyNumber`), each with the client it is of and its kind (its first letter),
 * in the order added, in typed arrays that grow as they fill: keys are made once and kept as numbers,
 * never as text.
 */
export class KeyList {
  numbers = new Float64Array(1 << 16);
  owners = new Int32Array(1 << 16);
  kinds = new Uint8Array(1 << 16);
  length = 0;

  /** Adds `key` of client `owner`; returns the key's number. */
  add(key: string, owner: number): number {
    if (this.length === this.numbers.length) {
      this.numbers = doubled(this.numbers, (size) => new Float64Array(size));
      this.owners = doubled(this.owners, (size) => new Int32Array(size));
      this.kinds = doubled(this.kinds, (size) => new Uint8Array(size));
    }
    const number = keyNumber(key);
    this.numbers[this.length] = number;
    this.owners[this.length] = owner;
    this.kinds[this.length++] = key.charCodeAt(0);
    return number;
  }
}

/**
 * Key numbers (`keyNumber`) to group indices 0, 1, 2 … in the order first seen: an open-addressing table
 * in typed arrays. A `Map` keyed by numbers past 2³¹ boxes every key it is asked for, and was most of the
 * time of blocking.
 */
export class GroupsByNumber {
  private readonly numbers: Float64Array;
  private readonly groups: Int32Array;
  private readonly mask: number;
  private size = 0;

  /** A table for at most `count` numbers. */
  constructor(count: number) {
    const slots = 2 ** Math.max(4, Math.ceil(Math.log2(count * 2 + 1)));
    this.numbers = new Float64Array(slots);
    this.groups = new Int32Array(slots).fill(-1);
    this.mask = slots - 1;
  }

  /** The slot of `number`, or the empty slot where it would go. */
  private slotOf(number: number): number {
    // The number's first 32 bits are FNV-1a's: well mixed.
    let slot = (number / LOW_HASH_SPAN) & this.mask;
    while (this.groups[slot] >= 0 && this.numbers[slot] !== number) slot = (slot + 1) & this.mask;
    return slot;
  }

  /** How many groups there are. */
  get count(): number {
    return this.size;
  }

  /** The group of `number`, a new one (the next index) when it was not seen yet. */
  groupOf(number: number): number {
    const slot = this.slotOf(number);
    if (this.groups[slot] < 0) {
      this.numbers[slot] = number;
      this.groups[slot] = this.size++;
    }
    return this.groups[slot];
  }

  /** The group of `number`, or −1 when it was not seen. */
  existingGroupOf(number: number): number {
    return this.groups[this.slotOf(number)];
  }
}
