/** Request schemas of the benefits and payments API: the one source of its validation and OpenAPI types. */
import { Type } from '@sinclair/typebox';
import { Nullable } from '../../kernel/http/nullable.js';
import { Id, Paging } from '../registry/registry.schema.js';

const Fen = Type.Integer({ minimum: 0, maximum: 1_000_000_000_000, description: '金额（分）' });
const DateText = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: 'YYYY-MM-DD' });
const Reason = Type.String({ maxLength: 500 });
const PolicyCode = Type.String({ pattern: '^[a-z0-9][a-z0-9-]{1,62}$' });
export const Period = Type.String({ pattern: '^[0-9]{4}(-(0[1-9]|1[0-2]))?$', description: '发放期间：YYYY-MM（按月）或 YYYY（按年）' });

const FundingWeights = Type.Array(
  Type.Object({ source: Type.String({ minLength: 1, maxLength: 100 }), weight: Type.Integer({ minimum: 1, maximum: 1_000_000_000_000 }) }, { additionalProperties: false }),
  { minItems: 1, maxItems: 10, description: '手工分摊：各来源金额（分）或权重' },
);

export const ApplicationBody = Type.Object(
  {
    policyCode: PolicyCode,
    householdId: Id,
    personId: Nullable(Id),
    startedOn: DateText,
    reason: Type.Optional(Nullable(Reason)),
    candidateId: Type.Optional(Nullable(Id)),
    amountFen: Type.Optional(Nullable(Fen)),
    inKind: Type.Optional(Nullable(Type.String({ maxLength: 200 }))),
    funding: Type.Optional(Nullable(FundingWeights)),
  },
  { additionalProperties: false },
);

export const StepBody = Type.Object({ approve: Type.Boolean(), reason: Type.Optional(Nullable(Reason)) }, { additionalProperties: false });
export const StopBody = Type.Object({ endedOn: DateText, reason: Reason, candidateId: Type.Optional(Nullable(Id)) }, { additionalProperties: false });
export const FromBody = Type.Object({ from: DateText, reason: Reason, candidateId: Type.Optional(Nullable(Id)) }, { additionalProperties: false });

export const EnrollmentQuery = Type.Object(
  {
    householdId: Type.Optional(Id),
    status: Type.Optional(Type.String({ pattern: '^[a-z_]+(,[a-z_]+)*$' })),
    policyCode: Type.Optional(PolicyCode),
    awaiting: Type.Optional(Type.Union([Type.Literal('review'), Type.Literal('approval')])),
    ...Paging,
  },
  { additionalProperties: false },
);

export const SourceBody = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 100 }),
    kind: Type.Union(['central_fiscal', 'regional_fiscal', 'local_fiscal', 'union', 'insurer', 'charity', 'enterprise', 'lottery', 'other'].map((k) => Type.Literal(k))),
    orgId: Nullable(Id),
  },
  { additionalProperties: false },
);

export const BudgetBody = Type.Object(
  { source: Type.String({ minLength: 1, maxLength: 100 }), year: Type.Integer({ minimum: 2000, maximum: 2100 }), regionCode: Type.String({ pattern: '^\\d{6,12}$' }), budgetFen: Fen },
  { additionalProperties: false },
);

export const AccountBody = Type.Object(
  { bankName: Type.String({ minLength: 1, maxLength: 100 }), accountNumber: Type.String({ minLength: 1, maxLength: 40 }), accountName: Type.String({ minLength: 1, maxLength: 50 }) },
  { additionalProperties: false },
);

export const RunBody = Type.Object(
  { period: Period, policyCodes: Type.Optional(Type.Array(PolicyCode, { maxItems: 100 })), note: Type.Optional(Nullable(Reason)) },
  { additionalProperties: false },
);

export const LineQuery = Type.Object(
  {
    kind: Type.Optional(Type.Union(['regular', 'arrears', 'recovery', 'reversal', 'reissue'].map((k) => Type.Literal(k)))),
    status: Type.Optional(Type.Union(['pending', 'approved', 'exported', 'paid', 'failed', 'void'].map((k) => Type.Literal(k)))),
    reviewPending: Type.Optional(Type.Boolean()),
    policyCode: Type.Optional(PolicyCode),
    regionCode: Type.Optional(Type.String({ pattern: '^\\d{6,12}$' })),
    period: Type.Optional(Type.String({ pattern: '^([0-9]{4}(-(0[1-9]|1[0-2]))?|once)$' })),
    householdId: Type.Optional(Id),
    month: Type.Optional(Type.String({ pattern: '^[0-9]{4}-(0[1-9]|1[0-2])$', description: '台账月份（批次所属月份）' })),
    ...Paging,
  },
  { additionalProperties: false },
);

export const ReviewBody = Type.Object(
  { lineIds: Type.Array(Id, { minItems: 1, maxItems: 1000 }), accept: Type.Boolean(), reason: Type.Optional(Nullable(Reason)) },
  { additionalProperties: false },
);
export const ApproveBody = Type.Object({ acknowledgeOverspend: Type.Optional(Type.Boolean()) }, { additionalProperties: false });
export const RejectBody = Type.Object({ reason: Reason }, { additionalProperties: false });
export const FormatQuery = Type.Object({ format: Type.Optional(Type.Union([Type.Literal('xlsx'), Type.Literal('csv')])) }, { additionalProperties: false });
