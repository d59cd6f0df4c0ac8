/**
 * Who lives together: household size and type (single, couple, couple with children, three
 * generations, grandparents with left-behind grandchildren), each member's age, sex,
 * relationship to the head and surname. Head first. Ages follow the 2020 census pyramid
 * closely enough (see the unit test) without being fitted to it.
 */
import { HOUSEHOLD_SIZES, SURNAMES } from './synthetic-data.js';
import { ageBands, Rng, Weighted } from './synthetic-random.js';

export type Sex = 'M' | 'F';
export type Relationship = 'head' | 'spouse' | 'child' | 'parent' | 'grandchild' | 'child_in_law';

export interface MemberPlan {
  relationship: Relationship;
  sex: Sex;
  age: number;
  surname: string;
}

const MAX_AGE = 100;
const sizes = Weighted.of(HOUSEHOLD_SIZES);
const surnames = Weighted.of(SURNAMES);
const other = (sex: Sex): Sex => (sex === 'M' ? 'F' : 'M');
const clamp = (n: number, lo: number, hi: number) => Math.max(lo, Math.min(hi, n));
const childSex = (rng: Rng): Sex => (rng.chance(0.515) ? 'M' : 'F');

const singleAge = ageBands([[18, 29, 17], [30, 44, 13], [45, 59, 20], [60, 69, 21], [70, 79, 18], [80, 96, 11]]);
const oldCoupleAge = ageBands([[50, 59, 34], [60, 69, 36], [70, 79, 22], [80, 92, 8]]);
const youngCoupleAge = ageBands([[22, 34, 1]]);
const parentsWithChildAge = ageBands([[25, 34, 22], [35, 44, 38], [45, 54, 28], [55, 62, 12]]);
const parentsWithChildrenAge = ageBands([[28, 36, 28], [37, 46, 50], [47, 55, 22]]);
const withOwnParentAge = ageBands([[25, 39, 45], [40, 52, 45], [53, 60, 10]]);
const grandparentAge = ageBands([[48, 59, 40], [60, 69, 42], [70, 78, 18]]);

class Builder {
  readonly members: MemberPlan[] = [];
  constructor(private readonly rng: Rng) {}

  add(relationship: Relationship, sex: Sex, age: number, surname = surnames.pick(this.rng)): MemberPlan {
    const member = { relationship, sex, age: clamp(Math.round(age), 0, MAX_AGE), surname };
    this.members.push(member);
    return member;
  }

  /** Head and spouse; the head is the husband four times in five. Returns [head, spouse]. */
  couple(headAge: number): [MemberPlan, MemberPlan] {
    const headSex: Sex = this.rng.chance(0.8) ? 'M' : 'F';
    const head = this.add('head', headSex, headAge);
    const gap = this.rng.range(-1, 5); // husband usually older
    const spouse = this.add('spouse', other(headSex), headSex === 'M' ? Math.max(18, headAge - gap) : headAge + gap);
    return [head, spouse];
  }

  /** `count` children of a mother aged `motherAge`, with the father's surname, spaced 1–6 years. */
  children(count: number, motherAge: number, surname: string, relationship: Relationship = 'child'): MemberPlan[] {
    const gaps = Array.from({ length: count - 1 }, () => this.rng.range(1, 6));
    const span = gaps.reduce((a, b) => a + b, 0);
    // The eldest was born when the mother was 21–32; a young mother's children are spread over her adult years.
    let age = motherAge - this.rng.range(21, 32);
    if (age - span < 0) age = Math.min(Math.max(0, motherAge - 18), span + this.rng.range(0, Math.max(0, motherAge - 20 - span)));
    const made: MemberPlan[] = [];
    for (let i = 0; i < count; i++) {
      made.push(this.add(relationship, childSex(this.rng), Math.max(0, age), surname));
      age -= gaps[i] ?? 0;
    }
    return made;
  }

  /** The head's own parent(s); a father carries the head's surname when the head is a son. */
  parents(count: 1 | 2, head: MemberPlan): void {
    const age = head.age + this.rng.range(22, 34);
    const fatherSurname = head.sex === 'M' || this.rng.chance(0.5) ? head.surname : surnames.pick(this.rng);
    if (count === 2) {
      this.add('parent', 'M', age, fatherSurname);
      this.add('parent', 'F', age - this.rng.range(0, 4));
    } else {
      // Widowed parents are mostly mothers.
      const sex: Sex = this.rng.chance(0.35) ? 'M' : 'F';
      this.add('parent', sex, age, sex === 'M' ? fatherSurname : undefined);
    }
  }
}

const father = (a: MemberPlan, b: MemberPlan) => (a.sex === 'M' ? a : b);
const mother = (a: MemberPlan, b: MemberPlan) => (a.sex === 'F' ? a : b);

function coupleWithChildren(b: Builder, headAge: number, count: number): [MemberPlan, MemberPlan] {
  const [head, spouse] = b.couple(headAge);
  b.children(count, mother(head, spouse).age, father(head, spouse).surname);
  return [head, spouse];
}

/** Grandparent(s) with a married child, the child's spouse and their children. */
function threeGenerations(b: Builder, rng: Rng, grandchildren: number): void {
  const [head, spouse] = b.couple(grandparentAge(rng));
  const [child] = b.children(1, mother(head, spouse).age, father(head, spouse).surname);
  if (child.age < 22) child.age = rng.range(22, 30);
  const inLaw = b.add('child_in_law', other(child.sex), child.sex === 'M' ? child.age - rng.range(0, 4) : child.age + rng.range(0, 4));
  const young = child.sex === 'F' ? child : inLaw;
  b.children(grandchildren, young.age, (child.sex === 'M' ? child : inLaw).surname, 'grandchild');
}

/** Grandparent(s) bringing up grandchildren whose parents work elsewhere (留守儿童). */
function leftBehind(b: Builder, rng: Rng, grandparents: 1 | 2, grandchildren: number): void {
  const age = grandparentAge(rng);
  const head = grandparents === 2 ? b.couple(age)[0] : b.add('head', rng.chance(0.6) ? 'F' : 'M', age);
  for (let i = 0; i < grandchildren; i++) {
    const age = head.age - rng.range(46, 62);
    b.add('grandchild', childSex(rng), age >= 2 && age <= 16 ? age : rng.range(3, 15), head.sex === 'M' || rng.chance(0.3) ? head.surname : undefined);
  }
}

function singleParent(b: Builder, rng: Rng, children: number): void {
  const head = b.add('head', rng.chance(0.7) ? 'F' : 'M', rng.range(28, 58));
  b.children(children, head.sex === 'F' ? head.age : head.age - rng.range(0, 4), head.sex === 'M' || rng.chance(0.4) ? head.surname : surnames.pick(rng));
}

function single(b: Builder, rng: Rng): void {
  const age = singleAge(rng);
  b.add('head', rng.chance(age >= 65 ? 0.4 : 0.56) ? 'M' : 'F', age);
}

/** Members of one household, head first; `size` is drawn from HOUSEHOLD_SIZES unless given. */
export function planHousehold(rng: Rng, size = sizes.pick(rng)): MemberPlan[] {
  const b = new Builder(rng);
  const roll = rng.float();
  switch (size) {
    case 1:
      single(b, rng);
      break;
    case 2:
      if (roll < 0.5) b.couple(oldCoupleAge(rng));
      else if (roll < 0.64) b.couple(youngCoupleAge(rng));
      else if (roll < 0.8) singleParent(b, rng, 1);
      else if (roll < 0.9) b.parents(1, b.add('head', rng.chance(0.6) ? 'M' : 'F', withOwnParentAge(rng)));
      else leftBehind(b, rng, 1, 1);
      break;
    case 3:
      if (roll < 0.78) coupleWithChildren(b, parentsWithChildAge(rng), 1);
      else if (roll < 0.88) b.parents(1, b.couple(withOwnParentAge(rng))[0]);
      else if (roll < 0.92) singleParent(b, rng, 2);
      else leftBehind(b, rng, 2, 1);
      break;
    case 4:
      if (roll < 0.62) coupleWithChildren(b, parentsWithChildrenAge(rng), 2);
      else if (roll < 0.87) b.parents(1, coupleWithChildren(b, withOwnParentAge(rng), 1)[0]);
      else leftBehind(b, rng, 2, 2);
      break;
    case 5:
      if (roll < 0.25) coupleWithChildren(b, parentsWithChildrenAge(rng), 3);
      else if (roll < 0.6) b.parents(1, coupleWithChildren(b, withOwnParentAge(rng), 2)[0]);
      else threeGenerations(b, rng, 1);
      break;
    default:
      if (roll < 0.35) b.parents(2, coupleWithChildren(b, withOwnParentAge(rng), 2)[0]);
      else if (roll < 0.8) threeGenerations(b, rng, 2);
      else b.parents(1, coupleWithChildren(b, parentsWithChildrenAge(rng), 3)[0]);
  }
  return b.members;
}
