/**
 * A match request is what decides the matches: two requests equal field by field have equal answers,
 * and every field the matcher reads, every option, makes two requests differ.
 */
import { readBase } from '../../base';
import { generateSampleWorkbook } from '../../../sample';
import { MemoryWorkbook } from '../../../workbook/memory';
import { answerMatchRequest, matchRequest, sameMatchRequest, type MatchRequest } from '../match-request';

const sampleWorkbook = () => new MemoryWorkbook(generateSampleWorkbook());

async function sampleRequest(): Promise<MatchRequest> {
  const snapshot = await sampleWorkbook().read();
  return matchRequest(snapshot, readBase(snapshot));
}

describe('a match request', () => {
  it("holds the fields the matcher reads, and is answered as the base's clients are", async () => {
    const snapshot = await sampleWorkbook().read();
    const base = readBase(snapshot);
    const request = matchRequest(snapshot, base);
    expect(request.clients).toHaveLength(base.clients.length);
    expect(Object.keys(request.clients[0]).sort()).toEqual(['birthday', 'city', 'contact', 'email', 'emailNormalised', 'inn', 'name', 'phone', 'phoneNormalised']);
    expect(request.options).toMatchObject({ sensitivity: base.settings.duplicateSensitivity, phoneRegion: base.settings.phoneRegion, dismissed: [] });
    const answer = answerMatchRequest(request);
    expect(answer.groups.length).toBeGreaterThan(10);
    // The plain copies match as the clients themselves do.
    expect(answer).toEqual(answerMatchRequest({ clients: base.clients, options: request.options }));
  });

  it('equals a request read again from the same workbook', async () => {
    expect(sameMatchRequest(await sampleRequest(), await sampleRequest())).toBe(true);
  });

  it('differs from one with any field of any client changed, a client less, or other options', async () => {
    const request = await sampleRequest();
    const last = request.clients.length - 1;
    const variants: MatchRequest[] = [
      { ...request, clients: request.clients.slice(0, last) },
      { ...request, options: { ...request.options, sensitivity: 'strict' } },
      { ...request, options: { ...request.options, phoneRegion: 'KZ' } },
      { ...request, options: { ...request.options, dismissed: [[0, 1]] } },
    ];
    for (const field of Object.keys(request.clients[last]) as Array<keyof MatchRequest['clients'][number]>) {
      const clients = [...request.clients];
      clients[last] = { ...clients[last], [field]: field === 'birthday' ? 12345 : 'другое' };
      variants.push({ ...request, clients });
    }
    expect(variants).toHaveLength(13);
    for (const variant of variants) expect(sameMatchRequest(request, variant)).toBe(false);
  });
});
