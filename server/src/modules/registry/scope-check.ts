/** Whether a record that is about to be written would fall inside the writer's data scope. */
import { sql, type Kysely } from 'kysely';
import { scopeCondition, type DataScope } from '../../kernel/auth/scope.js';

export async function isWithinScope(
  db: Kysely<any>,
  scope: DataScope,
  record: { orgId: number; regionCode: string; createdBy: number | null },
): Promise<boolean> {
  if (scope.all) return true;
  const condition = scopeCondition(scope, { org: 't.org_id', region: 't.region_code', createdBy: 't.created_by' });
  const { rows } = await sql<{ ok: boolean }>`select ${condition} as ok from (select ${record.orgId}::bigint as org_id,
    ${record.regionCode}::text as region_code, ${record.createdBy}::bigint as created_by) t`.execute(db);
  return rows[0].ok === true;
}
