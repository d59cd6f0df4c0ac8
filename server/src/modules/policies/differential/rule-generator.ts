/**
 * Random policy rules over the supported CEL subset, for the differential test: comparisons
 * of every field kind, has(), && || !, ?:, int arithmetic including division and modulo by
 * values that are sometimes zero, `in` lists, string methods, and exists / all / exists_one /
 * filter().size() over household.members (nested once). Unguarded reads of optional facts are
 * generated on purpose, so per-subject errors are compared too.
 */
import { Rng } from '../../seed/synthetic-random.js';

const INT_FIELDS = ['person.age', 'household.size', 'household.students.compulsory', 'household.students.college', 'person.id % 7'];
const OPTIONAL_INTS = ['person.disability.grade', 'person.disability.category', 'household.income.perCapitaFen', 'household.income.monthlyFen'];
const STRING_FIELDS: Array<[string, string[]]> = [
  ['person.schoolStage', ['', 'primary', 'junior_high', 'senior_high', 'college']],
  ['person.relationship', ['head', 'spouse', 'child', 'parent']],
  ['household.assistanceStatus', ['', 'dibao', 'tekun', 'dibao_edge']],
  ['household.hardshipWorker', ['', 'deep', 'relative']],
  ['person.sex', ['M', 'F']],
  ['household.specialFamily', ['', 'single_parent', 'widowed']],
];
const BOOL_FIELDS = ['person.isHead', 'person.employed', 'person.elderlyAlone'];
const OBJECTS = ['person.disability', 'person.illness', 'person.employment', 'household.income'];
const MEMBER_INTS = ['age', 'disability.grade'];
const MEMBER_STRINGS: Array<[string, string[]]> = [['schoolStage', ['', 'primary', 'college']], ['relationship', ['child', 'spouse', 'head']]];

export class RuleGenerator {
  constructor(private readonly rng: Rng) {}

  private int(depth: number, scope: 'person' | string): string {
    const r = this.rng.float();
    if (depth <= 0 || r < 0.35) {
      if (scope !== 'person' && this.rng.chance(0.5)) return `${scope}.${this.rng.pick(MEMBER_INTS)}`;
      if (this.rng.chance(0.2)) return this.rng.pick(OPTIONAL_INTS);
      return this.rng.chance(0.7) ? this.rng.pick(INT_FIELDS) : String(this.rng.range(-5, 120));
    }
    if (r < 0.55) return `(${this.int(depth - 1, scope)} ${this.rng.pick(['+', '-', '*'])} ${this.int(depth - 1, scope)})`;
    if (r < 0.7) return `(${this.int(depth - 1, scope)} ${this.rng.pick(['/', '%'])} (${this.int(depth - 1, scope)} - ${this.rng.range(0, 4)}))`;
    if (r < 0.8) return `(${this.bool(depth - 1, scope)} ? ${this.int(depth - 1, scope)} : ${this.int(depth - 1, scope)})`;
    if (r < 0.9 && scope === 'person') return `household.members.filter(m, ${this.bool(depth - 1, 'm')}).size()`;
    if (r < 0.95) return `size(${this.string(scope)})`;
    return `-${this.int(depth - 1, scope)}`;
  }

  private string(scope: string): string {
    if (scope !== 'person' && this.rng.chance(0.5)) return `${scope}.${this.rng.pick(MEMBER_STRINGS)[0]}`;
    return this.rng.pick(STRING_FIELDS)[0];
  }

  bool(depth: number, scope: 'person' | string = 'person'): string {
    const r = this.rng.float();
    if (depth <= 0 || r < 0.3) return this.leaf(scope);
    if (r < 0.5) return `(${this.bool(depth - 1, scope)} && ${this.bool(depth - 1, scope)})`;
    if (r < 0.65) return `(${this.bool(depth - 1, scope)} || ${this.bool(depth - 1, scope)})`;
    if (r < 0.72) return `!${this.bool(depth - 1, scope)}`;
    if (r < 0.78) return `(${this.bool(depth - 1, scope)} ? ${this.bool(depth - 1, scope)} : ${this.bool(depth - 1, scope)})`;
    if (scope === 'person' || this.rng.chance(0.3)) {
      const variable = scope === 'person' ? 'm' : 'n';
      const macro = this.rng.pick(['exists', 'all', 'exists_one']);
      return `household.members.${macro}(${variable}, ${this.bool(depth - 1, variable)})`;
    }
    return this.leaf(scope);
  }

  private leaf(scope: string): string {
    const r = this.rng.float();
    if (r < 0.4) return `${this.int(1, scope)} ${this.rng.pick(['==', '!=', '<', '<=', '>', '>='])} ${this.int(1, scope)}`;
    if (r < 0.6) {
      const [field, values] = scope !== 'person' && this.rng.chance(0.5) ? [`${scope}.${MEMBER_STRINGS[0]![0]}`, MEMBER_STRINGS[0]![1]] : this.rng.pick(STRING_FIELDS);
      const value = JSON.stringify(this.rng.pick(values));
      return this.rng.chance(0.3) ? `${field} in [${value}, ${JSON.stringify(this.rng.pick(values))}]` : `${field} ${this.rng.pick(['==', '!=', '<', '>='])} ${value}`;
    }
    if (r < 0.7) return `has(${this.rng.pick(OBJECTS)})`;
    if (r < 0.8) return this.rng.pick(BOOL_FIELDS);
    if (r < 0.9) return `person.name.${this.rng.pick(['startsWith', 'endsWith', 'contains'])}(${JSON.stringify(this.rng.pick(['王', '张', '华', '明', "'; drop table persons; --"]))})`;
    return this.rng.chance(0.5) ? 'true' : 'false';
  }

  /** An amount in fen: an int expression, clamped at zero by the engine. */
  amount(): string {
    return this.int(2, 'person');
  }
}
