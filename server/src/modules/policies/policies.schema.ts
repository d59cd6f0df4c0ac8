/** Request schemas of the policy API: the one source of its validation and OpenAPI types. */
import { Type } from '@sinclair/typebox';
import { Id } from '../registry/registry.schema.js';
import { MAX_RULE_LENGTH } from './rules/parse.js';
import { Nullable } from '../../kernel/http/nullable.js';

const Fen = Type.Integer({ minimum: 0, maximum: 1_000_000_000_000, description: '金额（分）' });
const DateText = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$' });
const Rule = Type.String({ maxLength: MAX_RULE_LENGTH, description: 'CEL 表达式' });

export const PolicyCode = Type.String({ pattern: '^[a-z0-9][a-z0-9-]{1,62}$', description: '政策编码（小写字母、数字、连字符）' });

export const BenefitBody = Type.Union([
  Type.Object({ kind: Type.Literal('fixed'), amountFen: Fen, capFen: Type.Optional(Nullable(Fen)) }, { additionalProperties: false }),
  Type.Object(
    {
      kind: Type.Literal('tiered'),
      by: Rule,
      tiers: Type.Array(
        Type.Object(
          {
            equals: Type.Optional(Type.Union([Type.String({ maxLength: 100 }), Type.Integer({ minimum: -1e12, maximum: 1e12 })])),
            atLeast: Type.Optional(Type.Integer({ minimum: -1e12, maximum: 1e12 })),
            amountFen: Fen,
            label: Type.Optional(Type.String({ maxLength: 100 })),
          },
          { additionalProperties: false },
        ),
        { minItems: 1, maxItems: 50 },
      ),
      otherwiseFen: Fen,
      capFen: Type.Optional(Nullable(Fen)),
    },
    { additionalProperties: false },
  ),
  Type.Object({ kind: Type.Literal('formula'), expression: Rule, capFen: Type.Optional(Nullable(Fen)) }, { additionalProperties: false }),
]);

export const VersionBody = Type.Object(
  {
    nameZh: Type.String({ minLength: 1, maxLength: 100 }),
    nameEn: Type.String({ maxLength: 200 }),
    target: Type.Union([Type.Literal('person'), Type.Literal('household')]),
    eligibility: Rule,
    benefit: BenefitBody,
    period: Type.Union([Type.Literal('monthly'), Type.Literal('yearly'), Type.Literal('once')]),
    funding: Type.Array(Type.Object({ source: Type.String({ minLength: 1, maxLength: 60 }), shareBp: Type.Integer({ minimum: 0, maximum: 10_000 }) }, { additionalProperties: false }), { maxItems: 10 }),
    quotas: Type.Array(
      Type.Object({ regionCode: Type.String({ pattern: '^\\d{6,12}$' }), quota: Type.Optional(Nullable(Type.Integer({ minimum: 0 }))), budgetFen: Type.Optional(Nullable(Fen)) }, { additionalProperties: false }),
      { maxItems: 500 },
    ),
    effectiveFrom: DateText,
    effectiveTo: Nullable(DateText),
    basis: Nullable(Type.String({ maxLength: 200 })),
    note: Nullable(Type.String({ maxLength: 1000 })),
  },
  { additionalProperties: false },
);

export const PolicyBody = Type.Object({ code: PolicyCode, orgId: Id, version: VersionBody, adopt: Type.Optional(Type.Boolean()) }, { additionalProperties: false });

export const CheckBody = Type.Object(
  {
    target: Type.Union([Type.Literal('person'), Type.Literal('household')]),
    eligibility: Rule,
    benefit: BenefitBody,
    period: Type.Optional(Type.Union([Type.Literal('monthly'), Type.Literal('yearly'), Type.Literal('once')])),
    householdId: Type.Optional(Id),
  },
  { additionalProperties: false },
);

export const CodeParams = Type.Object({ code: PolicyCode });
export const VersionParams = Type.Object({ code: PolicyCode, version: Type.Integer({ minimum: 1, maximum: 100_000 }) });

export const RunBody = Type.Object(
  {
    policyCodes: Type.Optional(Type.Array(PolicyCode, { maxItems: 100 })),
    regionCodes: Type.Optional(Type.Array(Type.String({ pattern: '^\\d{6,12}$' }), { maxItems: 100 })),
  },
  { additionalProperties: false },
);

export const CandidateQuery = Type.Object(
  {
    kind: Type.Optional(Type.Union(['add', 'stop', 'amount', 'error', 'gained', 'lost'].map((k) => Type.Literal(k)))),
    policyCode: Type.Optional(PolicyCode),
    regionCode: Type.Optional(Type.String({ pattern: '^\\d{6,12}$' })),
    decided: Type.Optional(Type.Boolean()),
    page: Type.Optional(Type.Integer({ minimum: 1, maximum: 100_000 })),
    pageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: 500 })),
  },
  { additionalProperties: false },
);

export const DecisionBody = Type.Object(
  { decision: Type.Union([Type.Literal('apply'), Type.Literal('stop'), Type.Literal('dismiss')]), reason: Type.Optional(Nullable(Type.String({ maxLength: 500 }))) },
  { additionalProperties: false },
);
