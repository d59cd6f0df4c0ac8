import { beforeAll, describe, expect, it } from 'vitest';
import { namePinyin } from '../../kernel/text/pinyin.js';
import { parseIdNumber } from '../../kernel/validation/idcard.js';
import { normalizePhone } from '../../kernel/validation/phone.js';
import { validateFactValue, type FactKind } from '../registry/facts.js';
import { readShippedRegions } from '../regions/region-file.js';
import { planHousehold } from './synthetic-households.js';
import { REFERENCE_DATE } from './synthetic-identity.js';
import { factValuesJson, PopulationGenerator, type SyntheticChunk } from './synthetic-population.js';
import { Rng, Weighted } from './synthetic-random.js';

const regions = readShippedRegions('640000');
const PERSONS = 20_000;

function generate(seed: number, persons: number, chunkHouseholds = 10_000): SyntheticChunk[] {
  const generator = new PopulationGenerator({ seed, persons, regions });
  const chunks: SyntheticChunk[] = [];
  for (let chunk = generator.nextChunk(chunkHouseholds); chunk; chunk = generator.nextChunk(chunkHouseholds)) chunks.push(chunk);
  return chunks;
}

/** One flat view over all chunks: persons with their household and facts with their subject. */
function flatten(chunks: SyntheticChunk[]) {
  const persons: { idNumber: string; name: string; pinyin: string; initials: string; sex: string; birthDate: string; phone: string | null; relationship: string; household: number; region: string }[] = [];
  const households: { region: string; members: number[] }[] = [];
  const facts: { kind: FactKind; value: any; person: number | null; household: number | null; validFrom: string; validTo: string | null }[] = [];
  for (const chunk of chunks) {
    const personBase = persons.length;
    const householdBase = households.length;
    chunk.households.region.forEach((region) => households.push({ region, members: [] }));
    chunk.persons.idNumber.forEach((idNumber, i) => {
      const household = householdBase + chunk.persons.household[i] - 1;
      households[household].members.push(persons.length);
      const p = chunk.persons;
      persons.push({ idNumber, name: p.name[i], pinyin: p.pinyin[i], initials: p.initials[i], sex: p.sex[i], birthDate: p.birthDate[i], phone: p.phone[i], relationship: p.relationship[i], household, region: households[household].region });
    });
    const values = factValuesJson(chunk);
    chunk.facts.kind.forEach((kind, i) => {
      const f = chunk.facts;
      facts.push({
        kind,
        value: JSON.parse(values[i]),
        person: f.person[i] === null ? null : personBase + f.person[i]! - 1,
        household: f.household[i] === null ? null : householdBase + f.household[i]! - 1,
        validFrom: f.validFrom[i],
        validTo: f.validTo[i],
      });
    });
  }
  return { persons, households, facts };
}

const ageOf = (birthDate: string) => {
  const [y, m, d] = birthDate.split('-').map(Number);
  const [ry, rm, rd] = REFERENCE_DATE.split('-').map(Number);
  return ry - y - (rm < m || (rm === m && rd < d) ? 1 : 0);
};

let population: ReturnType<typeof flatten>;
beforeAll(() => {
  population = flatten(generate(42, PERSONS));
});

describe('seeded randomness', () => {
  it('repeats for a seed and stream and differs across streams', () => {
    const a = new Rng(5, 1);
    const b = new Rng(5, 1);
    const c = new Rng(5, 2);
    const seqA = Array.from({ length: 5 }, () => a.next());
    expect(Array.from({ length: 5 }, () => b.next())).toEqual(seqA);
    expect(Array.from({ length: 5 }, () => c.next())).not.toEqual(seqA);
  });

  it('picks in proportion to the weights', () => {
    const rng = new Rng(1);
    const pick = Weighted.of([['a', 1], ['b', 3]] as const);
    let b = 0;
    for (let i = 0; i < 10_000; i++) if (pick.pick(rng) === 'b') b++;
    expect(b / 10_000).toBeGreaterThan(0.72);
    expect(b / 10_000).toBeLessThan(0.78);
  });
});

describe('synthetic population generator', () => {
  it('gives the same people for the same seed, whatever the chunk size', () => {
    const big = flatten(generate(7, 3_000, 10_000));
    const small = flatten(generate(7, 3_000, 97));
    expect(small.persons).toEqual(big.persons);
    expect(small.facts).toEqual(big.facts);
    const other = flatten(generate(8, 3_000));
    expect(other.persons.map((p) => p.idNumber)).not.toEqual(big.persons.map((p) => p.idNumber));
  });

  it('makes exactly the number of persons asked for', () => {
    expect(population.persons).toHaveLength(PERSONS);
    expect(flatten(generate(1, 1)).persons).toHaveLength(1);
  });

  it('builds households of 1–6 with one head, listed first, and a mean size near 2.8', () => {
    for (const h of population.households) {
      expect(h.members.length).toBeGreaterThanOrEqual(1);
      expect(h.members.length).toBeLessThanOrEqual(6);
      expect(h.members.filter((i) => population.persons[i].relationship === 'head')).toEqual([h.members[0]]);
    }
    const mean = PERSONS / population.households.length;
    expect(mean).toBeGreaterThan(2.6);
    expect(mean).toBeLessThan(3.0);
    for (let i = 0; i < 2_000; i++) {
      const plan = planHousehold(new Rng(3, i));
      const head = plan[0];
      expect(head.relationship).toBe('head');
      expect(head.age).toBeGreaterThanOrEqual(18);
      for (const m of plan.filter((p) => p.relationship === 'spouse')) expect(m.sex).not.toBe(head.sex);
      for (const m of plan.filter((p) => p.relationship === 'child')) expect(m.age).toBeLessThan(head.age);
      for (const m of plan.filter((p) => p.relationship === 'parent')) expect(m.age).toBeGreaterThan(head.age);
    }
  });

  it('gives every person a valid, unique ID number matching sex, birth date and county', () => {
    const seen = new Set<string>();
    for (const p of population.persons) {
      const parsed = parseIdNumber(p.idNumber);
      expect(parsed.ok).toBe(true);
      if (!parsed.ok) continue;
      expect(parsed.value.sex).toBe(p.sex);
      expect(parsed.value.birthDate).toBe(p.birthDate);
      expect(p.region.startsWith(parsed.value.regionCode)).toBe(true);
      expect(p.region).toHaveLength(12);
      seen.add(p.idNumber);
    }
    expect(seen.size).toBe(PERSONS);
  });

  it('spells names in pinyin and gives adults unique mobile numbers', () => {
    const phones = new Set<string>();
    let withPhone = 0;
    for (const p of population.persons) {
      expect(namePinyin(p.name)).toEqual({ full: p.pinyin, initials: p.initials });
      if (p.phone === null) continue;
      withPhone++;
      expect(ageOf(p.birthDate)).toBeGreaterThanOrEqual(18);
      expect(normalizePhone(p.phone)).toEqual({ ok: true, value: p.phone, kind: 'mobile' });
      phones.add(p.phone);
    }
    expect(phones.size).toBe(withPhone);
    expect(withPhone / PERSONS).toBeGreaterThan(0.55);
  });

  it('follows a census-like age pyramid and the city shares', () => {
    const ages = population.persons.map((p) => ageOf(p.birthDate));
    const share = (test: (age: number) => boolean) => ages.filter(test).length / PERSONS;
    expect(share((a) => a < 15)).toBeGreaterThan(0.15);
    expect(share((a) => a < 15)).toBeLessThan(0.24);
    expect(share((a) => a >= 60)).toBeGreaterThan(0.15);
    expect(share((a) => a >= 60)).toBeLessThan(0.24);
    expect(share((a) => a >= 30 && a < 60)).toBeGreaterThan(0.35);
    const yinchuan = population.households.filter((h) => h.region.startsWith('6401')).length / population.households.length;
    expect(yinchuan).toBeGreaterThan(0.36);
    expect(yinchuan).toBeLessThan(0.44);
  });

  it('records facts the registry accepts, in realistic shares', () => {
    const personsWith = (kind: FactKind) => new Set(population.facts.filter((f) => f.kind === kind).map((f) => f.person)).size / PERSONS;
    const householdsWith = (status: string) =>
      population.facts.filter((f) => f.kind === 'assistance_status' && f.validTo === null && f.value.status === status).length / population.households.length;
    for (const f of population.facts) {
      const idNumber = f.person === null ? null : population.persons[f.person].idNumber;
      expect(validateFactValue(f.kind, f.value, idNumber)).toEqual([]);
      expect(f.validFrom <= REFERENCE_DATE).toBe(true);
      if (f.person !== null) expect(f.validFrom >= population.persons[f.person].birthDate).toBe(true);
      if (f.validTo !== null) expect(f.validTo > f.validFrom).toBe(true);
    }
    expect(personsWith('disability')).toBeGreaterThan(0.045);
    expect(personsWith('disability')).toBeLessThan(0.075);
    expect(personsWith('illness')).toBeGreaterThan(0.012);
    expect(personsWith('illness')).toBeLessThan(0.03);
    expect(householdsWith('dibao')).toBeGreaterThan(0.02);
    expect(householdsWith('dibao')).toBeLessThan(0.04);
    expect(householdsWith('tekun')).toBeGreaterThan(0);
    expect(householdsWith('dibao_edge')).toBeGreaterThan(0.005);
    const categories = new Map<number, number>();
    for (const f of population.facts.filter((x) => x.kind === 'disability')) categories.set(f.value.category, (categories.get(f.value.category) ?? 0) + 1);
    const commonest = [...categories.entries()].sort((a, b) => b[1] - a[1])[0][0];
    expect(commonest).toBe(4);
    expect(population.facts.some((f) => f.kind === 'employment' && f.value.publicWelfarePost === true)).toBe(true);
  });

  it('gives school stages by age and marks only lone elderly as living alone', () => {
    const expected: Record<string, [number, number]> = {
      preschool: [3, 5], primary: [6, 11], junior_high: [12, 14], senior_high: [15, 17], vocational: [15, 17], college: [18, 22], postgraduate: [23, 25],
    };
    const stages = population.facts.filter((f) => f.kind === 'school_stage');
    expect(stages.length).toBeGreaterThan(PERSONS * 0.1);
    for (const f of stages) {
      const [lo, hi] = expected[f.value.stage];
      const age = ageOf(population.persons[f.person!].birthDate);
      expect(age).toBeGreaterThanOrEqual(lo);
      expect(age).toBeLessThanOrEqual(hi);
    }
    const alone = population.facts.filter((f) => f.kind === 'elderly_alone');
    expect(alone.length).toBeGreaterThan(0);
    for (const f of alone) {
      const person = population.persons[f.person!];
      expect(ageOf(person.birthDate)).toBeGreaterThanOrEqual(70);
      expect(population.households[person.household].members).toHaveLength(1);
    }
  });
});
