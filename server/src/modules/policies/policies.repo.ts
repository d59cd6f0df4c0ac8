/** Data access for policies, their versions and active enrollments. */
import { sql, type Kysely } from 'kysely';
import type { PolicySummary, PolicyVersion, PolicyVersionInput } from '../../contracts/policies.js';

const VERSION_COLUMNS = sql`v.id, v.policy_id as "policyId", v.version, v.status, v.name_zh as "nameZh", v.name_en as "nameEn",
  v.target, v.eligibility, v.benefit, v.period, v.funding, v.quotas, v.effective_from as "effectiveFrom",
  v.effective_to as "effectiveTo", v.basis, v.note, v.created_by as "createdBy", u.display_name as "createdByName",
  v.created_at as "createdAt", v.adopted_at as "adoptedAt"`;

export async function listPolicies(db: Kysely<any>): Promise<PolicySummary[]> {
  const { rows } = await sql<PolicySummary>`
    select p.id, p.code, p.org_id as "orgId", o.name as "orgName",
      coalesce(a.name_zh, l.name_zh) as "nameZh", coalesce(a.name_en, l.name_en) as "nameEn",
      coalesce(a.target, l.target) as target, coalesce(a.period, l.period) as period,
      a.version as "activeVersion", l.version as "latestVersion",
      exists (select 1 from policy_versions d where d.policy_id = p.id and d.status = 'draft') as "hasDraft",
      a.effective_from as "effectiveFrom", a.effective_to as "effectiveTo",
      (select count(*) from enrollments e where e.policy_id = p.id and e.status = 'active')::int as "enrolledCount",
      p.approval_levels as "approvalLevels"
    from policies p
    join organisations o on o.id = p.org_id
    left join policy_versions a on a.policy_id = p.id and a.status = 'active'
    join lateral (select * from policy_versions x where x.policy_id = p.id order by x.version desc limit 1) l on true
    order by p.code`.execute(db);
  return rows;
}

export async function findPolicy(db: Kysely<any>, code: string): Promise<{ id: number; code: string; orgId: number } | null> {
  const { rows } = await sql<{ id: number; code: string; orgId: number }>`select id, code, org_id as "orgId" from policies where code = ${code}`.execute(db);
  return rows[0] ?? null;
}

export async function listVersions(db: Kysely<any>, policyId: number): Promise<PolicyVersion[]> {
  const { rows } = await sql<PolicyVersion>`
    select ${VERSION_COLUMNS} from policy_versions v left join users u on u.id = v.created_by
    where v.policy_id = ${policyId} order by v.version desc`.execute(db);
  return rows;
}

export async function findVersion(db: Kysely<any>, policyId: number, version: number): Promise<PolicyVersion | null> {
  const { rows } = await sql<PolicyVersion>`
    select ${VERSION_COLUMNS} from policy_versions v left join users u on u.id = v.created_by
    where v.policy_id = ${policyId} and v.version = ${version}`.execute(db);
  return rows[0] ?? null;
}

export interface ActiveVersionRow extends PolicyVersion {
  code: string;
}

/** Active versions, optionally only the given codes, in code order. */
export async function activeVersions(db: Kysely<any>, codes: string[] | null): Promise<ActiveVersionRow[]> {
  const { rows } = await sql<ActiveVersionRow>`
    select ${VERSION_COLUMNS}, p.code from policy_versions v
    join policies p on p.id = v.policy_id left join users u on u.id = v.created_by
    where v.status = 'active' ${codes ? sql`and p.code = any(${codes}::text[])` : sql``}
    order by p.code`.execute(db);
  return rows;
}

export async function insertPolicy(db: Kysely<any>, code: string, orgId: number, createdBy: number | null): Promise<number> {
  const { rows } = await sql<{ id: number }>`
    insert into policies (code, org_id, created_by) values (${code}, ${orgId}, ${createdBy}) returning id`.execute(db);
  return rows[0]!.id;
}

export async function insertVersion(db: Kysely<any>, policyId: number, input: PolicyVersionInput, createdBy: number | null): Promise<{ id: number; version: number }> {
  const { rows } = await sql<{ id: number; version: number }>`
    insert into policy_versions (policy_id, version, status, name_zh, name_en, target, eligibility, benefit, period, funding, quotas,
      effective_from, effective_to, basis, note, created_by)
    values (${policyId}, (select coalesce(max(version), 0) + 1 from policy_versions where policy_id = ${policyId}), 'draft',
      ${input.nameZh}, ${input.nameEn}, ${input.target}, ${input.eligibility}, ${JSON.stringify(input.benefit)}::jsonb, ${input.period},
      ${JSON.stringify(input.funding)}::jsonb, ${JSON.stringify(input.quotas)}::jsonb, ${input.effectiveFrom}::date,
      ${input.effectiveTo}::date, ${input.basis}, ${input.note}, ${createdBy})
    returning id, version`.execute(db);
  return rows[0]!;
}

/** Makes a version the active one; the previous active version is superseded. */
export async function activateVersion(db: Kysely<any>, policyId: number, versionId: number): Promise<void> {
  await sql`update policy_versions set status = 'superseded' where policy_id = ${policyId} and status = 'active'`.execute(db);
  await sql`update policy_versions set status = 'active', adopted_at = now() where id = ${versionId}`.execute(db);
}

/** Drafts older than the adopted one are no longer open. */
export async function supersedeOlderDrafts(db: Kysely<any>, policyId: number, version: number): Promise<void> {
  await sql`update policy_versions set status = 'superseded' where policy_id = ${policyId} and status = 'draft' and version < ${version}`.execute(db);
}
