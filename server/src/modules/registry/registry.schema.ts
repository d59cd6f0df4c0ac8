/** Request schemas of the registry API: the one source of its validation and OpenAPI types. */
import { Type } from '@sinclair/typebox';
import { RELATIONSHIPS } from './households.service.js';
import { Nullable } from '../../kernel/http/nullable.js';
import { Id, IdParams } from '../../kernel/http/schemas.js';

const literals = <T extends string>(values: readonly T[]) => Type.Union(values.map((v) => Type.Literal(v)));

export { Id, IdParams };
export const RegionCode = Type.String({ pattern: '^\\d{6,18}$' });

export const PersonBody = Type.Object(
  {
    idNumber: Type.String({ maxLength: 40, description: '身份证号（18 位，GB 11643）' }),
    name: Type.String({ maxLength: 40 }),
    sex: Type.Optional(Nullable(Type.String({ maxLength: 6 }))),
    birthDate: Type.Optional(Nullable(Type.String({ maxLength: 20 }))),
    phone: Type.Optional(Nullable(Type.String({ maxLength: 30 }))),
    address: Type.Optional(Nullable(Type.String({ maxLength: 200 }))),
    regionCode: Type.String({ maxLength: 18 }),
  },
  { additionalProperties: false },
);

export const MemberBody = Type.Union([
  Type.Object({ relationship: literals(RELATIONSHIPS), personId: Id }, { additionalProperties: false }),
  Type.Object({ relationship: literals(RELATIONSHIPS), person: PersonBody }, { additionalProperties: false }),
]);

export const HouseholdBody = Type.Object(
  {
    address: Type.Optional(Nullable(Type.String({ maxLength: 200 }))),
    regionCode: RegionCode,
    orgId: Type.Optional(Id),
    members: Type.Array(MemberBody, { minItems: 1, maxItems: 30 }),
  },
  { additionalProperties: false },
);

export const HouseholdPatch = Type.Object(
  { address: Type.Optional(Nullable(Type.String({ maxLength: 200 }))), regionCode: RegionCode },
  { additionalProperties: false },
);

const FACT_KIND_VALUES = ['assistance_status', 'disability', 'illness', 'employment', 'school_stage', 'elderly_alone', 'incapacitated', 'special_family', 'deceased', 'income', 'hardship_worker'] as const;
export const FactKindSchema = literals(FACT_KIND_VALUES);

export const FactBody = Type.Object(
  {
    kind: FactKindSchema,
    value: Type.Record(Type.String(), Type.Unknown(), { maxProperties: 10 }),
    source: Type.String({ minLength: 1, maxLength: 60 }),
    validFrom: Type.String({ maxLength: 20 }),
    validTo: Type.Optional(Nullable(Type.String({ maxLength: 20 }))),
  },
  { additionalProperties: false },
);

export const Paging = {
  page: Type.Optional(Type.Integer({ minimum: 1, maximum: 100_000, default: 1 })),
  pageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 20 })),
};

export const PersonQuery = Type.Object({
  q: Type.Optional(Type.String({ maxLength: 40 })),
  regionCode: Type.Optional(RegionCode),
  orgId: Type.Optional(Id),
  householdless: Type.Optional(Type.Boolean()),
  ...Paging,
});

export const HouseholdQuery = Type.Object({
  q: Type.Optional(Type.String({ maxLength: 40 })),
  regionCode: Type.Optional(RegionCode),
  orgId: Type.Optional(Id),
  factKind: Type.Optional(FactKindSchema),
  assistanceStatus: Type.Optional(literals(['dibao', 'tekun', 'dibao_edge'] as const)),
  ...Paging,
});

export const RevealBody = Type.Object(
  {
    fields: Type.Array(literals(['idNumber', 'phone', 'health'] as const), { minItems: 1, maxItems: 3 }),
    reason: Type.String({ minLength: 2, maxLength: 200 }),
  },
  { additionalProperties: false },
);
