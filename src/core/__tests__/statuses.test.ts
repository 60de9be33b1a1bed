import { FUNNEL_STATUSES, findStatus } from '../statuses';

describe('findStatus', () => {
  it('finds every status by its Russian and its English name', () => {
    for (const status of FUNNEL_STATUSES) {
      expect(findStatus(status.ru)).toBe(status);
      expect(findStatus(status.en)).toBe(status);
    }
  });

  it('reads a name as typed: any case, е for ё, spaces around the hyphen and the cell', () => {
    expect(findStatus('  зелено - ЗОЛОТОЙ ')?.key).toBe('green_gold');
    expect(findStatus('Жёлтый')?.key).toBe('yellow');
    expect(findStatus('желтый')?.key).toBe('yellow');
    expect(findStatus('RED -platinum')?.key).toBe('red_platinum');
  });

  it('names no status for a blank cell or another word', () => {
    expect(findStatus('')).toBeUndefined();
    expect(findStatus('   ')).toBeUndefined();
    expect(findStatus('Золото')).toBeUndefined();
    expect(findStatus('green gold')).toBeUndefined();
  });
});
