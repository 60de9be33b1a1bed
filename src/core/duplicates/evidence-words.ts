/**
 * Why two records are one client, field by field, in words: «телефон отличается на две
 * цифры — у дубликатов в 90 раз чаще, чем у разных клиентов». The weight of a level, log2(m / u), is said as
 * the ratio it stands for: how many times more often that agreement happens among one client's records
 * than among different clients' in this base. An owner reads «в 90 раз чаще» where «+6,5 бит» says nothing.
 */
import { message, type Message, type MessageKey } from '../messages/message';
import type { FieldEvidence } from './match-weights';

/** The words of each field's levels (match-weights.ts `LEVELS`; the similarity bands of a name read alike). */
const LEVEL_KEYS: Record<string, MessageKey> = {
  'name:exact': 'evidence.nameSame',
  'name:similar': 'evidence.nameSimilar',
  'name:misspelt words': 'evidence.nameMisspelt',
  'phone:same': 'evidence.phoneSame',
  'phone:one typo': 'evidence.phoneOneTypo',
  'phone:two typos': 'evidence.phoneTwoTypos',
  'phone:three typos': 'evidence.phoneThreeTypos',
  'phone:different': 'evidence.phoneDifferent',
  'email:same': 'evidence.emailSame',
  'email:typo': 'evidence.emailTypo',
  'email:different': 'evidence.emailDifferent',
  'city:same': 'evidence.citySame',
  'city:typo': 'evidence.cityTypo',
  'city:slips': 'evidence.citySlips',
  'city:different': 'evidence.cityDifferent',
  'birthday:same': 'evidence.birthdaySame',
  'birthday:slip': 'evidence.birthdaySlip',
  'birthday:different': 'evidence.birthdayDifferent',
};

/** Below a doubling either way a field hardly tells anything. */
const TELLING_BITS = 1;
/** Ratios past this are said as «more than»: the weights of rare agreements rest on few pairs. */
const LARGEST_RATIO = 1000;

function levelKey({ field, level }: FieldEvidence): MessageKey {
  return LEVEL_KEYS[`${field}:${level.startsWith('similar') ? 'similar' : level}`];
}

/** The ratio as said: a whole number, two significant digits (`90`, `1 200` is `1000+`). */
function ratio(bits: number): number {
  const times = 2 ** Math.abs(bits);
  const digits = 10 ** Math.max(0, Math.floor(Math.log10(times)) - 1);
  return Math.min(LARGEST_RATIO, Math.round(times / digits) * digits);
}

/**
 * A field that agrees is never said to speak against. An identical name weighs little or below nothing
 * only when its words are common in the base (the weights' term-frequency adjustment), which is what the
 * user reads instead of «почти ничего не говорит»; another field that agrees (the city all clients share)
 * tells nothing.
 */
function fieldMessage(evidence: FieldEvidence): Message {
  const what = message(levelKey(evidence));
  const agrees = evidence.level === 'exact' || evidence.level === 'same';
  if (agrees && evidence.bits < TELLING_BITS && evidence.field === 'name') return message('evidence.nameCommon');
  if (Math.abs(evidence.bits) < TELLING_BITS || (agrees && evidence.bits < 0)) return message('evidence.neutral', { what });
  const times = ratio(evidence.bits);
  const key = evidence.bits > 0 ? (times >= LARGEST_RATIO ? 'evidence.forMost' : 'evidence.for') : times >= LARGEST_RATIO ? 'evidence.againstMost' : 'evidence.against';
  return message(key, { what, times });
}

/** Each field known in both records, in words, strongest for first: «имя совпадает — …; город другой — …». */
export function evidenceMessage(evidence: readonly FieldEvidence[]): Message {
  return message('evidence.fields', { fields: [...evidence].sort((x, y) => y.bits - x.bits).map(fieldMessage) });
}
