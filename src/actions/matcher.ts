/**
 * Where duplicate matching runs. By default the actions match in place, when a search is asked; a host
 * with a second core (the page: a helper worker) takes the requests instead, starts on the clients as
 * soon as a view has read them, and answers a search from what it found for an equal request.
 */
import type { MatchResult } from '../core/duplicates/match';
import type { MatchRequest } from '../core/duplicates/match-request';

export interface Matcher {
  /**
   * The clients as a view has just read them: a matcher that works ahead may start on them. Given as a
   * function, so that the view's answer does not wait for the request to be made: the base it is made
   * from never changes.
   */
  expect(request: () => MatchRequest): void;
  /** The matches the request asks for. */
  match(request: MatchRequest): Promise<MatchResult>;
}
