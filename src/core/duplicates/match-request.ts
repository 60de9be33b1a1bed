/**
 * What duplicate matching is asked, as plain data: the fields of each client the matcher reads and the
 * options. Two equal requests have equal answers (matching reads nothing else), so an answer found
 * elsewhere (the page's second core) or earlier stands for a request equal to the one it was found for.
 */
import type { Base } from '../base';
import type { DuplicateSensitivity } from '../settings';
import type { WorkbookSnapshot } from '../../workbook/snapshot';
import { dismissedIndexPairs, readDismissedPairs } from './dismissed';
import { findMatches, type MatchOptions, type MatchResult } from './match';
import type { MatchInput } from './prepare';

export interface MatchRequest {
  /** In the base's order: the answer's indices are indices into the base's clients. */
  clients: MatchInput[];
  options: MatchOptions;
}

/** Every field of `MatchInput`: what a request copies of a client, and what makes two requests equal. */
const INPUT_FIELDS = ['name', 'contact', 'phone', 'phoneNormalised', 'email', 'emailNormalised', 'inn', 'city', 'birthday'] as const satisfies ReadonlyArray<keyof MatchInput>;
type InputField = (typeof INPUT_FIELDS)[number];
/** Fails to compile when `MatchInput` gains a field the list lacks: equal requests would no longer mean equal answers. */
const EVERY_FIELD_LISTED: Exclude<keyof MatchInput, InputField> extends never ? true : never = true;
void EVERY_FIELD_LISTED;

/** The request `planDuplicates` answers for a base: its clients, its settings, the pairs marked «not duplicates». */
export function matchRequest(snapshot: WorkbookSnapshot, base: Base, sensitivity?: DuplicateSensitivity): MatchRequest {
  const clients = base.clients.map((client) => {
    const input = {} as Record<InputField, unknown>;
    for (const field of INPUT_FIELDS) input[field] = client[field];
    return input as MatchInput;
  });
  return {
    clients,
    options: {
      sensitivity: sensitivity ?? base.settings.duplicateSensitivity,
      phoneRegion: base.settings.phoneRegion,
      dismissed: dismissedIndexPairs(base.clients, readDismissedPairs(snapshot)),
    },
  };
}

const sameDismissed = (a: MatchOptions['dismissed'] = [], b: MatchOptions['dismissed'] = []) => a.length === b.length && a.every(([i, j], k) => b[k][0] === i && b[k][1] === j);

/** Whether two requests ask the same: then their answers are the same. */
export function sameMatchRequest(a: MatchRequest, b: MatchRequest): boolean {
  if (a === b) return true;
  const { options: x } = a;
  const { options: y } = b;
  if (x.sensitivity !== y.sensitivity || x.phoneRegion !== y.phoneRegion || !sameDismissed(x.dismissed, y.dismissed)) return false;
  if (a.clients.length !== b.clients.length) return false;
  for (let k = 0; k < a.clients.length; k++) {
    const [p, q] = [a.clients[k], b.clients[k]];
    for (const field of INPUT_FIELDS) if ((p[field] ?? null) !== (q[field] ?? null)) return false;
  }
  return true;
}

/** The matches a request asks for, found here and now. */
export function answerMatchRequest(request: MatchRequest): MatchResult {
  return findMatches(request.clients, request.options);
}
