/**
 * Policies as data: create, version, adopt. Every change makes a new version (drafts are
 * never edited in place), rules are checked before anything is saved, and every write is
 * audited. Decisions elsewhere record the version id they were made with.
 */
import { sql, type Kysely } from 'kysely';
import type { PolicyDetail, PolicySummary, PolicyVersion, PolicyVersionInput, RuleProblem } from '../../contracts/policies.js';
import { recordAudit } from '../../kernel/audit.js';
import { requirePermission, type Actor } from '../../kernel/auth/actor.js';
import { AppError, invalidField, notFound, type FieldProblem } from '../../kernel/errors.js';
import { checkRules } from './compile.js';
import { forgetActiveVersions } from './evaluation.service.js';
import {
  activateVersion, findPolicy, findVersion, insertPolicy, insertVersion, listPolicies, listVersions, supersedeOlderDrafts,
} from './policies.repo.js';

export function ruleError(problems: RuleProblem[]): AppError {
  return new AppError('rule_invalid', {
    zh: problems.map((p) => `第 ${p.line} 行第 ${p.column} 列，${p.message}`).join('；'),
    en: 'the rule does not check',
    field: problems[0]?.field,
    problems: problems.map((p) => ({ field: p.field, message: p.message })),
    data: { ruleProblems: problems },
  });
}

/** Everything but the rules: dates, funding split, quotas. */
function validateVersion(input: PolicyVersionInput): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (!input.nameZh.trim()) problems.push({ field: 'nameZh', message: '请填写政策名称' });
  const shares = input.funding.reduce((sum, f) => sum + f.shareBp, 0);
  if (input.funding.length === 0) problems.push({ field: 'funding', message: '请至少填写一个资金来源' });
  else if (shares !== 10_000) problems.push({ field: 'funding', message: `资金来源比例合计应为 100%，现为 ${(shares / 100).toFixed(2)}%` });
  if (new Set(input.funding.map((f) => f.source)).size !== input.funding.length) problems.push({ field: 'funding', message: '资金来源重复' });
  if (input.effectiveTo && input.effectiveTo <= input.effectiveFrom) problems.push({ field: 'effectiveTo', message: '失效日期须晚于生效日期' });
  input.quotas.forEach((q, i) => {
    if (q.quota != null && q.quota < 0) problems.push({ field: `quotas.${i}.quota`, message: '名额不能为负数' });
    if (q.budgetFen != null && q.budgetFen < 0) problems.push({ field: `quotas.${i}.budgetFen`, message: '预算不能为负数' });
  });
  return problems;
}

async function checkVersion(db: Kysely<any>, input: PolicyVersionInput): Promise<void> {
  const problems = validateVersion(input);
  if (problems.length > 0) throw new AppError('validation_failed', { zh: problems[0]!.message, en: 'invalid policy', field: problems[0]!.field, problems });
  const unknownRegions = await sql<{ code: string }>`
    select c.code from unnest(${input.quotas.map((q) => q.regionCode)}::text[]) c(code)
    where not exists (select 1 from regions r where r.code = c.code)`.execute(db);
  if (unknownRegions.rows.length > 0) throw invalidField('quotas', `未知的行政区划：${unknownRegions.rows.map((r) => r.code).join('、')}`, 'unknown region');
  const { problems: ruleProblems } = checkRules(input);
  if (ruleProblems.length > 0) throw ruleError(ruleProblems);
}

export async function getPolicies(db: Kysely<any>, actor: Actor): Promise<PolicySummary[]> {
  requirePermission(actor, 'policy:read');
  return listPolicies(db);
}

export async function getPolicy(db: Kysely<any>, actor: Actor, code: string): Promise<PolicyDetail> {
  requirePermission(actor, 'policy:read');
  const summary = (await listPolicies(db)).find((p) => p.code === code);
  if (!summary) throw notFound();
  return { ...summary, versions: await listVersions(db, summary.id) };
}

export async function getVersion(db: Kysely<any>, actor: Actor, code: string, version: number): Promise<PolicyVersion> {
  requirePermission(actor, 'policy:read');
  const policy = await findPolicy(db, code);
  const found = policy ? await findVersion(db, policy.id, version) : null;
  if (!found) throw notFound();
  return found;
}

export interface NewPolicy {
  code: string;
  orgId: number;
  version: PolicyVersionInput;
  adopt?: boolean;
}

export async function createPolicy(db: Kysely<any>, actor: Actor, input: NewPolicy): Promise<PolicyDetail> {
  requirePermission(actor, 'policy:write');
  if (await findPolicy(db, input.code)) throw new AppError('conflict', { zh: `政策编码 ${input.code} 已存在`, en: 'policy code taken', field: 'code' });
  const org = await sql<{ id: number }>`select id from organisations where id = ${input.orgId}`.execute(db);
  if (org.rows.length === 0) throw invalidField('orgId', '主管单位不存在', 'unknown organisation');
  await checkVersion(db, input.version);
  await db.transaction().execute(async (trx) => {
    const policyId = await insertPolicy(trx, input.code, input.orgId, actor.id);
    const version = await insertVersion(trx, policyId, input.version, actor.id);
    if (input.adopt) await activateVersion(trx, policyId, version.id);
    await recordAudit(trx, actor, { action: 'policy.created', entityType: 'policy', entityId: policyId, after: { code: input.code, ...input.version, adopted: Boolean(input.adopt) } });
  });
  forgetActiveVersions(db);
  return getPolicy(db, actor, input.code);
}

/** A change to a policy: a new draft version (the active one keeps running until adopted). */
export async function createVersion(db: Kysely<any>, actor: Actor, code: string, input: PolicyVersionInput): Promise<PolicyVersion> {
  requirePermission(actor, 'policy:write');
  const policy = await findPolicy(db, code);
  if (!policy) throw notFound();
  await checkVersion(db, input);
  const created = await db.transaction().execute(async (trx) => {
    const version = await insertVersion(trx, policy.id, input, actor.id);
    await recordAudit(trx, actor, { action: 'policy.version_created', entityType: 'policy', entityId: policy.id, after: { code, version: version.version, ...input } });
    return version;
  });
  return (await findVersion(db, policy.id, created.version))!;
}

export async function adoptVersion(db: Kysely<any>, actor: Actor, code: string, version: number): Promise<PolicyVersion> {
  requirePermission(actor, 'policy:write');
  const policy = await findPolicy(db, code);
  const target = policy ? await findVersion(db, policy.id, version) : null;
  if (!policy || !target) throw notFound();
  if (target.status !== 'draft') throw new AppError('conflict', { zh: `第 ${version} 版不是草稿，不能启用`, en: 'only a draft can be adopted' });
  await db.transaction().execute(async (trx) => {
    await activateVersion(trx, policy.id, target.id);
    await supersedeOlderDrafts(trx, policy.id, version);
    await recordAudit(trx, actor, { action: 'policy.version_adopted', entityType: 'policy', entityId: policy.id, after: { code, version } });
  });
  forgetActiveVersions(db);
  return (await findVersion(db, policy.id, version))!;
}
