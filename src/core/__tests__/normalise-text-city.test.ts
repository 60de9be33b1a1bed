import { cellText, isBlank, normaliseText } from '../normalise/text';
import { normaliseCity } from '../normalise/city';

describe('normaliseText', () => {
  it('folds case, ё, quotes and every kind of space', () => {
    expect(normaliseText('  ООО\u00A0«Ромашка»  ')).toBe('ооо ромашка');
    expect(normaliseText('ООО "Ромашка"')).toBe('ооо ромашка');
    expect(normaliseText('Зелёный\u202Fцвет')).toBe('зеленый цвет');
    expect(normaliseText('„Лёд“')).toBe('лед');
  });
  it('gives an empty string for empty input', () => {
    expect(normaliseText(null)).toBe('');
    expect(normaliseText(undefined)).toBe('');
    expect(normaliseText(' \u00A0 ')).toBe('');
  });
  it('keeps digits and inner punctuation that matter', () => {
    expect(normaliseText('Тариф 1.5')).toBe('тариф 1.5');
  });
});

describe('cellText / isBlank', () => {
  it('shows dates as dd.mm.yyyy from their UTC fields', () => {
    expect(cellText(new Date(Date.UTC(2024, 1, 29, 23, 59)))).toBe('29.02.2024');
  });
  it('trims NBSP and keeps numbers as typed', () => {
    expect(cellText('\u00A0Иванов\u00A0')).toBe('Иванов');
    expect(cellText(1234.5)).toBe('1234.5');
    expect(cellText(0)).toBe('0');
    expect(isBlank(0)).toBe(false);
    expect(isBlank('  ')).toBe(true);
    expect(isBlank(null)).toBe(true);
  });
});

describe('normaliseCity', () => {
  it.each([
    ['МСК', 'Москва'],
    ['Мск', 'Москва'],
    ['msk', 'Москва'],
    ['Moscow', 'Москва'],
    ['г. Москва', 'Москва'],
    ['г.Москва', 'Москва'],
    ['москва ', 'Москва'],
    ['город Москва', 'Москва'],
    ['СПб', 'Санкт-Петербург'],
    ['Питер', 'Санкт-Петербург'],
    ['санкт петербург', 'Санкт-Петербург'],
    ['St. Petersburg', 'Санкт-Петербург'],
    ['Spb', 'Санкт-Петербург'],
    ['Екб', 'Екатеринбург'],
    ['НСК', 'Новосибирск'],
    ['Н.Новгород', 'Нижний Новгород'],
    ['Н. Новгород', 'Нижний Новгород'],
    ['НН', 'Нижний Новгород'],
    ['ростов на дону', 'Ростов-на-Дону'],
    ['Казань', 'Казань'],
  ])('%s → %s', (raw, canonical) => {
    expect(normaliseCity(raw)).toBe(canonical);
  });
  it('capitalises an unknown city and drops «г.» but keeps the rest as typed', () => {
    expect(normaliseCity(' г. тверь ')).toBe('Тверь');
    expect(normaliseCity('великий Новгород')).toBe('Великий Новгород');
  });
  it('does not take a city for a prefix of another', () => {
    expect(normaliseCity('Москваречье')).toBe('Москваречье');
    expect(normaliseCity('Гатчина')).toBe('Гатчина');
  });
  it('gives an empty string for empty input', () => {
    expect(normaliseCity('  ')).toBe('');
    expect(normaliseCity(null)).toBe('');
  });
});

describe('normaliseText folding paths', () => {
  it.each([
    ['a  b', 'a b'],
    [' a', 'a'],
    ['a ', 'a'],
    ['a\tb', 'a b'],
    ['ПЁТР', 'петр'],
    ['к-00001', 'к-00001'],
    ['К-00001', 'к-00001'],
  ])('%j → %j', (raw, folded) => {
    expect(normaliseText(raw)).toBe(folded);
  });
});
