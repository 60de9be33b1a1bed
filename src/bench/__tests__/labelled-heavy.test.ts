import { generateHeavyClients, HEAVY_FIELDS, MAX_FIELD_SLIPS, MAX_SLIPS, MIN_SLIPS, type HeavyClient } from '../labelled-heavy';
import { truePairCount } from '../labelled-client';

const total = (c: HeavyClient) => c.slips.name + c.slips.phone + c.slips.city;

describe('generateHeavyClients', () => {
  const list = generateHeavyClients({ size: 3000, seed: 5 });
  const originals = new Map<number, HeavyClient>();
  for (const c of list) if (total(c) === 0) originals.set(c.entity, c);
  const copies = list.filter((c) => total(c) > 0);

  it('is deterministic for a seed and differs between seeds', () => {
    expect(generateHeavyClients({ size: 3000, seed: 5 })).toEqual(list);
    expect(generateHeavyClients({ size: 3000, seed: 6 })).not.toEqual(list);
    expect(list).toHaveLength(3000);
    expect(new Set(list.map((c) => c.id)).size).toBe(3000);
  });

  it('gives every copy 2–5 slips, at most 2 in a field, spread over name, phone and city', () => {
    expect(copies.length).toBeGreaterThan(600);
    expect(truePairCount(list)).toBeGreaterThan(600);
    for (const c of copies) {
      expect(total(c)).toBeGreaterThanOrEqual(MIN_SLIPS);
      expect(total(c)).toBeLessThanOrEqual(MAX_SLIPS);
      for (const field of HEAVY_FIELDS) expect(c.slips[field]).toBeLessThanOrEqual(MAX_FIELD_SLIPS);
    }
    for (const n of [2, 3, 4, 5]) expect(copies.filter((c) => total(c) === n).length).toBeGreaterThan(copies.length / 10);
    for (const field of HEAVY_FIELDS) expect(copies.filter((c) => c.slips[field] === 2).length).toBeGreaterThan(copies.length / 20);
  });

  it('changes every field it slips in, and keeps the clean original of each copy', () => {
    let checked = 0;
    for (const c of copies) {
      const original = originals.get(c.entity);
      if (!original) continue; // the original fell past the end of the list
      checked++;
      for (const field of HEAVY_FIELDS) {
        if (c.slips[field] > 0) expect(c[field]).not.toBe(original[field]);
        else expect(c[field]).toBe(original[field]);
      }
    }
    expect(checked).toBeGreaterThan(copies.length * 0.95);
  });

  it('makes the slips of the public generators: lost values, swapped and lost words, no country code, Latin and Russian names', () => {
    const original = (c: HeavyClient) => originals.get(c.entity);
    expect(copies.some((c) => c.phone === '' && original(c)?.phone !== '')).toBe(true);
    expect(copies.some((c) => c.city === '' && original(c)?.city !== '')).toBe(true);
    expect(copies.some((c) => /^9\d\d /.test(c.phone))).toBe(true);
    expect(copies.some((c) => original(c) !== undefined && c.name.split(' ').length < original(c)!.name.split(' ').length)).toBe(true);
    expect(copies.some((c) => original(c) !== undefined && c.name.split(' ').reverse().join(' ') === original(c)!.name)).toBe(true);
    expect(list.filter((c) => /^[A-Za-z ]+$/.test(c.name)).length).toBeGreaterThan(600);
    expect(list.filter((c) => /^[А-Яа-яЁё ]+$/.test(c.name)).length).toBeGreaterThan(1500);
    // A copy never loses both its phone and its city.
    expect(copies.every((c) => c.phone !== '' || c.city !== '')).toBe(true);
  });
});
