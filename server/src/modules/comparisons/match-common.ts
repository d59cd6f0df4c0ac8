/** What the list-writing statements share: the run's context, the item columns, the SQL pieces. */
import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { RollKind } from '../../contracts/comparisons.js';
import type { Actor } from '../../kernel/auth/actor.js';

export interface MatchContext {
  trx: Kysely<any>;
  actor: Actor;
  runId: number;
  kind: RollKind;
  /** 'YYYY-MM-DD', the run's today. */
  today: string;
  /** Region prefix the roll covers ('' = everything in scope): only there is a missing record "to stop". */
  coverPrefix: string;
  /** Enrollment rolls: compare with this policy only. */
  policyId: number | null;
}

export const ITEM_COLUMNS = sql`run_id, kind, row_no, ref_id, id_number, name, registry_name, person_id, household_id, region_code, reason, proposal`;

/** Rows found in the registry under the same name: the ones a list may propose something for. */
export const GOOD = sql`s.person_id is not null and s.name_ok`;

export const ymd = (column: RawBuilder<unknown>) => sql`to_char(${column}, 'YYYY-MM-DD')`;

/** Inside the area the roll covers. */
export const covered = (ctx: MatchContext, column: RawBuilder<unknown>) => (ctx.coverPrefix ? sql`${column} like ${`${ctx.coverPrefix}%`}` : sql`true`);

