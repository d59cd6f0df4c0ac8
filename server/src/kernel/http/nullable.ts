/**
 * A schema that also accepts null. Not a plain `Type.Union([T, Type.Null()])`: that is an
 * anyOf, and with type coercion on (which query strings need) ajv coerces null into the first
 * branch — a `capFen: null` would arrive as 0 and a `note: null` as "". One schema with
 * `type: [t, 'null']` is left alone when either type matches. TypeScript still sees the union,
 * so the route's static types stay `T | null`.
 */
import { Type, type TArray, type TInteger, type TNull, type TNumber, type TString, type TUnion } from '@sinclair/typebox';

export function Nullable<T extends TString | TInteger | TNumber | TArray>(schema: T): TUnion<[T, TNull]> {
  const { anyOf: _branches, ...union } = Type.Union([schema, Type.Null()]) as TUnion<[T, TNull]> & { anyOf: unknown };
  return { ...union, ...schema, type: [schema.type, 'null'] } as unknown as TUnion<[T, TNull]>;
}
