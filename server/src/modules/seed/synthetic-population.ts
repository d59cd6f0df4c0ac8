/**
 * The pure part of `huimin seed synthetic`: a deterministic stream of households, their
 * members and facts, handed out in column-wise chunks ready for `unnest` inserts. Household
 * k draws from its own seeded stream; ID sequences and phone numbers come from counters
 * that run across chunks, so the same seed gives the same people in any chunk size.
 */
import { planFacts, type FactPlan } from './synthetic-facts.js';
import { planHousehold, type Sex } from './synthetic-households.js';
import {
  birthDayForAge, cachedPinyin, dateOf, givenName, IdNumbers, Phones, yearOf,
} from './synthetic-identity.js';
import { RegionPicker, streetAddress, type RegionInfo } from './synthetic-regions.js';
import { Rng } from './synthetic-random.js';

/** One chunk, column by column. Cross-references are 1-based ordinals within the chunk. */
export interface SyntheticChunk {
  households: { region: string[]; address: string[]; head: number[] };
  persons: {
    idNumber: string[];
    name: string[];
    pinyin: string[];
    initials: string[];
    sex: Sex[];
    birthDate: string[];
    phone: (string | null)[];
    household: number[];
    relationship: string[];
    /** Kept to issue a fresh ID number should one already be in the database. */
    countyIndex: number[];
    birthDay: number[];
  };
  facts: {
    person: (number | null)[];
    household: (number | null)[];
    kind: FactPlan['kind'][];
    value: Record<string, unknown>[];
    validFrom: string[];
    validTo: (string | null)[];
  };
}

export interface GeneratorOptions {
  seed: number;
  /** Total persons to generate; the last household is cut short to hit it exactly. */
  persons: number;
  /** Regions of levels 3–5 (counties, townships, communities/villages). */
  regions: readonly RegionInfo[];
}

/** Share of adults with a mobile number on file, by age. */
const phoneShare = (age: number) => (age < 18 ? 0 : age < 70 ? 0.92 : age < 80 ? 0.6 : 0.35);

export class PopulationGenerator {
  private readonly picker: RegionPicker;
  private readonly ids: IdNumbers;
  private readonly phones: Phones;
  private households = 0;
  private persons = 0;

  constructor(private readonly options: GeneratorOptions) {
    this.picker = new RegionPicker(options.regions);
    this.ids = new IdNumbers(options.seed, this.picker.counties);
    this.phones = new Phones(options.seed);
  }

  get done(): boolean {
    return this.persons >= this.options.persons;
  }

  get totals(): { households: number; persons: number } {
    return { households: this.households, persons: this.persons };
  }

  /** The next up to `maxHouseholds` households, or null when every person has been made. */
  nextChunk(maxHouseholds: number): SyntheticChunk | null {
    if (this.done) return null;
    const chunk = emptyChunk();
    this.extend(chunk, maxHouseholds);
    return chunk;
  }

  /** Appends up to `households` more households to a chunk (to build one in slices); returns how many. */
  extend(chunk: SyntheticChunk, households: number): number {
    let added = 0;
    for (; added < households && !this.done; added++) this.addHousehold(chunk);
    return added;
  }

  /** Replaces person i's ID number by the next free one for the same county, birth day and sex. */
  reissueIdNumber(chunk: SyntheticChunk, i: number): void {
    const p = chunk.persons;
    const issued = this.ids.issue(p.countyIndex[i], p.birthDay[i], p.sex[i]);
    p.idNumber[i] = issued.idNumber;
    p.birthDay[i] = issued.birthDay;
    p.birthDate[i] = dateOf(issued.birthDay);
  }

  private addHousehold(chunk: SyntheticChunk): void {
    const rng = new Rng(this.options.seed, this.households);
    this.households++;
    const place = this.picker.pick(rng);
    let plan = planHousehold(rng);
    const room = this.options.persons - this.persons;
    if (plan.length > room) plan = plan.slice(0, room);
    this.persons += plan.length;

    const h = chunk.households;
    h.region.push(place.code);
    h.address.push(streetAddress(rng, place));
    const householdOrdinal = h.region.length;
    const firstPerson = chunk.persons.idNumber.length + 1;
    h.head.push(firstPerson);

    const p = chunk.persons;
    const members = plan.map((m) => {
      const issued = this.ids.issue(place.countyIndex, birthDayForAge(rng, m.age), m.sex);
      const name = m.surname + givenName(rng, m.sex, yearOf(issued.birthDay));
      const pinyin = cachedPinyin(name);
      p.idNumber.push(issued.idNumber);
      p.name.push(name);
      p.pinyin.push(pinyin.full);
      p.initials.push(pinyin.initials);
      p.sex.push(m.sex);
      p.birthDate.push(dateOf(issued.birthDay));
      p.phone.push(rng.chance(phoneShare(m.age)) ? this.phones.next(rng) : null);
      p.household.push(householdOrdinal);
      p.relationship.push(m.relationship);
      p.countyIndex.push(place.countyIndex);
      p.birthDay.push(issued.birthDay);
      return { age: m.age, birthDay: issued.birthDay };
    });

    const f = chunk.facts;
    for (const fact of planFacts(rng, members, place)) {
      f.person.push(fact.member === null ? null : firstPerson + fact.member);
      f.household.push(fact.member === null ? householdOrdinal : null);
      f.kind.push(fact.kind);
      f.value.push(fact.value);
      f.validFrom.push(fact.validFrom);
      f.validTo.push(fact.validTo);
    }
  }
}

export function emptyChunk(): SyntheticChunk {
  return {
    households: { region: [], address: [], head: [] },
    persons: { idNumber: [], name: [], pinyin: [], initials: [], sex: [], birthDate: [], phone: [], household: [], relationship: [], countyIndex: [], birthDay: [] },
    facts: { person: [], household: [], kind: [], value: [], validFrom: [], validTo: [] },
  };
}

/** The facts' values as JSON, with each disability certificate number (ID number + category + grade). */
export function factValuesJson(chunk: SyntheticChunk): string[] {
  const { facts, persons } = chunk;
  return facts.value.map((value, i) => {
    if (facts.kind[i] !== 'disability') return JSON.stringify(value);
    const idNumber = persons.idNumber[facts.person[i]! - 1];
    return JSON.stringify({ ...value, certificateNo: `${idNumber}${value.category}${value.grade}` });
  });
}
