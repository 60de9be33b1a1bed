import { readSettings, settingsOperations } from '../settings-sheet';
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
    const settings = { ...DEFAULT_SETTINGS, coldDays: 90, rfmMode: 'fixed' as const, language: 'en' as const };
    const mapping = { clients: { phone: 'Mobile', inn: null } };
    const [op] = settingsOperations(settings, mapping, 'en') as WriteTable[];
    expect(op).toMatchObject({ kind: 'writeTable', sheet: 'Settings', replace: true, header: ['Key', 'Value', 'Description'] });
    const read = readSettings(book(sheet(op.sheet, op.header, ...op.rows)));
    expect(read.settings).toEqual(settings);
    expect(read.mapping).toEqual(mapping);
    expect(rendered(read.problems, 'ru')).toEqual([]);
  });

  it('writes Russian headers and descriptions for a Russian workbook, into a given sheet', () => {
    const [op] = settingsOperations(DEFAULT_SETTINGS, {}, 'ru', 'Параметры') as WriteTable[];
    expect(op.sheet).toBe('Параметры');
    expect(op.header).toEqual(['Ключ', 'Значение', 'Описание']);
    expect(op.rows.find((r) => r[0] === 'coldDays')?.[2]).toMatch(/остыл/);
  });
});
