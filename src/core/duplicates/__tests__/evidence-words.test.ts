import { render } from '../../messages/message';
import { evidenceMessage } from '../evidence-words';
import { findDuplicates } from '../match';
import { LEVELS, WEIGHED_FIELDS, type FieldEvidence } from '../match-weights';
import { planDuplicates } from '../plan';
import { generateLabelledClients } from '../../../bench/labelled';
import { asReadByBase } from '../../../bench/labelled-client';
import { clients } from './fixtures';
import { generateSampleWorkbook } from '../../../sample';
import { MemoryWorkbook } from '../../../workbook/memory';

/** The words, numbers' no-break spaces read as spaces. */
const said = (evidence: FieldEvidence[], language: 'ru' | 'en' = 'ru') => render(evidenceMessage(evidence), language).replace(/[\u00a0\u202f]/g, ' ');

describe('a match field by field, in words', () => {
  it('says each weight as how many times more often it happens, strongest first', () => {
    const evidence: FieldEvidence[] = [
      { field: 'city', level: 'different', bits: -3 },
      { field: 'phone', level: 'two typos', bits: Math.log2(93.4) },
      { field: 'name', level: 'similar 0.8', bits: 1.2 },
      { field: 'email', level: 'same', bits: 12 },
    ];
    expect(said(evidence)).toBe(
      'e-mail совпадает — у дубликатов более чем в 1 000 раз чаще, чем у разных клиентов; ' +
        'телефон отличается на две цифры — у дубликатов в 93 раза чаще, чем у разных клиентов; ' +
        'имя похоже — у дубликатов в 2 раза чаще, чем у разных клиентов; ' +
        'города разные — у разных клиентов в 8 раз чаще, чем у дубликатов',
    );
    expect(said(evidence, 'en')).toBe(
      'same e-mail: over 1,000 times as common among duplicates as among different clients; ' +
        'phone two digits off: 93 times as common among duplicates as among different clients; ' +
        'similar name: 2 times as common among duplicates as among different clients; ' +
        'different cities: 8 times as common among different clients as among duplicates',
    );
  });

  it('never says a field that agrees speaks against the match', () => {
    // An identical name of common words weighs below nothing; a city all clients share tells nothing.
    expect(said([{ field: 'name', level: 'exact', bits: -2.4 }])).toBe('имя совпадает, но его слова в базе частые — само по себе это почти ничего не говорит');
    expect(said([{ field: 'name', level: 'exact', bits: 0.4 }])).toBe('имя совпадает, но его слова в базе частые — само по себе это почти ничего не говорит');
    expect(said([{ field: 'city', level: 'same', bits: -1.5 }])).toBe('город тот же — почти ничего не говорит');
    expect(said([{ field: 'birthday', level: 'slip', bits: 0.6 }])).toBe('дата рождения с опечаткой — почти ничего не говорит');
  });

  it('has words for every level of every field, in both languages', () => {
    for (const field of WEIGHED_FIELDS) {
      for (const level of LEVELS[field].slice(1)) {
        for (const language of ['ru', 'en'] as const) expect(said([{ field, level, bits: 3 }], language)).not.toMatch(/\{|undefined/);
      }
    }
  });
});

describe('the groups found carry their fields in words', () => {
  it('gives each group its weakest link field by field once the base is big enough to fit the weights', () => {
    const list = asReadByBase(generateLabelledClients({ size: 3000, seed: 3 }));
    const groups = findDuplicates(list, { sensitivity: 'normal', phoneRegion: 'RU' });
    const weighed = groups.filter((group) => group.evidence !== null);
    expect(weighed.length).toBeGreaterThan(groups.length * 0.8);
    const byPhone = weighed.find((group) => group.reasons[0] === 'samePhone' && group.members.length === 2)!;
    expect(byPhone.evidence!.find((field) => field.field === 'phone')).toMatchObject({ level: 'same', bits: expect.any(Number) });
    expect(byPhone.evidence!.find((field) => field.field === 'phone')!.bits).toBeGreaterThan(3);
    // Only fields known in both records are told.
    for (const group of weighed) for (const field of group.evidence!) expect(field.level).not.toBe('missing');
  });

  it('tells nothing field by field in a base too small to learn weights from', () => {
    const groups = findDuplicates(clients({ name: 'Иванов Иван', phone: '8 (912) 345-67-89' }, { name: 'Иван Иванов', phone: '+79123456789' }), { sensitivity: 'normal', phoneRegion: 'RU' });
    expect(groups.map((group) => group.evidence)).toEqual([null]);
  });

  it('writes the words on the «Дубликаты» sheet once per group, on its first row', async () => {
    const snapshot = await new MemoryWorkbook(generateSampleWorkbook()).read();
    const plan = planDuplicates(snapshot);
    const table = plan.operations.find((op) => op.kind === 'writeTable' && op.replace);
    if (table?.kind !== 'writeTable') throw new Error('no table');
    expect(table.header.at(-1)).toBe('По полям');
    const first = plan.report.groups[0];
    const rows = table.rows.filter((row) => row[0] === first.id);
    expect(rows[0].at(-1)).toBe(render(first.evidence!, 'ru'));
    expect(rows[0].at(-1)).toMatch(/в \d+ раза? чаще/);
    expect(rows.slice(1).map((row) => row.at(-1))).toEqual(rows.slice(1).map(() => ''));
  });
});
