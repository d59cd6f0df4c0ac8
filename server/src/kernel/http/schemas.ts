/** Small route-schema pieces every module uses: record ids, a choice among a catalogue's keys, a calendar date. */
import { Type } from '@sinclair/typebox';

/** One of the keys of a catalogue such as `{ planned: '待办', done: '已完成' }`. */
export const KeyOf = (catalogue: object) => Type.Union(Object.keys(catalogue).map((key) => Type.Literal(key)));

export const DateText = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$' });

/** A row id: a positive bigint that stays a safe JavaScript integer. */
export const Id = Type.Integer({ minimum: 1, maximum: 9_007_199_254_740_991 });
export const IdParams = Type.Object({ id: Id });
