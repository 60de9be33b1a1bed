/**
 * A deterministic generator of labelled Russian client lists for measuring duplicate detection.
 *
 * Each generated client carries the label of the real-world client it stands for (`entity`); clients
 * with the same label are duplicates. Duplicates are written the ways people really re-enter a client:
 * another phone format, e-mail in other case or with spaces, swapped name order, initials, a dropped
 * patronymic, a typo, ё/е, quotes and legal forms written differently, transliteration in several
 * schemes, city synonyms, missing fields, a phone or e-mail with one typo. Hard negatives are
 * generated on purpose: namesakes in the same city with their own phones and e-mails, and the same
 * brand under another legal form.
 */
import { emptyClient, seededRandom, type LabelledClient } from './labelled-client';
import { BRAND_HEADS, BRAND_TAILS, BRAND_WORDS, CITIES, CITY_WEIGHTS, FEMALE, MAIL_DOMAINS, MALE, SURNAMES, transliterate } from './labelled-names';

export interface LabelledListOptions {
  /** Number of rows. */
  size: number;
  seed?: number;
  /** Share of real-world clients entered more than once (default 0.15). */
  duplicateShare?: number;
  /** Share of clients that get a hard negative: a namesake, or the same brand under another legal form (default 0.08). */
  hardNegativeShare?: number;
}

interface Entity {
  id: number;
  kind: 'person' | 'company';
  surname: string;
  given: string;
  patronymic: string;
  brand: string;
  legalForm: string;
  phone: string;
  email: string;
  city: number;
  inn: string;
}

class Generator {
  private readonly random: () => number;

  constructor(seed: number) {
    this.random = seededRandom(seed);
  }

  chance(p: number): boolean {
    return this.random() < p;
  }

  int(n: number): number {
    return Math.floor(this.random() * n);
  }

  pick<T>(list: readonly T[]): T {
    return list[this.int(list.length)];
  }

  weighted(weights: readonly number[]): number {
    const total = weights.reduce((a, b) => a + b, 0);
    let r = this.random() * total;
    for (let i = 0; i < weights.length; i++) {
      r -= weights[i];
      if (r < 0) return i;
    }
    return weights.length - 1;
  }

  digits(n: number): string {
    let out = '';
    for (let i = 0; i < n; i++) out += String(this.int(10));
    return out;
  }

  mobile(): string {
    return `9${this.digits(9)}`;
  }

  brand(): string {
    const shape = this.int(3);
    if (shape === 0) return this.pick(BRAND_WORDS);
    if (shape === 1) return `${this.pick(BRAND_HEADS)}${this.pick(BRAND_TAILS)}`;
    return `${this.pick(BRAND_HEADS)}-${this.pick(BRAND_HEADS)}${this.chance(0.5) ? this.pick(BRAND_TAILS) : ''}`;
  }

  person(id: number): Entity {
    const female = this.chance(0.5);
    const male = this.pick(MALE);
    const father = this.pick(MALE);
    const surname = this.pick(SURNAMES);
    return {
      id,
      kind: 'person',
      surname: female ? femaleSurname(surname) : surname,
      given: female ? this.pick(FEMALE) : male[0],
      patronymic: female ? father[2] : father[1],
      brand: '',
      legalForm: this.chance(0.15) ? 'ИП' : '',
      phone: this.mobile(),
      email: '',
      city: this.weighted(CITY_WEIGHTS),
      inn: this.chance(0.2) ? this.digits(12) : '',
    };
  }

  company(id: number): Entity {
    return {
      id,
      kind: 'company',
      surname: '',
      given: '',
      patronymic: '',
      brand: this.brand(),
      legalForm: this.pick(['ООО', 'ООО', 'ООО', 'ООО', 'АО', 'ПАО', 'ЗАО', 'ИП']),
      phone: this.chance(0.5) ? this.mobile() : `${this.pick(['495', '499', '812', '383', '343', '843'])}${this.digits(7)}`,
      email: '',
      city: this.weighted(CITY_WEIGHTS),
      inn: this.chance(0.4) ? this.digits(10) : '',
    };
  }

  /** An e-mail of its own: people and firms never share one, so a taken address gets a number. */
  withEmail(entity: Entity, taken: Set<string>): Entity {
    const latin = (text: string) => transliterate(text, 'popular').toLowerCase().replace(/[^a-z]/g, '');
    const [login, domain] =
      entity.kind === 'person'
        ? [`${this.chance(0.5) ? latin(entity.given).charAt(0) : latin(entity.given)}.${latin(entity.surname)}`, this.pick(MAIL_DOMAINS)]
        : [this.pick(['info', 'office', 'sales', 'zakaz']), `${latin(entity.brand)}${this.chance(0.5) ? `-${this.int(100)}` : ''}.ru`];
    let email = `${login}${entity.kind === 'person' && this.chance(0.6) ? this.int(1000) : ''}@${domain}`;
    while (taken.has(email)) email = `${login}${this.int(10000)}@${domain}`;
    taken.add(email);
    entity.email = email;
    return entity;
  }

  /** The name as entered the first time, or in another way for a duplicate. */
  personName(e: Entity, variant: boolean): string {
    let surname = e.surname;
    let given = e.given;
    let patronymic = e.patronymic;
    if (variant && this.chance(0.4)) {
      const yo = (s: string) => s.replace(/ё/g, 'е').replace(/Ё/g, 'Е');
      [surname, given, patronymic] = [yo(surname), yo(given), yo(patronymic)];
    }
    if (variant && this.chance(0.15)) [surname, given, patronymic] = [this.typo(surname), given, patronymic];
    else if (variant && this.chance(0.08)) given = this.typo(given);
    const shape = variant ? this.int(7) : this.int(3);
    let name: string;
    switch (shape) {
      case 0: name = `${surname} ${given} ${patronymic}`; break;
      case 1: name = `${surname} ${given}`; break;
      case 2: name = `${given} ${surname}`; break;
      case 3: name = `${given} ${patronymic} ${surname}`; break;
      case 4: name = `${surname} ${given.charAt(0)}.${patronymic.charAt(0)}.`; break;
      case 5: name = `${surname} ${given} ${patronymic}`.toUpperCase(); break;
      default: name = `${surname} ${given}`; break;
    }
    if (variant && this.chance(0.12)) name = transliterate(name, this.pick(['passport', 'popular', 'simple'] as const));
    const ip = e.legalForm && (!variant || this.chance(0.5)) ? 'ИП ' : '';
    return ip + name;
  }

  companyName(e: Entity, variant: boolean): string {
    let brand = e.brand;
    if (variant && this.chance(0.1)) brand = this.typo(brand);
    if (variant && this.chance(0.3)) brand = brand.replace(/ё/g, 'е');
    if (variant && this.chance(0.1)) brand = transliterate(brand, this.pick(['passport', 'popular', 'simple'] as const));
    const quoted = this.pick([`«${brand}»`, `"${brand}"`, brand, `“${brand}”`, `'${brand}'`]);
    const form = e.legalForm;
    const full: Record<string, string> = {
      ООО: 'Общество с ограниченной ответственностью',
      АО: 'Акционерное общество',
      ПАО: 'Публичное акционерное общество',
      ЗАО: 'Закрытое акционерное общество',
      ИП: 'Индивидуальный предприниматель',
    };
    const latin: Record<string, string> = { ООО: 'LLC', АО: 'JSC', ПАО: 'PJSC', ЗАО: 'CJSC', ИП: 'IP' };
    if (!variant) return `${form} ${quoted}`;
    switch (this.int(6)) {
      case 0: return `${form} ${quoted}`;
      case 1: return `${quoted} ${form}`;
      case 2: return `${full[form]} ${quoted}`;
      case 3: return brand;
      case 4: return `${form.toLowerCase()} ${quoted}`;
      default: return /[A-Za-z]/.test(brand) && form !== 'ИП' ? `${brand} ${latin[form]}` : `${form}${quoted}`;
    }
  }

  /** One typo: a letter swapped with its neighbour, dropped, doubled or replaced. */
  typo(word: string): string {
    if (word.length < 5) return word;
    const i = 1 + this.int(word.length - 2);
    switch (this.int(4)) {
      case 0: return word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2);
      case 1: return word.slice(0, i) + word.slice(i + 1);
      case 2: return word.slice(0, i) + word[i] + word.slice(i);
      default: return word.slice(0, i) + this.pick([...'аоеиу']) + word.slice(i + 1);
    }
  }

  phoneText(national: string): string {
    const [a, b, c, d] = [national.slice(0, 3), national.slice(3, 6), national.slice(6, 8), national.slice(8)];
    switch (this.int(6)) {
      case 0: return `+7 ${a} ${b}-${c}-${d}`;
      case 1: return `8 (${a}) ${b}-${c}-${d}`;
      case 2: return `8${national}`;
      case 3: return `+7${national}`;
      case 4: return `7 ${a} ${b} ${c} ${d}`;
      default: return `8-${a}-${b}-${c}-${d}`;
    }
  }

  phoneTypo(national: string): string {
    const i = 3 + this.int(6);
    if (this.chance(0.5)) return national.slice(0, i) + national[i + 1] + national[i] + national.slice(i + 2);
    return national.slice(0, i) + String((Number(national[i]) + 1 + this.int(8)) % 10) + national.slice(i + 1);
  }

  emailText(email: string): string {
    switch (this.int(4)) {
      case 0: return email.toUpperCase();
      case 1: return ` ${email} `;
      case 2: return email.charAt(0).toUpperCase() + email.slice(1);
      default: return email;
    }
  }

  emailTypo(email: string): string {
    const at = email.indexOf('@');
    const i = this.int(Math.max(1, at - 1));
    return email.slice(0, i) + email.slice(i + 1);
  }

  cityText(city: number, variant: boolean): string {
    const [canonical, synonyms] = CITIES[city];
    return variant && this.chance(0.5) ? this.pick(synonyms) : canonical;
  }
}

function femaleSurname(surname: string): string {
  return /(?:ов|ев|ёв|ин|ын)$/.test(surname) ? `${surname}а` : surname;
}

/**
 * A labelled list of `size` clients in random row order. `phoneNormalised`, `emailNormalised` and
 * `cityNormalised` are left empty: callers fill them the way `readBase` does (see `asReadByBase`).
 */
export function generateLabelledClients(options: LabelledListOptions): LabelledClient[] {
  const g = new Generator(options.seed ?? 1);
  const duplicateShare = options.duplicateShare ?? 0.15;
  const hardShare = options.hardNegativeShare ?? 0.08;
  const out: Array<Omit<LabelledClient, 'row' | 'id'>> = [];
  let nextEntity = 0;
  const emails = new Set<string>();

  const emit = (e: Entity, variant: boolean) => {
    const c = emptyClient(0, e.id);
    c.name = e.kind === 'person' ? g.personName(e, variant) : g.companyName(e, variant);
    c.type = e.kind === 'person' ? 'Физлицо' : 'Юрлицо';
    // A re-entered client usually keeps at least one contact; a few keep none.
    const keepPhone = !variant || g.chance(0.75);
    const keepEmail = !variant || g.chance(0.6);
    if (keepPhone) c.phone = g.phoneText(variant && g.chance(0.1) ? g.phoneTypo(e.phone) : e.phone);
    if (e.email && keepEmail) c.email = g.emailText(variant && g.chance(0.1) ? g.emailTypo(e.email) : e.email);
    if (!variant || g.chance(0.8)) c.city = g.cityText(e.city, variant);
    if (e.inn && (!variant || g.chance(0.5))) c.inn = e.inn;
    out.push(c);
  };

  while (out.length < options.size) {
    const e = g.chance(0.65) ? g.person(nextEntity++) : g.company(nextEntity++);
    if (g.chance(0.7)) g.withEmail(e, emails);
    emit(e, false);
    if (g.chance(duplicateShare)) {
      const copies = 1 + (g.chance(0.25) ? 1 + g.int(2) : 0);
      for (let k = 0; k < copies; k++) emit(e, true);
    }
    if (g.chance(hardShare)) {
      // A different client who looks like this one: a namesake in the same city, or the brand under another form.
      const twin = e.kind === 'person' ? g.person(nextEntity++) : g.company(nextEntity++);
      if (e.kind === 'person') {
        twin.surname = e.surname;
        twin.given = e.given;
        if (g.chance(0.5)) twin.patronymic = e.patronymic;
        twin.legalForm = e.legalForm;
      } else {
        twin.brand = e.brand;
        twin.legalForm = e.legalForm === 'ИП' ? 'ООО' : g.pick(['ИП', 'АО', 'ООО'].filter((f) => f !== e.legalForm));
      }
      twin.city = e.city;
      if (g.chance(0.7)) g.withEmail(twin, emails);
      emit(twin, false);
    }
  }
  out.length = options.size;
  // Shuffle so that duplicates are not neighbours (Fisher–Yates with the same seeded generator).
  for (let i = out.length - 1; i > 0; i--) {
    const j = g.int(i + 1);
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out.map((c, i) => ({ ...c, row: i + 2, id: `К-${String(i + 1).padStart(6, '0')}` }));
}

