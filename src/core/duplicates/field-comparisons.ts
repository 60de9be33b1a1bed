/**
 * How two clients' fields compare, one field at a time: phones and e-mails one or two typos apart, a city
 * with a slip, days of birth with a slip. Both the verdict (evidence.ts) and the match weights
 * (match-weights.ts) read pairs through these.
 */
import type { MatchRecord } from './prepare';
import type { Rarity } from './rarity';
import { GENERIC_LOGINS } from './blocking';
import { editDistance, oneTypoApart } from './similarity';
import { phoneDigits } from '../normalise/phone';

// The contact checks below run for candidate pairs by the million: plain loops, no closures.

export function shares(a: readonly string[], b: readonly string[], rarity: Rarity): boolean {
  for (const x of a) for (const y of b) if (x === y && !rarity.isPlaceholder(x)) return true;
  return false;
}

export function anyTypoApart(a: readonly string[], b: readonly string[]): boolean {
  for (const x of a) for (const y of b) if (oneTypoApart(x, y)) return true;
  return false;
}

/** Digits out of place between two retypings of one number: two swaps, or a swap and two wrong digits. */
const MOST_DIGITS_OUT_OF_PLACE = 4;

/**
 * The fewest typos, up to `most`, between two of the phones (digits) of two records: two retypings of one
 * number, with slips in each; `most + 1` when none is that close. Two people's numbers differ in most of
 * their digits, so phones two or three typos apart are not evidence that the clients are different. A
 * digit left out and another added elsewhere shift every digit between them, as two people's numbers
 * differ, so at most four positions may differ; the costlier edit distance only decides those.
 */
export function fewestPhoneTypos(a: readonly string[], b: readonly string[], most: number): number {
  let fewest = most + 1;
  for (const x of a) for (const y of b) if (differentDigits(x, y) <= MOST_DIGITS_OUT_OF_PLACE) fewest = Math.min(fewest, editDistance(x, y, most));
  return fewest;
}

/** Positions where two numbers of one length differ; their length when the lengths differ. */
function differentDigits(a: string, b: string): number {
  if (a.length !== b.length) return Math.max(a.length, b.length);
  let count = 0;
  for (let i = 0; i < a.length; i++) if (a.charCodeAt(i) !== b.charCodeAt(i)) count++;
  return count;
}

/** The first `length` characters of two texts are the same. */
function sameStart(a: string, b: string, length: number): boolean {
  for (let k = 0; k < length; k++) if (a.charCodeAt(k) !== b.charCodeAt(k)) return false;
  return true;
}

function login(email: string): string {
  return email.slice(0, email.indexOf('@'));
}

/**
 * One typo in the login at the same domain, or in the domain under the same login (gmial.com) — but
 * not under a login like info@ or zakaz@, which firms of one name share at neighbouring domains.
 */
export function anyEmailTypoApart(a: readonly string[], b: readonly string[]): boolean {
  for (const x of a) for (const y of b) if (oneTypoApart(x, y) && typoKeepsAccount(login(x), login(y))) return true;
  return false;
}

/** Two logins of addresses one typo apart still name one account. */
function typoKeepsAccount(loginA: string, loginB: string): boolean {
  // Numbers tell accounts apart (ivanov77@, ivanov78@, office12@): a different number is another address.
  if (phoneDigits(loginA) !== phoneDigits(loginB)) return false;
  return loginA !== loginB || !GENERIC_LOGINS.has(loginA);
}

/**
 * One city with a slip in one of its spellings (`Екатеринбур`, `sydeny`): it counts as the same city,
 * weighed by the commoner spelling. Short names a letter apart are mostly other towns (Омск and Орск),
 * so only long ones count; the odd pair of long ones (Пушкин and Пушкино) still needs the names to agree.
 */
const CITY_TYPO_LENGTH = 6;

export function cityTypo(a: string, b: string): boolean {
  return Math.min(a.length, b.length) >= CITY_TYPO_LENGTH && oneTypoApart(a, b);
}

/** Digits of yyyymmdd, most significant first (k = 0 is the first digit of the year). */
function digitAt(digits: number, k: number): number {
  return Math.floor(digits / 10 ** (7 - k)) % 10;
}

/**
 * Whether two different days of birth (yyyymmdd, see `MatchRecord.birthdayDigits`) are one day with a
 * slip: one digit wrong, two neighbouring digits of the year, month or day swapped, or the day and the
 * month written the other way round. Otherwise no typo explains them: two people. Two numbers, no strings:
 * this runs for candidate pairs by the million.
 */
export function birthdaySlip(a: number, b: number): boolean {
  const [yearA, monthA, dayA] = [Math.floor(a / 10000), Math.floor(a / 100) % 100, a % 100];
  const [yearB, monthB, dayB] = [Math.floor(b / 10000), Math.floor(b / 100) % 100, b % 100];
  if (yearA === yearB && monthA === dayB && dayA === monthB) return true;
  let first = -1;
  let count = 0;
  for (let k = 0; k < 8; k++) {
    if (digitAt(a, k) === digitAt(b, k)) continue;
    if (++count > 2) return false;
    if (first < 0) first = k;
  }
  if (count === 1) return true;
  // Two differing digits: a swap of neighbours within one field (digits 3|4 and 5|6 are a field apart).
  const second = first + 1;
  if (first === 3 || first === 5 || digitAt(a, second) === digitAt(b, second)) return false;
  return digitAt(a, first) === digitAt(b, second) && digitAt(a, second) === digitAt(b, first);
}

/** Two known days of birth that differ beyond a slip: two people. */
export function birthdaysDiffer(a: MatchRecord, b: MatchRecord): boolean {
  return a.birthdayDigits >= 0 && b.birthdayDigits >= 0 && a.birthdayDigits !== b.birthdayDigits && !birthdaySlip(a.birthdayDigits, b.birthdayDigits);
}

/** The same login of four letters or more, not one firms share (info@, zakaz@), in an address of each. */
export function sameLogin(a: readonly string[], b: readonly string[]): boolean {
  for (const x of a) {
    const at = x.indexOf('@');
    if (at < 4) continue;
    // The logins are compared in place; only a login found in both is cut out, to be looked up.
    let shared = false;
    for (let k = 0; k < b.length && !shared; k++) shared = b[k].indexOf('@') === at && sameStart(x, b[k], at);
    if (shared && !GENERIC_LOGINS.has(login(x))) return true;
  }
  return false;
}
