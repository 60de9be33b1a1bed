import { readSettings, settingsChangeOperations, settingsOperations } from '../settings-sheet';
import { DEFAULT_SETTINGS } from '../settings';
import type { WriteTable } from '../../workbook/operations';
import { book, sheet } from './snapshot-builder';
import { rendered } from '../messages/rendered';

describe('readSettings', () => {
  it('gives the defaults, with the language detected, when there is no settings sheet', () => {
    expect(readSettings(book(sheet('Клиенты', ['Клиент']))).settings).toEqual({ ...DEFAULT_SETTINGS, language: 'ru' });
    expect(readSettings(book(sheet('Clients', ['Name']))).settings.language).toBe('en');
  });

  it('reads known keys, ignores unknown ones and keeps defaults for empty values', () => {
    const { settings, problems } = readSettings(
      book(
        sheet(
          'Настройки',
          ['Ключ', 'Значение', 'Описание'],
          ['coldDays', 45],
          ['abcA', '80 %'],
          ['abcB', '15'],
          ['rfmMode', 'Fixed'],
          ['rfmRecencyBands', '10; 20; 40; 80'],
          ['duplicateSensitivity', 'строго'],
          ['managerLimit', ''],
          ['somethingElse', 'x'],
          ['language', 'en'],
        ),
      ),
    );
    expect(rendered(problems, 'ru')).toEqual([]);
    expect(settings).toMatchObject({ coldDays: 45, abcA: 80, abcB: 15, rfmMode: 'fixed', rfmRecencyBands: [10, 20, 40, 80], duplicateSensitivity: 'strict', managerLimit: 70, language: 'en' });
  });

  it('reports a bad value with its row and uses the default', () => {
    const { settings, problems } = readSettings(
      book(sheet('Settings', ['Key', 'Value'], ['coldDays', 'sixty'], ['rfmFrequencyBands', '1; 3; 2; 5'], ['phoneRegion', 'Russia'])),
    );
    expect(settings.coldDays).toBe(60);
    expect(settings.rfmFrequencyBands).toEqual([1, 2, 3, 5]);
    expect(settings.phoneRegion).toBe('RU');
    expect(rendered(problems.map((p) => [p.row, p.column, p.value]), 'ru')).toEqual([
      [2, 'Value', 'sixty'],
      [3, 'Value', '1; 3; 2; 5'],
      [4, 'Value', 'Russia'],
    ]);
    expect(rendered(problems[0].message, 'en')).toMatch(/default 60/);
  });

  it('refuses ABC shares that leave nothing for class C', () => {
    const { settings, problems } = readSettings(book(sheet('Настройки', ['Ключ', 'Значение'], ['abcA', 80], ['abcB', 20])));
    expect([settings.abcA, settings.abcB]).toEqual([75, 20]);
    expect(rendered(problems, 'ru')).toHaveLength(1);
    expect(rendered(problems[0], 'ru')).toMatchObject({ row: 3, column: 'Значение', value: '80 + 20' });
  });

  it('reads header mappings; an empty value means "no such column"', () => {
    const { mapping } = readSettings(
      book(sheet('Настройки', ['Ключ', 'Значение'], ['mapping.clients.phone', 'Моб'], ['mapping.orders.amount', ''], ['mapping.clients.nonsense', 'X'])),
    );
    expect(mapping).toEqual({ clients: { phone: 'Моб' }, orders: { amount: null } });
  });

  it('does not share the default band arrays between reads', () => {
    const first = readSettings(book()).settings;
    first.rfmRecencyBands.push(999);
    expect(readSettings(book()).settings.rfmRecencyBands).toEqual([30, 60, 90, 180]);
  });
});

describe('settingsOperations', () => {
  it('writes a sheet that reads back to the same settings and mapping', () => {
    const settings = { ...DEFAULT_SETTINGS, coldDays: 90, rfmMode: 'fixed' as const, duplicateSensitivity: 'loose' as const, language: 'en' as const };
    const mapping = { clients: { phone: 'Mobile', inn: null } };
    const [op] = settingsOperations(settings, mapping, 'en') as WriteTable[];
    expect(op).toMatchObject({ kind: 'writeTable', sheet: 'Settings', replace: true, header: ['Setting', 'Value', 'Description', 'Key'], hiddenColumns: [false, false, false, true] });
    const read = readSettings(book(sheet(op.sheet, op.header, ...op.rows)));
    expect(read.settings).toEqual(settings);
    expect(read.mapping).toEqual(mapping);
    expect(rendered(read.problems, 'ru')).toEqual([]);
  });

  it('shows a Russian workbook labels and values in Russian, the stable keys only in the hidden last column', () => {
    const mapping = { clients: { phone: 'Моб. телефон' } };
    const [op] = settingsOperations(DEFAULT_SETTINGS, mapping, 'ru', 'Параметры') as WriteTable[];
    expect(op.sheet).toBe('Параметры');
    expect(op.header).toEqual(['Настройка', 'Значение', 'Описание', 'Ключ']);
    const byKey = new Map(op.rows.map((row) => [row[3], row]));
    expect(byKey.get('coldDays')?.slice(0, 2)).toEqual(['Клиент остывает через, дней', 60]);
    expect(byKey.get('coldDays')?.[2]).toMatch(/остыл/);
    expect(byKey.get('rfmMode')?.[1]).toBe('по процентилям');
    expect(byKey.get('duplicateSensitivity')?.[1]).toBe('обычный');
    expect(byKey.get('language')?.[1]).toBe('русский');
    expect(byKey.get('mapping.clients.phone')?.slice(0, 2)).toEqual(['Столбец «Телефон» листа «Клиенты»', 'Моб. телефон']);
    // What a user sees (all but the hidden key column) carries no identifier in Latin letters.
    for (const row of op.rows) expect(String(row[0])).not.toMatch(/^[a-z]+[A-Z.]/);
    expect(op.rows.every((row) => !/\b(percentiles|normal|coldDays)\b/.test(`${row[0]} ${row[1]}`))).toBe(true);
    expect(readSettings(book(sheet(op.sheet, op.header, ...op.rows)))).toEqual({ settings: DEFAULT_SETTINGS, mapping, problems: [] });
  });
});

describe('reading the settings sheet by its labels', () => {
  it('reads rows whose hidden key column was deleted, by their labels in either language', () => {
    const { settings, mapping, problems } = readSettings(
      book(
        sheet(
          'Настройки',
          ['Настройка', 'Значение', 'Описание'],
          ['Клиент остывает через, дней', 45],
          ['Границы RFM', 'фиксированные'],
          ['Duplicate search', 'strict'],
          ['Язык листов надстройки', 'English'],
          ['Столбец «Телефон» листа «Клиенты»', 'Мобильный'],
          ['Что-то своё', 'x'],
        ),
      ),
    );
    expect(problems).toEqual([]);
    expect(settings).toMatchObject({ coldDays: 45, rfmMode: 'fixed', duplicateSensitivity: 'strict', language: 'en' });
    expect(mapping).toEqual({ clients: { phone: 'Мобильный' } });
  });

  it('names the setting of a bad value by its label, not by its key', () => {
    const [op] = settingsOperations(DEFAULT_SETTINGS, {}, 'ru') as WriteTable[];
    const rows = op.rows.map((row) => (row[3] === 'coldDays' ? [row[0], 'много', row[2], row[3]] : row));
    const { settings, problems } = readSettings(book(sheet(op.sheet, op.header, ...rows)));
    expect(settings.coldDays).toBe(60);
    expect(rendered(problems, 'ru')).toEqual([
      { sheet: 'Настройки', row: 2, column: 'Значение', value: 'много', message: 'Настройка «Клиент остывает через, дней»: нужно целое число от 1 до 3650. Пока используется значение по умолчанию: 60.' },
    ]);
    expect(rendered(problems[0].message, 'en')).toBe('Setting "Client goes cold after, days": a whole number from 1 to 3650 is needed. The default 60 is used for now.');
  });

  it('adds a new mapping row to a sheet in its own layout: label, value, description and the key', () => {
    const [op] = settingsOperations(DEFAULT_SETTINGS, {}, 'ru') as WriteTable[];
    const settingsSheet = sheet(op.sheet, op.header, ...op.rows);
    const operations = settingsChangeOperations(book(sheet('Клиенты', ['Клиент', 'Моб']), settingsSheet), DEFAULT_SETTINGS, { clients: { phone: 'Моб' } }, { action: 'сопоставление', when: new Date(0) });
    expect(operations).toEqual([{ kind: 'appendRows', sheet: 'Настройки', rows: [['Столбец «Телефон» листа «Клиенты»', 'Моб', expect.stringMatching(/называется в вашей книге/), 'mapping.clients.phone']] }]);
  });
});
