import { findDuplicates } from '../../core/duplicates/match';
import { generateLabelledClients } from '../labelled';
import { asReadByBase, scoreGroups, truePairCount } from '../labelled-client';
import { transliterate } from '../labelled-names';

describe('generateLabelledClients', () => {
  it('is deterministic for a seed and differs between seeds', () => {
    const a = generateLabelledClients({ size: 300, seed: 7 });
    expect(generateLabelledClients({ size: 300, seed: 7 })).toEqual(a);
    expect(generateLabelledClients({ size: 300, seed: 8 })).not.toEqual(a);
    expect(a).toHaveLength(300);
    expect(a.map((c) => c.row)).toEqual(a.map((_, i) => i + 2));
  });

  it('holds duplicates and hard negatives', () => {
    const list = generateLabelledClients({ size: 2000, seed: 1 });
    expect(truePairCount(list)).toBeGreaterThan(100);
    // Hard negatives: the same name key under different labels.
    const byName = new Map<string, Set<number>>();
    for (const c of list) byName.set(c.name, (byName.get(c.name) ?? new Set()).add(c.entity));
    expect([...byName.values()].filter((entities) => entities.size > 1).length).toBeGreaterThan(10);
  });
});

describe('transliterate', () => {
  it('spells Russian in the schemes people use', () => {
    expect(transliterate('Юлия Щукина', 'passport')).toBe('Iuliia Shchukina');
    expect(transliterate('Юлия Щукина', 'popular')).toBe('Yuliya Schukina');
    expect(transliterate('Юлия Щукина', 'simple')).toBe('Julija Shukina');
  });
});

describe('scoreGroups', () => {
  it('counts pairs', () => {
    const list = generateLabelledClients({ size: 4, seed: 1 }).map((c, i) => ({ ...c, entity: [1, 1, 1, 2][i] }));
    // Truth: 3 pairs among the first three. Predicted: {0,1} right, {2,3} wrong.
    expect(scoreGroups(list, [{ members: [0, 1] }, { members: [2, 3] }])).toEqual({
      precision: 0.5, recall: 1 / 3, f1: 0.4, truePairs: 3, predictedPairs: 2, correctPairs: 1,
    });
    expect(scoreGroups(list, []).precision).toBe(1);
  });
});

describe('accuracy on a generated list (the benchmark goals at the default sensitivity)', () => {
  it('reaches precision ≥ 0.98 and F1 ≥ 0.95', () => {
    const list = asReadByBase(generateLabelledClients({ size: 5000, seed: 3 }));
    const score = scoreGroups(list, findDuplicates(list, { sensitivity: 'normal', phoneRegion: 'RU' }));
    expect(score.precision).toBeGreaterThanOrEqual(0.98);
    expect(score.f1).toBeGreaterThanOrEqual(0.95);
  });
});
