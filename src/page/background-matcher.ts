/**
 * Duplicate matching on the page's second core. The page's worker holds the workbook and runs the
 * actions; matching the clients (a second or more on a big base) goes to a helper worker of its own
 * (match-worker.ts), told of the clients as soon as a view has read them. When a search comes («Всё
 * сразу», «Дубликаты», the panel's groups), the matches found for an equal request (the same clients,
 * the same settings: match-request.ts) are its answer, often ready before the search asks: the helper
 * matched while the first worker structured, checked and analysed. Any other request is matched in place,
 * as without a helper, and remembered for the next search of the same clients. The helper is given one
 * request at a time; clients read while it is busy wait for the next view's read.
 */
import type { Matcher } from '../actions/matcher';
import type { MatchResult } from '../core/duplicates/match';
import { answerMatchRequest, sameMatchRequest, type MatchRequest } from '../core/duplicates/match-request';
import type { Endpoint } from './worker-protocol';

/** The helper's messages: a request with an id, and the answer or the failure with the same id. */
export type MatchMessage = { id: number; request: MatchRequest } | { id: number; result: MatchResult } | { id: number; failed: string };

/** The helper's side: answers each request in turn. */
export function serveMatching(endpoint: Endpoint): void {
  endpoint.addEventListener('message', (event: MessageEvent) => {
    const { id, request } = event.data as { id: number; request: MatchRequest };
    try {
      endpoint.postMessage({ id, result: answerMatchRequest(request) } satisfies MatchMessage);
    } catch (failure) {
      endpoint.postMessage({ id, failed: failure instanceof Error ? failure.message : String(failure) } satisfies MatchMessage);
    }
  });
}

export class BackgroundMatcher implements Matcher {
  private nextId = 1;
  private readonly waiting = new Map<number, { resolve: (result: MatchResult) => void; reject: (failure: Error) => void }>();
  /** The last request asked and its answer, found or on the way. */
  private last: { request: MatchRequest; answer: Promise<MatchResult> } | null = null;
  /** The helper is matching a request. */
  private busy = false;

  /** `helper`: the helper worker's endpoint; null where the browser gives a worker no worker of its own. */
  constructor(private helper: Endpoint | null) {
    helper?.addEventListener('message', (event: MessageEvent) => {
      const message = event.data as MatchMessage;
      const waiting = this.waiting.get(message.id);
      if (!waiting) return;
      this.waiting.delete(message.id);
      if ('result' in message) waiting.resolve(message.result);
      else if ('failed' in message) waiting.reject(new Error(message.failed));
    });
    // A helper whose script did not load, or whose answer cannot be read, answers nothing: what it was asked
    // is matched in place, and it is asked no more.
    const stopped = () => {
      this.helper = null;
      for (const { reject } of this.waiting.values()) reject(new Error('The matching worker stopped'));
      this.waiting.clear();
    };
    helper?.addEventListener('error', stopped);
    helper?.addEventListener('messageerror', stopped);
  }

  expect(made: () => MatchRequest): void {
    // A busy helper is not given more: a search never waits behind work for clients as they were before.
    if (!this.helper || this.busy) return;
    // Made and sent after the view has answered: copying the clients to the helper takes a moment too.
    setTimeout(() => this.start(made()), 0);
  }

  private start(request: MatchRequest): void {
    if (!this.helper || this.busy || this.answers(request)) return;
    this.busy = true;
    const asked = this.ask(this.helper, request);
    void asked.catch(() => undefined).finally(() => (this.busy = false));
    // A helper that fails leaves the request to be matched in place, as without one.
    const answer = asked.catch(() => answerMatchRequest(request));
    this.last = { request, answer };
  }

  match(request: MatchRequest): Promise<MatchResult> {
    if (this.last && this.answers(request)) return this.last.answer;
    const answer = Promise.resolve(answerMatchRequest(request));
    this.last = { request, answer };
    return answer;
  }

  private answers(request: MatchRequest): boolean {
    return this.last !== null && sameMatchRequest(this.last.request, request);
  }

  private ask(helper: Endpoint, request: MatchRequest): Promise<MatchResult> {
    const id = this.nextId++;
    return new Promise<MatchResult>((resolve, reject) => {
      this.waiting.set(id, { resolve, reject });
      try {
        helper.postMessage({ id, request } satisfies MatchMessage);
      } catch (failure) {
        this.waiting.delete(id);
        reject(failure instanceof Error ? failure : new Error(String(failure)));
      }
    });
  }
}
