/** `huimin seed demo`: loads the seed scenario through the same services users go through. */
import { sql, type Kysely } from 'kysely';
import { systemActor } from '../../kernel/auth/actor.js';
import { makeIdNumber } from '../../kernel/validation/idcard.js';
import { findOrganisationByName } from '../organisations/organisations.repo.js';
import { createOrganisation } from '../organisations/organisations.service.js';
import type { OrganisationType } from '../organisations/organisations.repo.js';
import { recordFact } from '../registry/facts.service.js';
import { createHousehold } from '../registry/households.service.js';
import { createUser } from '../users/users.service.js';
import { loadPolicyPack } from '../policies/pack/load.js';
import { NINGXIA_POLICY_PACK } from '../policies/pack/ningxia.js';
import { seedDemoEnrollments } from './demo-enrollments.js';
import { seedDemoPlans } from './demo-plans.js';
import { seedDemoAppeals } from './demo-appeals.js';
import { seedDemoOpen311 } from './demo-open311.js';
import { seedDemoVisits } from './demo-visits.js';
import { seedDemoCampaigns } from './demo-campaigns.js';
import { assessHousehold } from '../plans/assessments.service.js';
import type { AssessmentInput } from '../../contracts/plans.js';

/** The union's 2026 assessment of each seed household, by the cause its file names (建档时的致困原因). */
const DEMO_ASSESSMENTS: Record<'illness_disability' | 'single_parent_widowed' | 'education_burden', AssessmentInput> = {
  illness_disability: { causes: [{ cause: 'illness_disability', severity: 'severe' }], needs: ['medical', 'rehabilitation', 'living'], summary: '家庭成员重病或残疾，医疗、康复支出大', assessedOn: '2026-01-15' },
  single_parent_widowed: { causes: [{ cause: 'single_parent_widowed', severity: 'moderate' }], needs: ['living', 'care', 'education'], summary: '单亲或丧偶，独自抚养子女', assessedOn: '2026-01-15' },
  education_burden: { causes: [{ cause: 'education_burden', severity: 'moderate' }], needs: ['education'], summary: '子女就读高中或大学，教育支出负担重', assessedOn: '2026-01-15' },
};
import { DEMO_HOUSEHOLDS, DEMO_ORGS, DEMO_PASSWORD, DEMO_USERS, type DemoFact, type OrgKey } from './demo-data.js';

export interface DemoSummary {
  organisations: number;
  households: number;
  persons: number;
  users: number;
  policies: number;
  enrollments: number;
  skipped: boolean;
}

export async function seedDemo(db: Kysely<any>): Promise<DemoSummary> {
  if (await findOrganisationByName(db, DEMO_ORGS[0].name)) {
    return { organisations: 0, households: 0, persons: 0, users: 0, policies: 0, enrollments: 0, skipped: true };
  }
  const actor = systemActor('demo-seed');
  const root = await sql<{ id: number }>`select id from organisations where parent_id is null order by id limit 1`.execute(db);
  const orgIds = new Map<OrgKey, number>();
  for (const org of DEMO_ORGS) {
    const parentId = org.parent ? orgIds.get(org.parent)! : root.rows[0].id;
    const created = await createOrganisation(db, actor, { parentId, name: org.name, type: org.type as OrganisationType, regionCode: org.regionCode });
    orgIds.set(org.key, created.id);
  }

  let persons = 0;
  for (const [householdIndex, household] of DEMO_HOUSEHOLDS.entries()) {
    const county = household.regionCode.slice(0, 6);
    const members = household.members.map((member, memberIndex) => ({
      ...member,
      idNumber: makeIdNumber(county, member.birthDate, 100 + householdIndex * 10 + memberIndex, member.sex),
    }));
    const created = await createHousehold(db, actor, {
      address: household.address,
      regionCode: household.regionCode,
      orgId: orgIds.get(household.org)!,
      members: members.map((m) => ({
        relationship: m.relationship,
        person: { idNumber: m.idNumber, name: m.name, phone: m.phone ?? null, address: household.address, regionCode: household.regionCode },
      })),
    });
    persons += members.length;
    const householdFacts: DemoFact[] = [...(household.householdFacts ?? [])];
    // Every seed household is on the union's hardship-worker roll; those in 低保 as 深度困难.
    householdFacts.push({ kind: 'hardship_worker', value: { category: household.dibao ? 'deep' : 'relative' }, source: '工会困难职工档案', validFrom: '2026-01-01' });
    if (household.dibao) householdFacts.push({ kind: 'assistance_status', value: { status: 'dibao' }, source: '银川市民政局低保名册', validFrom: '2025-01-01' });
    for (const fact of householdFacts) await recordFact(db, actor, { ...fact, householdId: created.id });
    await assessHousehold(db, actor, created.id, 2026, DEMO_ASSESSMENTS[household.cause]);
    const ids = await sql<{ id: number; id_number: string }>`select id, id_number from persons where household_id = ${created.id}`.execute(db);
    for (const member of members) {
      const personId = ids.rows.find((r) => r.id_number === member.idNumber)!.id;
      for (const fact of member.facts ?? []) {
        const value = fact.kind === 'disability' ? { ...fact.value, certificateNo: `${member.idNumber}${fact.value.category}${fact.value.grade}` } : fact.value;
        await recordFact(db, actor, { ...fact, value, personId });
      }
    }
  }

  for (const user of DEMO_USERS) {
    await createUser(db, actor, {
      username: user.username,
      displayName: user.displayName,
      orgId: orgIds.get(user.org)!,
      roleCodes: user.roles,
      regionCode: user.regionCode ?? null,
      password: DEMO_PASSWORD,
    });
    // Reminders also go out by SMS to users with a phone (the outbox); accounts have no phone field in the UI yet.
    if (user.phone) await sql`update users set phone = ${user.phone} where username = ${user.username}`.execute(db);
  }
  const pack = await loadPolicyPack(db, actor, NINGXIA_POLICY_PACK);
  const enrollments = await seedDemoEnrollments(db, actor);
  await seedDemoVisits(db);
  await seedDemoPlans(db, actor, orgIds);
  await seedDemoAppeals(db, actor, orgIds);
  await seedDemoOpen311(db, actor);
  await seedDemoCampaigns(db);
  return { organisations: DEMO_ORGS.length, households: DEMO_HOUSEHOLDS.length, persons, users: DEMO_USERS.length, policies: pack.created, enrollments, skipped: false };
}
