/** People and firms of the sample: names, e-mails, and a name typed another way the second time. */
import type { Random } from './random';
import {
  COMPANY_STEMS,
  COMPANY_TAILS,
  COMPANY_WORDS,
  FEMALE_NAMES,
  LEGAL_FORMS,
  MALE_NAMES,
  PATRONYMICS,
  PERSONAL_DOMAINS,
  SURNAMES,
  surnameFor,
  type Gender,
} from './names';
import { companyName, transliterate, withoutYo, type CompanyStyle } from './mess';
import type { ClientPlan, DuplicateVariation, Person } from './sample-types';

export function personName(p: Person, random: Random): string {
  const surname = surnameFor(p.surname, p.gender);
  const x = random.next();
  if (x < 0.8) return `${surname} ${p.first} ${p.patronymic}`;
  if (x < 0.92) return `${surname} ${p.first}`;
  return `${p.first} ${surname}`;
}

export function randomPerson(random: Random): Person {
  const gender: Gender = random.chance(0.55) ? 'female' : 'male';
  const pair = random.pick(PATRONYMICS);
  return {
    gender,
    first: gender === 'male' ? random.pick(MALE_NAMES) : random.pick(FEMALE_NAMES),
    patronymic: gender === 'male' ? pair[0] : pair[1],
    surname: random.pick(SURNAMES),
  };
}

export function randomCompanyName(random: Random, person: Person): { form: string; name: string } {
  const form = random.pick(LEGAL_FORMS);
  if (form === 'ИП') return { form, name: `${surnameFor(person.surname, person.gender)} ${person.first[0]}. ${person.patronymic[0]}.` };
  const x = random.next();
  if (x < 0.4) return { form, name: random.pick(COMPANY_WORDS) };
  if (x < 0.8) return { form, name: random.pick(COMPANY_STEMS) + random.pick(COMPANY_TAILS) };
  return { form, name: `${random.pick(COMPANY_WORDS)}-${random.pick(COMPANY_TAILS)}` };
}

export function latinLetters(text: string): string {
  return transliterate(text).toLowerCase().replace(/[^a-z]/g, '');
}

export function personEmail(p: Person, random: Random): string {
  const local = latinLetters(surnameFor(p.surname, p.gender));
  const tail = random.pick(['', `.${latinLetters(p.first)[0]}`, String(random.int(70, 99)), `_${latinLetters(p.first)}`]);
  return `${local}${tail}@${random.pick(PERSONAL_DOMAINS)}`;
}

/** The client's name as typed the second time; what differs is added to `variations`. */
export function respell(plan: ClientPlan, variations: DuplicateVariation[], random: Random): string {
  if (plan.isCompany && plan.company) {
    const { form, name, style } = plan.company;
    const other: CompanyStyle = style === 'formLast' ? 'formFirstGuillemets' : random.pick<CompanyStyle>(['formLast', 'formFirstQuotes', 'formFirstBare']);
    variations.push('legalForm');
    const bare = /ё/i.test(name) ? withoutYo(name) : name;
    if (bare !== name) variations.push('yo');
    return companyName(form, bare, form === 'ИП' && style !== 'formLast' ? 'formLast' : other);
  }
  const person = plan.person as Person;
  const surname = surnameFor(person.surname, person.gender);
  const x = random.next();
  if (x < 0.15) {
    variations.push('latin');
    return transliterate(`${person.first} ${surname}`);
  }
  variations.push('wordOrder');
  const orders = [`${person.first} ${person.patronymic} ${surname}`, `${person.first} ${surname}`, `${surname} ${person.first}`].filter((n) => n !== plan.name);
  const reordered = x < 0.6 ? orders[0] : orders[1];
  if (/ё/i.test(reordered) && random.chance(0.7)) {
    variations.push('yo');
    return withoutYo(reordered);
  }
  return reordered;
}
