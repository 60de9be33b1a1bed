/**
 * The decision for one pair of clients: is it the same client, how sure, and why.
 *
 * Exact keys decide on their own (docs/ARCHITECTURE.md: a shared normalised phone or e-mail, or a shared ИНН),
 * unless something proves two legal entities (different ИНН, or different legal forms of one brand).
 * A fuzzy name match needs something else to agree (the city, a phone or e-mail one typo apart, the
 * same e-mail login) and nothing against it (another city, other phones and other e-mails); a name
 * alone is accepted only when it is both identical and rare in the base (`nameInformation`).
 */
import type { DuplicateSensitivity } from '../settings';
import type { MatchRecord } from './prepare';
import type { Rarity } from './rarity';
import { compareNames, namesRunTogetherAlike, type NameComparison } from './similarity';
import { anyEmailTypoApart, anyTypoApart, birthdaysDiffer, cityTypo, fewestPhoneTypos, sameLogin, shares } from './field-comparisons';
import type { Language } from '../model';
import { NAME_ALONE_SCORE } from './only-namesake';
import { message, render, type Message } from '../messages/message';

/** Machine codes of the reasons; `reasonText` gives the human words. */
export type ReasonCode =
  | 'samePhone'
  | 'sameEmail'
  | 'sameInn'
  | 'sameName'
  | 'similarName'
  | 'initials'
  | 'sameCity'
  | 'phoneTypo'
  | 'emailTypo'
  | 'sameEmailLogin'
  | 'sameBirthday'
  | 'rareName'
  /** A client with no phone, e-mail or ИНН, and no other client of the base its name may stand for (only-namesake.ts). */
  | 'onlyNamesake'
  /** Reasons of the match weights (match-weights.ts): two slips in a phone, a slip in a city or a day of birth. */
  | 'phoneSlips'
  | 'cityTypo'
  | 'birthdaySlip';

/** What proves two records are different clients; such a pair is never joined, even through a third. */
export type ConflictCode =
  | 'differentInn'
  | 'differentLegalForm'
  | 'differentContacts'
  | 'differentPatronymic'
  | 'differentBirthday'
  /** A phone or e-mail shared by people whose names conflict: a family, an office switchboard (`sharedContact`). */
  | 'sharedContact';

export interface PairVerdict {
  match: boolean;
  /** 0..1. */
  score: number;
  reasons: readonly ReasonCode[];
  conflict: ConflictCode | null;
}

/** The reasons of a verdict given before any agreement is found: one list for the millions of pairs turned down at once. */
const NO_REASONS: readonly ReasonCode[] = Object.freeze([]);

interface Thresholds {
  /** Least name similarity for a fuzzy match. */
  name: number;
  /**
   * Least name similarity when a phone one typo apart agrees: two unrelated numbers are that close about
   * once in ten million pairs, so a name written with initials and a typo (`Сминров И.А.`) is enough.
   */
  nameWithPhone: number;
  /**
   * Least name similarity when the days of birth are the same: at 0.5 one name may be the other with a
   * word left out (`Owens`, `Victoria Owens`), never two names that differ in a word (0.33).
   */
  nameWithBirthday: number;
  /** Least total score (name plus agreeing evidence) for a fuzzy match. */
  total: number;
  /**
   * Least rarity (bits, see rarity.ts) of the name plus the city's bits when only the city agrees:
   * 4 bits means at most one namesake in 16 expected in that city.
   */
  cityBits: number;
  /** Least rarity of an identical name for it to match with nothing else agreeing. */
  rareNameBits: number;
  /** Whether a shared phone or e-mail needs the names not to be plainly different people. */
  exactNeedsName: boolean;
  /**
   * Least probability of one client, by the base's match weights (match-weights.ts), for a pair the rules
   * above turn down for want of one clean agreement.
   */
  probability: number;
  /** Whether a client known by name only joins the one client its name may stand for (only-namesake.ts). */
  onlyNamesake: boolean;
}

export const SENSITIVITY: Readonly<Record<DuplicateSensitivity, Thresholds>> = {
  strict: { name: 0.85, nameWithPhone: 0.85, nameWithBirthday: 0.85, total: 0.95, cityBits: 7, rareNameBits: Infinity, exactNeedsName: true, probability: 0.99, onlyNamesake: false },
  normal: { name: 0.7, nameWithPhone: 0.6, nameWithBirthday: 0.5, total: 0.8, cityBits: 4, rareNameBits: 6, exactNeedsName: false, probability: 0.95, onlyNamesake: true },
  loose: { name: 0.65, nameWithPhone: 0.55, nameWithBirthday: 0.5, total: 0.75, cityBits: 2, rareNameBits: 5, exactNeedsName: false, probability: 0.95, onlyNamesake: true },
};

/** Bonuses for what agrees, maluses for what disagrees, added to the name similarity. */
const CONTACT_TYPO_BONUS = 0.2;
const CITY_BONUS = 0.1;
const OTHER_CITY_MALUS = 0.2;
const OTHER_EMAIL_MALUS = 0.15;
/** Sums of the bonuses above land a hair off their decimal value (0.5 + 0.2 + 0.1 < 0.8 in floating point). */
const ROUNDING = 1e-9;

/**
 * Which exact keys two records share (ИНН, phone, e-mail, ignoring placeholders), as bits: matching
 * knows it from the blocks a pair met in, without comparing the contacts again.
 */
export const SHARED_INN = 1;
export const SHARED_PHONE = 2;
export const SHARED_EMAIL = 4;


function sharedKeys(a: MatchRecord, b: MatchRecord, rarity: Rarity): number {
  return (
    (a.inn && a.inn === b.inn && !rarity.isPlaceholder(a.inn) ? SHARED_INN : 0) |
    (shares(a.phones, b.phones, rarity) ? SHARED_PHONE : 0) |
    (shares(a.emails, b.emails, rarity) ? SHARED_EMAIL : 0)
  );
}

/**
 * A phone or e-mail shared by two people, not two records of one: their names conflict (another first
 * name, another patronymic: `Баранов Сергей Евгеньевич` and `Баранов Владимир Дмитриевич` on one family
 * e-mail, colleagues on one office phone). A typo in a name (`Баранов Сергй`) or a word left out is not a conflict.
 */
function sharedContact(a: MatchRecord, b: MatchRecord, name: NameComparison): boolean {
  if (name.score === 0) return name.wordsConflict && !namesRunTogetherAlike(a.name, b.name);
  return name.patronymicsDiffer || name.wordsConflict;
}

/**
 * The verdict on two prepared records at a sensitivity. `shared` (SHARED_* bits) is what `sharedKeys`
 * would find and `name` what `compareNames` would, when the caller knows them already.
 */
export function judgePair(
  a: MatchRecord,
  b: MatchRecord,
  sensitivity: DuplicateSensitivity,
  rarity: Rarity,
  shared = sharedKeys(a, b, rarity),
  name = compareNames(a.name, b.name, rarity.words),
): PairVerdict {
  const t = SENSITIVITY[sensitivity];
  if (a.inn && b.inn && a.inn !== b.inn) return { match: false, score: 0, reasons: NO_REASONS, conflict: 'differentInn' };
  if (a.name.legalFamily && b.name.legalFamily && a.name.legalFamily !== b.name.legalFamily && name.score > 0) {
    return { match: false, score: 0, reasons: NO_REASONS, conflict: 'differentLegalForm' };
  }

  if (shared !== 0) {
    const reasons: ReasonCode[] = [];
    if (shared & SHARED_INN) reasons.push('sameInn');
    if (shared & SHARED_PHONE) reasons.push('samePhone');
    if (shared & SHARED_EMAIL) reasons.push('sameEmail');
    const bothNamed = a.name.tokens.length > 0 && b.name.tokens.length > 0;
    if (!(shared & SHARED_INN) && bothNamed && sharedContact(a, b, name)) return { match: false, score: 0, reasons, conflict: 'sharedContact' };
    if (t.exactNeedsName && bothNamed && name.score < 0.5) return { match: false, score: 0, reasons, conflict: null };
    if (name.score >= 0.5) reasons.push(name.exact ? 'sameName' : 'similarName');
    const score = bothNamed ? 0.8 + 0.2 * name.score : 0.9;
    return { match: true, score: Math.min(1, score), reasons, conflict: null };
  }

  // The cheapest and most decisive checks first: most candidate pairs fail on the name.
  const sameBirthday = a.birthday !== null && a.birthday === b.birthday;
  if (name.score < (sameBirthday ? t.nameWithBirthday : t.nameWithPhone)) {
    return { match: false, score: name.score, reasons: NO_REASONS, conflict: null };
  }
  const phoneAgrees = anyTypoApart(a.phoneDigits, b.phoneDigits);
  // A shared day of birth is as rare between strangers as two phones one typo apart.
  const strongAgreement = phoneAgrees || sameBirthday;
  if (name.score < t.name && !strongAgreement) return { match: false, score: name.score, reasons: NO_REASONS, conflict: null };
  if (name.patronymicsDiffer) return { match: false, score: name.score / 2, reasons: NO_REASONS, conflict: 'differentPatronymic' };
  if (!sameBirthday && birthdaysDiffer(a, b)) return { match: false, score: name.score / 2, reasons: NO_REASONS, conflict: 'differentBirthday' };
  const reasons: ReasonCode[] = [];
  reasons.push(name.exact ? 'sameName' : 'similarName');
  if (name.byInitials) reasons.push('initials');

  let total = name.score;
  if (phoneAgrees) {
    reasons.push('phoneTypo');
    total += CONTACT_TYPO_BONUS;
  }
  const emailAgrees = anyEmailTypoApart(a.emails, b.emails);
  if (emailAgrees) {
    reasons.push('emailTypo');
    total += CONTACT_TYPO_BONUS;
  }
  if (sameBirthday) {
    reasons.push('sameBirthday');
    total += CONTACT_TYPO_BONUS;
  }
  // The same login at another domain (ivanov@mail.ru, ivanov@gmail.com) is often just the name again:
  // it neither agrees nor disagrees.
  const sameEmailLogin = !emailAgrees && sameLogin(a.emails, b.emails);
  if (sameEmailLogin) reasons.push('sameEmailLogin');
  const phonesDiffer = !phoneAgrees && a.phoneDigits.length > 0 && b.phoneDigits.length > 0 && fewestPhoneTypos(a.phoneDigits, b.phoneDigits, 3) > 3;
  const emailsDiffer = !emailAgrees && !sameEmailLogin && a.emails.length > 0 && b.emails.length > 0;
  if (phonesDiffer && !emailAgrees && !sameBirthday) {
    // Namesakes, each with their own phone (and their own e-mail, if any); one day of birth says one
    // person who changed the number.
    return { match: false, score: total / 2, reasons, conflict: 'differentContacts' };
  }
  // Иванов and Иванова: a typo only when a phone says so.
  if (name.genderDiffers && !phoneAgrees) return { match: false, score: total / 2, reasons, conflict: null };
  if (emailsDiffer) total -= OTHER_EMAIL_MALUS;
  const sameCity = a.city !== '' && (a.city === b.city || cityTypo(a.city, b.city));
  const citiesDiffer = !sameCity && a.city !== '' && b.city !== '';
  if (sameCity) {
    reasons.push('sameCity');
    total += CITY_BONUS;
  } else if (citiesDiffer) {
    total -= OTHER_CITY_MALUS;
  }
  const score = Math.max(0, Math.min(1, total / (1 + CITY_BONUS)));
  // The more common spelling of the two: a shorter name (no patronymic) or one without a typo (a
  // misspelt word is rare in the base, but the name it stands for is not).
  const nameBits = () => Math.min(rarity.name(a), rarity.name(b));
  const cityBits = () => Math.min(rarity.city(a.city), rarity.city(b.city));
  if (total >= t.total - ROUNDING && (strongAgreement || emailAgrees || (sameCity && nameBits() + cityBits() >= t.cityBits))) {
    return { match: true, score, reasons, conflict: null };
  }
  if (name.exact && !citiesDiffer && !emailsDiffer && nameBits() >= t.rareNameBits) {
    reasons.push('rareName');
    return { match: true, score: Math.min(score, NAME_ALONE_SCORE), reasons, conflict: null };
  }
  return { match: false, score, reasons, conflict: null };
}

/** The reasons in words: `одинаковый телефон`, `похожее имя + тот же город`. */
export function reasonText(reasons: readonly ReasonCode[], language: Language): string {
  return render(reasonMessage(reasons), language);
}

/** The reasons as a message, for a reader in any language. */
export function reasonMessage(reasons: readonly ReasonCode[]): Message {
  const [head, ...rest] = reasons.map((code) => message(`reason.${code}`));
  return rest.reduce((first, second) => message('reason.and', { first, second }), head ?? message('reason.none'));
}
