/**
 * A labelled client list's common parts: the seeded generator, the client with its label, and how a
 * matcher's groups are scored against the labels (pairwise precision, recall, F1).
 */
import { NO_CONSENT } from '../core/consent';
import { NO_HISTORY, type Client } from '../core/model';
import { normaliseCity } from '../core/normalise/city';
import { normaliseEmail } from '../core/normalise/email';
import { normalisePhone } from '../core/normalise/phone';

/** mulberry32: a small seeded generator, so the same seed always gives the same list. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface LabelledClient extends Client {
  /** The real-world client this row stands for: rows with the same entity are duplicates. */
  entity: number;
}

export function emptyClient(row: number, entity: number): LabelledClient {
  return {
    row, entity, id: `К-${String(row - 1).padStart(6, '0')}`, name: '', type: '', contact: '', phone: '', phoneNormalised: null,
    email: '', emailNormalised: null, inn: '', city: '', cityNormalised: '', industry: '', source: '', manager: '', status: '',
    service: '', firstContact: null, birthday: null, nextContact: null, channel: '', consent: NO_CONSENT, refusalReason: '', comment: '', history: NO_HISTORY,
  };
}

/** Pairs of rows that are the same real-world client: Σ C(size, 2) over entities. */
export function truePairCount(clients: readonly LabelledClient[]): number {
  const sizes = new Map<number, number>();
  for (const c of clients) sizes.set(c.entity, (sizes.get(c.entity) ?? 0) + 1);
  let pairs = 0;
  for (const n of sizes.values()) pairs += (n * (n - 1)) / 2;
  return pairs;
}

export interface PairwiseScore {
  precision: number;
  recall: number;
  f1: number;
  truePairs: number;
  predictedPairs: number;
  correctPairs: number;
}

/** Pairwise precision/recall/F1 of predicted groups (indices into `clients`) against the labels. */
export function scoreGroups(clients: readonly LabelledClient[], groups: ReadonlyArray<{ members: readonly number[] }>): PairwiseScore {
  let predicted = 0;
  let correct = 0;
  for (const group of groups) {
    const n = group.members.length;
    predicted += (n * (n - 1)) / 2;
    const byEntity = new Map<number, number>();
    for (const m of group.members) byEntity.set(clients[m].entity, (byEntity.get(clients[m].entity) ?? 0) + 1);
    for (const k of byEntity.values()) correct += (k * (k - 1)) / 2;
  }
  const truePairs = truePairCount(clients);
  const precision = predicted === 0 ? 1 : correct / predicted;
  const recall = truePairs === 0 ? 1 : correct / truePairs;
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { precision, recall, f1, truePairs, predictedPairs: predicted, correctPairs: correct };
}

/** The clients with the normalised fields filled the way `readBase` fills them. */
export function asReadByBase<C extends Client>(clients: readonly C[], phoneRegion = 'RU'): C[] {
  return clients.map((c) => ({
    ...c,
    phoneNormalised: normalisePhone(c.phone, phoneRegion),
    emailNormalised: normaliseEmail(c.email),
    cityNormalised: normaliseCity(c.city),
  }));
}
