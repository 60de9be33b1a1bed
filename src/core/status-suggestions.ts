/**
 * Suggested funnel-status moves from the tracker (docs/ARCHITECTURE.md "Funnel statuses"): first order → Золотой,
 * more than three orders → Платиновый, cold Золотой → Красно-золотой, cold Платиновый →
 * Красно-платиновый. The user confirms; the product never changes a status by itself.
 *
 * The rules are read on two axes: the tier a client has reached (none, gold = has ordered, platinum =
 * more than three orders) and whether the client has lapsed (cold). Moves only go forward:
 * - the tier never goes down: a Платиновый client with three orders is not offered Золотой, and a
 *   Платиновый (or Красно-платиновый) client who goes cold becomes Красно-платиновый, not -золотой;
 * - a lapsed status (Красно-золотой/-платиновый) is not taken back just because the client is no longer
 *   cold: the user set or confirmed it; only reaching a higher tier (more than three orders) moves it;
 * - any status before a purchase (Белый … Зелёно-золотой, Красно-зелёный, empty or unknown text) moves to
 *   Золотой at the first order — or straight to where the rules lead (Платиновый, Красно-…).
 * The status the client already has is never suggested.
 */
import type { Language } from './model';
import { FUNNEL_STATUSES, findStatus, type FunnelStatus, type FunnelStatusKey } from './statuses';

export interface StatusFacts {
  /** The status cell as typed. */
  status: string;
  orders: number;
  cold: boolean;
}

const TIER: Partial<Record<FunnelStatusKey, number>> = { gold: 1, red_gold: 1, platinum: 2, red_platinum: 2 };
const LAPSED: ReadonlySet<FunnelStatusKey> = new Set<FunnelStatusKey>(['red_gold', 'red_platinum']);

/** The key of the status the facts lead to, or null when no move is due. */
export function suggestStatusKey(facts: StatusFacts): FunnelStatusKey | null {
  if (facts.orders <= 0) return null;
  const current = findStatus(facts.status)?.key;
  const currentTier = (current && TIER[current]) || 0;
  const tier = Math.max(currentTier, facts.orders > 3 ? 2 : 1);
  let target: FunnelStatusKey;
  if (facts.cold) target = tier === 2 ? 'red_platinum' : 'red_gold';
  else if (current !== undefined && LAPSED.has(current) && tier === currentTier) target = current;
  else target = tier === 2 ? 'platinum' : 'gold';
  return target === current ? null : target;
}

/** The suggested status's name in the workbook's language, or null. */
export function suggestStatus(facts: StatusFacts, language: Language): string | null {
  const key = suggestStatusKey(facts);
  return key === null ? null : statusByKey(key)[language];
}

function statusByKey(key: FunnelStatusKey): FunnelStatus {
  return FUNNEL_STATUSES.find((s) => s.key === key) as FunnelStatus;
}
