import { generateLatinClients } from '../labelled-latin';
import { truePairCount } from '../labelled-client';

describe('generateLatinClients', () => {
  it('is deterministic for a seed and differs between seeds', () => {
    const a = generateLatinClients({ size: 300, seed: 7 });
    expect(generateLatinClients({ size: 300, seed: 7 })).toEqual(a);
    expect(generateLatinClients({ size: 300, seed: 8 })).not.toEqual(a);
    expect(a).toHaveLength(300);
    expect(a.map((c) => c.row)).toEqual(a.map((_, i) => i + 2));
    expect(new Set(a.map((c) => c.id)).size).toBe(300);
  });

  it('writes Latin names, suburbs, phones of another country and dates of birth, and corrupts the duplicates', () => {
    const list = generateLatinClients({ size: 2000, seed: 1 });
    expect(list.every((c) => /^[a-z ]+$/.test(c.name) && /^[a-z ]*$/.test(c.city))).toBe(true);
    expect(list.filter((c) => /^0\d \d{4} \d{4}$/.test(c.phone)).length).toBeGreaterThan(700);
    expect(list.filter((c) => c.birthday !== null).length).toBeGreaterThan(1500);
    // About a third of the people have a copy, and copies differ from their original.
    expect(truePairCount(list)).toBeGreaterThan(400);
    const byEntity = new Map<number, string[]>();
    for (const c of list) byEntity.set(c.entity, [...(byEntity.get(c.entity) ?? []), `${c.name}|${c.city}|${c.phone}|${c.birthday}`]);
    const copied = [...byEntity.values()].filter((rows) => rows.length > 1);
    expect(copied.filter((rows) => new Set(rows).size > 1).length).toBeGreaterThan(0.95 * copied.length);
    // Among the corruptions: a given name left out and the two names swapped.
    expect(list.some((c) => !c.name.includes(' '))).toBe(true);
  });
});
