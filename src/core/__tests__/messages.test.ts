import { EN } from '../messages/en';
import { RU } from '../messages/ru';
import { decodeMessage, encodeMessage, message, render } from '../messages/message';

/** The placeholders of a template, with their plural forms left out: `{count|клиент|клиента}` → `count`. */
function placeholders(template: string): string[] {
  return [...new Set([...template.matchAll(/\{(\w+)(?:\|[^}]*)?\}/g)].map((m) => m[1]))].sort();
}

describe('message catalogs', () => {
  it('have the same keys in Russian and English', () => {
    expect(Object.keys(EN).sort()).toEqual(Object.keys(RU).sort());
  });

  it('have the same placeholders for each key', () => {
    const differing = (Object.keys(RU) as Array<keyof typeof RU>).filter((key) => placeholders(RU[key]).join() !== placeholders(EN[key]).join());
    expect(differing).toEqual([]);
  });

  it('write no Cyrillic in English and no English sentence in Russian', () => {
    expect(Object.entries(EN).filter(([, text]) => /[А-Яа-яЁё]/.test(text.replace(/\{[^}]*\}/g, '')))).toEqual([]);
  });
});

describe('render', () => {
  it('writes counts and plurals as each language does, and user data as typed', () => {
    const done = message('check.found', { count: 2000, sheet: 'Проблемы' });
    expect(render(done, 'ru')).toBe('В данных 2\u00a0000 проблем: см. лист «Проблемы».');
    expect(render(done, 'en')).toBe('2,000 problems in the data: see the "Проблемы" sheet.');
    expect(render(message('check.found', { count: 21, sheet: 'X' }), 'ru')).toBe('В данных 21 проблема: см. лист «X».');
  });

  it('renders a message inside a message, and a list of them', () => {
    const all = message('all.done', { clients: 3, cold: 1, duplicates: message('duplicates.none') });
    expect(render(all, 'en')).toBe('Done: 3 clients, 1 cold. No duplicates found.');
    const reasons = message('undo.restoredLeft', { restored: message('undo.done'), count: 2, places: [message('undo.placeRow', { sheet: 'A', row: 2 }), message('undo.placeSheet', { sheet: 'B' })], archive: 'Z' });
    expect(render(reasons, 'en')).toContain('(2): "A", row 2; "B".');
  });

  it('carries a message through a boundary that keeps only text', () => {
    const detail = message('form.noSuchStatus', { status: 'Лиловый' });
    expect(decodeMessage(`Нет такого статуса.\n${encodeMessage(detail)}`)).toEqual(detail);
    expect(decodeMessage('just text')).toBeNull();
  });
});
