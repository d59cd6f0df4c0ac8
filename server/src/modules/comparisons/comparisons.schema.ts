/** Request schemas of the comparison API: the one source of its validation and OpenAPI types. */
import { Type } from '@sinclair/typebox';
import { ITEM_KINDS, ROLL_FIELD_LABELS, ROLL_KINDS, type RollField } from '../../contracts/comparisons.js';
import { Nullable } from '../../kernel/http/nullable.js';
import { Id } from '../registry/registry.schema.js';

const literals = <T extends string>(values: readonly T[]) => Type.Union(values.map((v) => Type.Literal(v)));

export const RollKindSchema = literals(ROLL_KINDS);
export const KindParams = Type.Object({ kind: RollKindSchema });
export const UploadQuery = Type.Object({ kind: RollKindSchema });

const Column = Type.Integer({ minimum: 0, maximum: 16_383, description: '列序号（从 0 起，0 = A 列）' });
export const MappingSchema = Type.Object(
  Object.fromEntries((Object.keys(ROLL_FIELD_LABELS) as RollField[]).map((field) => [field, Type.Optional(Type.Integer({ ...Column, description: `${ROLL_FIELD_LABELS[field]}所在的列（从 0 起）` }))])),
  { additionalProperties: false },
);

export const RunBody = Type.Object(
  {
    mapping: Type.Optional(MappingSchema),
    regionCode: Type.Optional(Nullable(Type.String({ pattern: '^\\d{6,12}$', description: '名册覆盖的区划；不在其中的记录不会列为“应退出”。默认为本单位所在区划' }))),
    policyCode: Type.Optional(Nullable(Type.String({ maxLength: 64, description: '外单位享受名单：只与此政策的享受记录比对' }))),
  },
  { additionalProperties: false },
);

const ItemFilterFields = {
  kind: Type.Optional(literals(ITEM_KINDS)),
  status: Type.Optional(literals(['pending', 'accepted', 'dismissed'] as const)),
};
export const ItemQuery = Type.Object({
  ...ItemFilterFields,
  page: Type.Optional(Type.Integer({ minimum: 1, maximum: 100_000 })),
  pageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: 200 })),
});
export const ExportQuery = Type.Object(ItemFilterFields);

export const DecisionBody = Type.Object(
  {
    itemIds: Type.Array(Id, { minItems: 1, maxItems: 500 }),
    decision: literals(['accept', 'dismiss'] as const),
    reason: Type.Optional(Nullable(Type.String({ maxLength: 500 }))),
  },
  { additionalProperties: false },
);
