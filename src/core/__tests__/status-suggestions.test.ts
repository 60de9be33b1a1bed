import { suggestStatus, suggestStatusKey } from '../status-suggestions';

const suggest = (status: string, orders: number, cold = false) => suggestStatusKey({ status, orders, cold });

describe('suggestStatusKey', () => {
  it('suggests Золотой at the first order, from any status before a purchase', () => {
    for (const status of ['', 'Белый', 'Серый', 'зеленый', 'Жёлтый', 'Зелёно-золотой', 'Красно-зелёный', 'что-то своё']) {
      expect(suggest(status, 1)).toBe('gold');
    }
  });

  it('suggests nothing without orders', () => {
    expect(suggest('Белый', 0)).toBeNull();
    expect(suggest('Золотой', 0, false)).toBeNull();
  });

  it('suggests Платиновый only for more than three orders', () => {
    expect(suggest('Золотой', 3)).toBeNull();
    expect(suggest('Золотой', 4)).toBe('platinum');
    expect(suggest('Белый', 4)).toBe('platinum');
  });

  it('moves cold clients to the red statuses of their tier', () => {
    expect(suggest('Золотой', 2, true)).toBe('red_gold');
    expect(suggest('Платиновый', 5, true)).toBe('red_platinum');
    expect(suggest('Белый', 1, true)).toBe('red_gold');
    expect(suggest('Золотой', 4, true)).toBe('red_platinum');
  });

  it('never moves back: no Золотой for Платиновый, no Красно-золотой for a platinum client', () => {
    expect(suggest('Платиновый', 2)).toBeNull();
    expect(suggest('Платиновый', 2, true)).toBe('red_platinum');
    expect(suggest('Красно-платиновый', 2, true)).toBeNull();
    expect(suggest('Красно-платиновый', 6, false)).toBeNull();
    expect(suggest('Красно-золотой', 2, false)).toBeNull();
  });

  it('never suggests the status the client already has', () => {
    expect(suggest('Золотой', 1)).toBeNull();
    expect(suggest('золотой', 2)).toBeNull();
    expect(suggest('Красно-золотой', 2, true)).toBeNull();
    expect(suggest('Platinum', 9)).toBeNull();
  });

  it('raises a lapsed gold client who reached more than three orders', () => {
    expect(suggest('Красно-золотой', 4, false)).toBe('platinum');
    expect(suggest('Красно-золотой', 4, true)).toBe('red_platinum');
  });

  it('names the status in the workbook language', () => {
    expect(suggestStatus({ status: '', orders: 1, cold: false }, 'ru')).toBe('Золотой');
    expect(suggestStatus({ status: '', orders: 5, cold: true }, 'en')).toBe('Red-platinum');
    expect(suggestStatus({ status: 'Золотой', orders: 1, cold: false }, 'ru')).toBeNull();
  });
});
