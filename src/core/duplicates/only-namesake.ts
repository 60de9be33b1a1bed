/**
 * A client entered with a name and nothing else (no phone, e-mail or ИНН) joins the one client of the base
 * whose name it may be: `Полякова Э.А.` and `ИП Полякова Элина Антоновна, +7 926…`, `Медмаркет АО` and
 * `АО «Медмаркет», info@…`. The rules need a second agreement that such a record cannot give, and the
 * weights have no field of it to weigh; but when the base holds no other client that name could stand
 * for, the record is the same client retyped in a hurry far more often than a namesake. When two clients
 * or groups could both be meant (`ООО «Меридиан»` in three offices), nothing is joined: the user sees no
 * guess.
 */
import type { MatchRecord } from './prepare';
import type { PairVerdict, ReasonCode } from './evidence';
import type { NameComparison } from './similarity';
import { cityTypo } from './field-comparisons';

/** What a name alone is worth as a match's score: below any match with a contact or a city to back it. */
export const NAME_ALONE_SCORE = 0.85;

/** Least name similarity of the two, unless the one's initials stand for the other's words (`Полякова Э.А.`). */
const LEAST_NAME_SCORE = 0.85;

/**
 * A name that tells a client apart at all, beside the `other` name it may be: a company's (a legal form
 * and its brand), two words or initials of a person's, or one word that is the brand of the other, a
 * company (`Западлогистик` beside `ООО «Западлогистик»`). `Соловьёва` alone may be anyone, and so may
 * the one word of a sole trader's name: it is mostly a surname (`ИП Соловьёва`).
 */
function namesSomeone(record: MatchRecord, other: MatchRecord): boolean {
  const { legalFamily, tokens, initials } = record.name;
  const company = other.name.legalFamily;
  return legalFamily !== null || tokens.length + initials.length >= 2 || (tokens.length === 1 && company !== null && company !== 'sole');
}

/** A record the name is all there is to tell by: no phone, e-mail or ИНН. */
export function knownByNameOnly(record: MatchRecord): boolean {
  return !hasContact(record) && record.name.tokens.length + record.name.initials.length > 0;
}

/** An edge of the groups: the clients' indices, the earlier first. */
export interface NamesakeEdge {
  i: number;
  j: number;
  score: number;
  reasons: readonly ReasonCode[];
  /** The pair's pattern of agreement (match-weights.ts), -1 when not weighed. */
  pattern: number;
}

/**
 * The pairs compared in which one client is known by name only and the other may be the same client: a
 * name at least 0.9 alike or written with initials, no words of two people, no other gender or patronymic, no other legal
 * form or city, and nothing else against it (`verdict.conflict`).
 */
export class OnlyNamesakes {
  /** Client index → the clients it may be, with the pair's reasons and score. */
  private readonly candidates = new Map<number, NamesakeEdge[]>();

  constructor(
    private readonly recordOf: (client: number) => MatchRecord,
    /** The common city a rare spelling stands for in the base (`Rarity.cityAsMeant`). */
    private readonly cityAsMeant: (city: string) => string,
  ) {}

  /**
   * Two cities that are one city typed twice: the same, a slip apart (`Екатеринбур`), or a rare spelling of
   * the same common city (`Тююмен`, Тюмень). Two slips apart is not enough: `new point` and `new port`.
   */
  private sameCity(a: string, b: string): boolean {
    return a === b || cityTypo(a, b) || this.cityAsMeant(a) === this.cityAsMeant(b);
  }

  /** Looks at a pair the rules turned down (clients `i` < `j`, their records `a`, `b`, `pattern` as the weights see it). */
  consider(i: number, j: number, a: MatchRecord, b: MatchRecord, name: NameComparison, verdict: PairVerdict, pattern: number): void {
    if (verdict.match || verdict.conflict !== null || (name.score < LEAST_NAME_SCORE && !name.byInitials)) return;
    if (name.wordsConflict || name.genderDiffers || name.patronymicsDiffer) return;
    const families = [a.name.legalFamily, b.name.legalFamily];
    if (families[0] !== null && families[1] !== null && families[0] !== families[1]) return;
    if (a.city !== '' && b.city !== '' && !this.sameCity(a.city, b.city)) return;
    if (!namesSomeone(a, b) || !namesSomeone(b, a)) return;
    const edge: NamesakeEdge = { i, j, score: Math.min(verdict.score, NAME_ALONE_SCORE), reasons: [...verdict.reasons, 'onlyNamesake'], pattern };
    if (knownByNameOnly(a)) this.add(i, edge);
    if (knownByNameOnly(b)) this.add(j, edge);
  }

  private add(client: number, edge: NamesakeEdge): void {
    const list = this.candidates.get(client);
    if (list) list.push(edge);
    else this.candidates.set(client, [edge]);
  }

  /** Every client of some pair kept (a conflict of theirs must keep groups apart when one joins). */
  eachClient(visit: (client: number) => void): void {
    for (const edges of this.candidates.values()) {
      for (const { i, j } of edges) {
        visit(i);
        visit(j);
      }
    }
  }

  /**
   * The joins to make: for each client known by name only and in no group yet, the pair with the likeliest
   * of its candidates, when they all lie in one group (`membersOf`, the client's own group) or are one
   * client, and that group has a contact and no other city. Decided for all before any is joined, so the
   * order of the clients does not matter.
   */
  joins(membersOf: (client: number) => readonly number[]): NamesakeEdge[] {
    const joins: NamesakeEdge[] = [];
    for (const [client, edges] of this.candidates) {
      if (membersOf(client).length > 1) continue;
      const other = (edge: NamesakeEdge) => (edge.i === client ? edge.j : edge.i);
      const group = membersOf(other(edges[0]));
      if (edges.some((edge) => !group.includes(other(edge)))) continue;
      const city = this.recordOf(client).city;
      const members = group.map(this.recordOf);
      if (!members.some(hasContact) || (city !== '' && members.some((member) => member.city !== '' && !this.sameCity(member.city, city)))) continue;
      joins.push(edges.reduce((best, edge) => (edge.score > best.score ? edge : best)));
    }
    return joins.sort((x, y) => x.i - y.i || x.j - y.j);
  }
}

/** Whether a record has a phone, an e-mail or an ИНН: something beside the name to tell a client by. */
export function hasContact(record: MatchRecord): boolean {
  return record.phones.length > 0 || record.emails.length > 0 || record.inn !== '';
}
