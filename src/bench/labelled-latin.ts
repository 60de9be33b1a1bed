/**
 * A second labelled list, shaped like the public record-linkage benchmarks (FEBRL and its kin) once
 * converted to our sheet layout: English given names and surnames drawn with skewed frequencies, a
 * suburb for the city, a phone for about half the people, a date of birth for most, no e-mails. Each
 * duplicate carries one to three corruptions, as FEBRL's generator makes them: a typo anywhere in a
 * word (the first letters too), given name and surname swapped, the given name left out, a typo in the
 * suburb, a wrong digit in the date of birth, the suburb, the phone or the date of birth left out. It measures what the Russian list cannot: names of another alphabet, phones of
 * another country, and slips in short words.
 */
import { emptyClient, seededRandom, type LabelledClient } from './labelled-client';
import type { DayNumber } from '../core/model';
import { calendarDay, dayToIso, isoToDay } from '../core/normalise/date';

export const LATIN_GIVEN = (
  'james john robert michael william david richard joseph thomas charles christopher daniel matthew anthony mark ' +
  'donald steven paul andrew joshua kenneth kevin brian george timothy ronald edward jason jeffrey ryan jacob gary ' +
  'nicholas eric jonathan stephen larry justin scott brandon benjamin samuel gregory alexander patrick frank raymond ' +
  'jack dennis jerry tyler aaron adam nathan henry zachary douglas peter kyle noah ethan jeremy walter christian ' +
  'keith roger terry austin sean gerald carl harold dylan arthur lawrence jordan jesse bryan billy bruce gabriel joe ' +
  'logan alan albert wayne randy mary patricia jennifer linda elizabeth barbara susan jessica sarah karen lisa nancy ' +
  'betty sandra margaret ashley kimberly emily donna michelle carol amanda melissa deborah stephanie dorothy rebecca ' +
  'sharon laura cynthia amy kathleen angela shirley brenda emma anna pamela nicole samantha katherine christine helen ' +
  'debra rachel carolyn janet maria catherine heather diane olivia julie joyce victoria ruth virginia lauren kelly ' +
  'christina joan evelyn judith andrea hannah megan cheryl jacqueline martha madison teresa gloria sara janice ann ' +
  'kathryn abigail sophia frances jean alice judy isabella julia grace amber denise danielle marilyn beverly ' +
  'charlotte natalie theresa diana brittany doris kayla alexis lori marie'
).split(' ');

export const LATIN_SURNAMES = (
  'smith johnson williams brown jones garcia miller davis rodriguez martinez hernandez lopez gonzalez wilson anderson ' +
  'thomas taylor moore jackson martin lee perez thompson white harris sanchez clark ramirez lewis robinson walker ' +
  'young allen king wright scott torres nguyen hill flores green adams nelson baker hall rivera campbell mitchell ' +
  'carter roberts gomez phillips evans turner diaz parker cruz edwards collins reyes stewart morris morales murphy ' +
  'cook rogers gutierrez ortiz morgan cooper peterson bailey reed kelly howard ramos kim cox ward richardson watson ' +
  'brooks chavez wood james bennett gray mendoza ruiz hughes price alvarez castillo sanders patel myers long ross ' +
  'foster jimenez powell jenkins perry russell sullivan bell coleman butler henderson barnes fisher vasquez simmons ' +
  'romero jordan patterson alexander hamilton graham reynolds griffin wallace moreno west cole hayes bryant herrera ' +
  'gibson ellis tran medina aguilar stevens murray ford castro marshall owens harrison fernandez mcdonald woods ' +
  'washington kennedy wells vargas henry chen freeman webb tucker guzman burns crawford olson simpson porter hunter ' +
  'gordon mendez silva shaw snyder mason dixon munoz hunt hicks holmes palmer wagner black robertson boyd rose stone ' +
  'salazar fox warren mills meyer rice schmidt garza daniels ferguson nichols stephens soto weaver ryan gardner payne ' +
  'grant dunn kelley spencer hawkins arnold pierce hansen peters santos hart bradley knight elliott cunningham duncan ' +
  'armstrong hudson carroll lane riley andrews alvarado ray delgado berry perkins hoffman johnston matthews richards ' +
  'willis carpenter lawrence sandoval'
).split(' ');

export const LATIN_SUBURB_HEADS = ['north', 'south', 'east', 'west', 'port', 'mount', 'glen', 'lake', 'st', 'new'];
export const LATIN_SUBURB_TAILS = (
  'wood field ridge dale vale ton bury ford haven brook creek hill park view side wick ley worth moor gate bay point ' +
  'heath mead stone well land more holm shaw'
).split(' ');

const LETTERS = 'abcdefghijklmnopqrstuvwxyz';

/** How skewed name frequencies are: an index drawn as n·u^SKEW makes the first names of a list the common ones. */
const SKEW = 1.8;

interface Person {
  given: string;
  surname: string;
  suburb: string;
  phone: string;
  birthday: DayNumber | null;
}

type Corruption = (person: Person) => void;

export interface LatinListOptions {
  size: number;
  seed?: number;
  /** Share of people entered more than once (default 0.3, about FEBRL's). */
  duplicateShare?: number;
}

/** A labelled Latin-name list of `size` rows, in random order (see the module comment). */
export function generateLatinClients(options: LatinListOptions): LabelledClient[] {
  const random = seededRandom(options.seed ?? 1);
  const int = (n: number) => Math.floor(random() * n);
  const pick = <T>(list: readonly T[]) => list[int(list.length)];
  const skewed = <T>(list: readonly T[]) => list[Math.floor(list.length * random() ** SKEW)];
  const digits = (n: number) => Array.from({ length: n }, () => String(int(10))).join('');
  /** A letter dropped, replaced, inserted, or two swapped, anywhere after the first letter. */
  const typo = (word: string) => {
    if (word.length < 3) return word;
    const i = 1 + int(word.length - 2);
    switch (int(4)) {
      case 0: return word.slice(0, i) + word.slice(i + 1);
      case 1: return word.slice(0, i) + pick([...LETTERS]) + word.slice(i + 1);
      case 2: return word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2);
      default: return word.slice(0, i) + pick([...LETTERS]) + word.slice(i);
    }
  };
  /** One digit of `yyyymmdd` changed, when that still makes a date. */
  const birthdaySlip = (day: DayNumber | null) => {
    if (day === null) return null;
    const digits = dayToIso(day).replace(/-/g, '');
    const at = int(digits.length);
    const slipped = digits.slice(0, at) + String(int(10)) + digits.slice(at + 1);
    return isoToDay(`${slipped.slice(0, 4)}-${slipped.slice(4, 6)}-${slipped.slice(6)}`) ?? day;
  };
  const corruptions: Array<[number, Corruption]> = [
    [30, (p) => (p.surname = typo(p.surname))],
    [20, (p) => (p.given = typo(p.given))],
    [10, (p) => ([p.given, p.surname] = [p.surname, p.given])],
    // The given name left out, never the whole name (after a swap the surname may be the one left).
    [10, (p) => (p.given = p.surname ? '' : p.given)],
    [15, (p) => (p.suburb = typo(p.suburb))],
    [8, (p) => (p.suburb = '')],
    [7, (p) => (p.phone = '')],
    [8, (p) => (p.birthday = birthdaySlip(p.birthday))],
    [5, (p) => (p.birthday = null)],
  ];
  const corruptionWeight = corruptions.reduce((sum, [weight]) => sum + weight, 0);
  const corrupt = (person: Person) => {
    let r = random() * corruptionWeight;
    for (const [weight, apply] of corruptions) {
      r -= weight;
      if (r < 0) return apply(person);
    }
  };

  const rows: Array<{ entity: number; person: Person }> = [];
  const duplicateShare = options.duplicateShare ?? 0.3;
  for (let entity = 0; rows.length < options.size; entity++) {
    const original: Person = {
      given: skewed(LATIN_GIVEN),
      surname: skewed(LATIN_SURNAMES),
      suburb: `${pick(LATIN_SUBURB_HEADS)} ${pick(LATIN_SUBURB_TAILS)}`,
      phone: random() < 0.5 ? `0${2 + int(7)} ${digits(4)} ${digits(4)}` : '',
      birthday: random() < 0.85 ? calendarDay(1930 + int(75), 1 + int(12), 1 + int(28)) : null,
    };
    rows.push({ entity, person: original });
    if (random() >= duplicateShare) continue;
    const copies = random() < 0.3 ? 2 : 1;
    for (let c = 0; c < copies; c++) {
      const copy = { ...original };
      const count = 1 + int(3);
      for (let k = 0; k < count; k++) corrupt(copy);
      rows.push({ entity, person: copy });
    }
  }
  rows.length = options.size;
  for (let i = rows.length - 1; i > 0; i--) {
    const j = int(i + 1);
    [rows[i], rows[j]] = [rows[j], rows[i]];
  }
  return rows.map(({ entity, person }, i) => ({
    ...emptyClient(i + 2, entity),
    id: `L-${String(i + 1).padStart(6, '0')}`,
    name: `${person.given} ${person.surname}`.trim(),
    phone: person.phone,
    city: person.suburb,
    birthday: person.birthday,
  }));
}
