/**
 * Matching on a helper worker: the helper's side (serveMatching) on one end of a MessageChannel, the
 * page worker's BackgroundMatcher on the other. A search is answered from the helper's matches only for
 * a request equal to the one it was given; anything else, and a helper that stopped, is matched in place;
 * and «Всё сразу» through the page's worker ends with the same result, helper or not.
 */
import { MessageChannel, type MessagePort } from 'worker_threads';
import { readBase } from '../../core/base';
import * as requests from '../../core/duplicates/match-request';
import { matchRequest, type MatchRequest } from '../../core/duplicates/match-request';
import { BackgroundMatcher, serveMatching } from '../background-matcher';
import { sampleWorkbook } from '../sources';
import { WorkerClient } from '../worker-client';
import { serveWorkbook } from '../worker-host';
import type { Endpoint } from '../worker-protocol';

let ports: MessagePort[] = [];

function channel(): [MessagePort, MessagePort] {
  const { port1, port2 } = new MessageChannel();
  ports.push(port1, port2);
  port1.start();
  port2.start();
  return [port1, port2];
}

/**
 * A helper serving on one port; the other, counting the requests sent to it. `held`: the requests wait
 * until `release` (a helper still busy), else they go at once.
 */
function helper(options: { held?: boolean } = {}): { endpoint: Endpoint; asked: () => number; release: () => void } {
  const [served, used] = channel();
  serveMatching(served as unknown as Endpoint);
  let asked = 0;
  const waiting: unknown[] = [];
  const endpoint: Endpoint = {
    postMessage: (message) => {
      asked++;
      if (options.held) waiting.push(message);
      else used.postMessage(message);
    },
    addEventListener: (type: string, listener: (event: never) => void) => used.addEventListener(type, listener as never),
  };
  return { endpoint, asked: () => asked, release: () => waiting.splice(0).forEach((message) => used.postMessage(message)) };
}

/** The matcher makes and sends a request after the view that read the clients has answered. */
const viewAnswered = () => new Promise((resolve) => setTimeout(resolve, 10));

async function sampleRequest(): Promise<MatchRequest> {
  const snapshot = await sampleWorkbook().read();
  return matchRequest(snapshot, readBase(snapshot));
}

afterEach(() => {
  for (const port of ports) port.close();
  ports = [];
  jest.restoreAllMocks();
});

describe('duplicate matching on a helper worker', () => {
  it('answers a search from the matches the helper found for an equal request', async () => {
    const request = await sampleRequest();
    const expected = requests.answerMatchRequest(request);
    const { endpoint, asked } = helper();
    const matcher = new BackgroundMatcher(endpoint);
    const answered = jest.spyOn(requests, 'answerMatchRequest');
    const again = await sampleRequest();
    matcher.expect(() => request);
    matcher.expect(() => again);
    await viewAnswered();
    const matches = await matcher.match(await sampleRequest());
    expect(matches).toEqual(expected);
    expect(asked()).toBe(1);
    // Found once, by the helper; the search itself matched nothing.
    expect(answered).toHaveBeenCalledTimes(1);
  });

  it('matches in place a request the helper was not given, and remembers it for the next search', async () => {
    const request = await sampleRequest();
    const { endpoint, asked } = helper();
    const matcher = new BackgroundMatcher(endpoint);
    matcher.expect(() => request);
    await viewAnswered();
    const first = requests.answerMatchRequest(request).groups[0].members;
    const dismissed: MatchRequest = { ...request, options: { ...request.options, dismissed: [[first[0], first[1]]] } };
    const expected = requests.answerMatchRequest(dismissed);
    expect(expected).not.toEqual(requests.answerMatchRequest(request));
    const answered = jest.spyOn(requests, 'answerMatchRequest');
    expect(await matcher.match(dismissed)).toEqual(expected);
    expect(await matcher.match({ ...dismissed, clients: [...dismissed.clients] })).toEqual(expected);
    expect(answered.mock.calls.filter(([asked]) => asked.options.dismissed?.length)).toHaveLength(1);
    expect(asked()).toBe(1);
  });

  it('gives a busy helper nothing more: a search for clients read meanwhile is matched in place', async () => {
    const request = await sampleRequest();
    const { endpoint, asked, release } = helper({ held: true });
    const matcher = new BackgroundMatcher(endpoint);
    const changed: MatchRequest = { ...request, clients: request.clients.slice(1) };
    matcher.expect(() => request);
    await viewAnswered();
    matcher.expect(() => changed);
    await viewAnswered();
    expect(asked()).toBe(1);
    const answered = jest.spyOn(requests, 'answerMatchRequest');
    expect(await matcher.match(changed)).toEqual(requests.answerMatchRequest(changed));
    expect(answered).toHaveBeenCalledTimes(2);
    // Once it has answered, the helper takes the clients a view reads next.
    release();
    for (let wait = 0; wait < 300 && asked() < 2; wait++) {
      matcher.expect(() => request);
      await viewAnswered();
    }
    expect(asked()).toBe(2);
  });

  it('matches in place when the helper stopped, its answer could not be read, or there is none', async () => {
    const request = await sampleRequest();
    const expected = requests.answerMatchRequest(request);
    // Nothing serves these ports: only the event tells the matcher that no answer will come.
    for (const stop of ['error', 'messageerror']) {
      const [, silent] = channel();
      const matcher = new BackgroundMatcher(silent as unknown as Endpoint);
      matcher.expect(() => request);
      await viewAnswered();
      silent.dispatchEvent(new Event(stop));
      expect(await matcher.match(request)).toEqual(expected);
    }
    const none = new BackgroundMatcher(null);
    none.expect(() => request);
    expect(await none.match(request)).toEqual(expected);
  });

  it("gives «Всё сразу» and the panel's groups the same result, helper or not, the helper asked once", async () => {
    const { endpoint, asked } = helper();
    const outcome = async (matcher?: BackgroundMatcher) => {
      const [workerSide, pageSide] = channel();
      serveWorkbook(workerSide as unknown as Endpoint, { matcher });
      const client = new WorkerClient(pageSide as unknown as Endpoint);
      await client.request({ kind: 'sample', language: 'ru' });
      const actions = client.actions();
      await actions.listClients({}, 10);
      const run = await actions.run('all');
      const groups = await actions.duplicateGroups();
      const sheet = await client.request({ kind: 'picture', sheet: 'Дубликаты', first: 0, count: 100_000 });
      return { message: run.message, summary: run.summary, groups, cells: sheet.cells };
    };
    const helped = await outcome(new BackgroundMatcher(endpoint));
    const alone = await outcome();
    expect(helped).toEqual(alone);
    expect(helped.groups.groups.length).toBeGreaterThan(10);
    expect(asked()).toBe(1);
  });
});
