import { FieldStrings } from '../field-strings';
import { parseCsv } from '../csv';

/** The general path: every field sliced anew, as `parseCsv` did before fields were shared. */
function slicedFields(text: string, separator: string): string[][] {
  return text
    .split(/\r\n|\n|\r/)
    .filter((line, i, lines) => i < lines.length - 1 || line !== '')
    .map((line) => line.split(separator));
}

/** A deterministic pseudo-random generator, so a failure can be replayed. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (Math.imul(state, 1_103_515_245) + 12_345) >>> 0;
    return state / 2 ** 32;
  };
}

describe('FieldStrings', () => {
  it('returns the text of every field, shared or not', () => {
    const text = '01.02.2024;Иванов;01.02.2024;Иванова;01.02.2025;';
    const strings = new FieldStrings(text);
    const fields: Array<[number, number, number]> = [
      [0, 0, 10],
      [1, 11, 17],
      [0, 18, 28],
      [1, 29, 36],
      [0, 37, 47],
      [2, 48, 48],
    ];
    expect(fields.map(([column, start, end]) => strings.field(column, start, end))).toEqual(['01.02.2024', 'Иванов', '01.02.2024', 'Иванова', '01.02.2025', '']);
  });

  it('tells apart values of the same length and the same first, middle and last characters', () => {
    // Same slot key (length, first, middle, last character), different text: must never be confused.
    const values = ['1 234,56', '1 274,56', '1 204,56', '1 234,56', '1 2a4,56', '1 274,56'];
    const text = values.join(';');
    const strings = new FieldStrings(text);
    let at = 0;
    const read = values.map((value) => {
      const field = strings.field(0, at, at + value.length);
      at += value.length + 1;
      return field;
    });
    expect(read).toEqual(values);
  });

  it('does not mix columns: the same text in two columns is read in each', () => {
    const text = 'Москва;Москва;МСК;Москва';
    const strings = new FieldStrings(text);
    expect([strings.field(0, 0, 6), strings.field(1, 7, 13), strings.field(0, 14, 17), strings.field(3, 18, 24)]).toEqual(['Москва', 'Москва', 'МСК', 'Москва']);
  });
});

describe('parseCsv with shared field strings', () => {
  it('gives the same records as slicing every field, on a 1C-like file with repeats, near-repeats and long fields', () => {
    const next = random(7);
    const pick = <T>(items: readonly T[]) => items[Math.floor(next() * items.length)];
    const days = ['01.02.2024', '01.02.2024 10:30', '10.02.2024', '01.12.2024', '31.01.2024', '2024-02-01'];
    const clients = ['ООО «Ромашка»', 'ООО «Ромашкa»', 'Иванов Пётр', 'Иванов Петр', 'ИП Сидоров', 'ИП Сидорова', ''];
    const amounts = ['1 234,56', '1\u00A0234,56', '1 234,56 ₽', '-500', '−500', '1 234,50', '0'];
    const comment = 'очень длинный комментарий, который не делится между строками '.repeat(2);
    const lines = ['Продажи за период;;;;', 'Дата;Контрагент;Сумма;Комментарий;Номер'];
    for (let i = 0; i < 2000; i++) {
      lines.push([pick(days), pick(clients), pick(amounts), next() < 0.1 ? comment + i : pick(['', 'звонить', 'звонить ']), `З-${String(i).padStart(7, '0')}`].join(';'));
    }
    const text = lines.join('\r\n') + '\r\n';
    expect(parseCsv(text, ';')).toEqual(slicedFields(text, ';'));
  });

  it('keeps shared values correct across quoted records and lone CRs', () => {
    const text = '01.02.2024;"А;Б"\r01.02.2024;А\n"01.02.2024";"А"\r\n01.02.2024;А;\n';
    expect(parseCsv(text, ';')).toEqual([
      ['01.02.2024', 'А;Б'],
      ['01.02.2024', 'А'],
      ['01.02.2024', 'А'],
      ['01.02.2024', 'А', ''],
    ]);
  });
});
