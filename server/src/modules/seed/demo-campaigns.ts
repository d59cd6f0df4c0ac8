/**
 * The seed's census (再梳理、再摸排): 银川市总工会's caseworker 陈静 (demo user `caseworker`)
 * runs "2026年困难职工家庭再梳理再摸排" over 银川市 for every household on the union's
 * hardship-worker roll. 王建国's household falls to the grid worker of 金波路社区 (`grid`),
 * whose jurisdiction it is, and waits for her visit; 西夏区总工会's 马涛 (`xixia`) has already
 * been to three of his district's households: two met at home, one with nobody in. Made through
 * the services users go through, as the users themselves, with dates counted back from today.
 */
import { sql, type Kysely } from 'kysely';
import type { VisitInput } from '../../contracts/visits.js';
import type { Actor } from '../../kernel/auth/actor.js';
import type { DataScopeLevel, Permission } from '../../kernel/auth/permissions.js';
import { resolveScope } from '../../kernel/auth/scope.js';
import { createCampaign } from '../campaigns/campaigns.service.js';
import { today } from '../policies/evaluation.service.js';
import { recordVisit } from '../visits/visits.service.js';

export const DEMO_CAMPAIGN = {
  name: '2026年困难职工家庭再梳理再摸排',
  regionCode: '640100',
  rule: 'household.hardshipWorker != ""',
  description: '全市困难职工建档家庭逐户走访：核实家庭人口、就业、健康和子女就学情况，了解新的困难和需求，应帮尽帮',
};

type CensusVisit = Omit<VisitInput, 'householdId' | 'visitedOn' | 'campaignId'> & { head: string; daysAgo: number };

const VISITS: CensusVisit[] = [
  {
    head: '刘芳', daysAgo: 12, purposes: ['census', 'needs_check'], outcome: 'visited', companions: ['幸福巷社区 网格员'],
    findings: '家庭人口 3 人与台账一致。张志强康复训练尚未开始，刘芳的公益性岗位年底到期，希望续签。',
    needs: [{ need: 'rehabilitation', note: '肢体康复训练和辅具适配' }, { need: 'employment', note: '公益性岗位到期续签' }],
  },
  { head: '孙海燕', daysAgo: 9, purposes: ['census'], outcome: 'not_at_home', companions: [], findings: '家中无人，邻居说孙海燕白天上班，约定周末再访。', needs: [] },
  {
    head: '吴秀梅', daysAgo: 5, purposes: ['census', 'policy_publicity'], outcome: 'visited', companions: [],
    findings: '家庭情况稳定，吴悦读高二，宣传了金秋助学政策。', needs: [{ need: 'education', note: '吴悦高中学费' }],
  },
];

function daysBefore(day: string, days: number): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() - days);
  return date.toISOString().slice(0, 10);
}

/** A demo user as the services see them: their organisation, roles' permissions and data scope. */
async function demoActor(db: Kysely<any>, username: string): Promise<Actor | null> {
  const { rows } = await sql<{ id: number; name: string; orgId: number; orgPath: string; prefix: string | null; permissions: string[]; levels: DataScopeLevel[] }>`
    select u.id, u.display_name as name, u.org_id as "orgId", o.path as "orgPath", r.prefix,
      array(select distinct p from user_roles ur join roles ro on ro.id = ur.role_id, unnest(ro.permissions) p where ur.user_id = u.id) as permissions,
      array(select distinct ro.data_scope from user_roles ur join roles ro on ro.id = ur.role_id where ur.user_id = u.id) as levels
    from users u join organisations o on o.id = u.org_id left join regions r on r.code = u.region_code where u.username = ${username}`.execute(db);
  const user = rows[0];
  if (!user) return null;
  const scope = resolveScope({ userId: user.id, orgId: user.orgId, orgPath: user.orgPath, jurisdictionPrefix: user.prefix, levels: user.levels, customOrgPaths: [], customRegionPrefixes: [] });
  return { id: user.id, name: user.name, orgId: user.orgId, permissions: new Set(user.permissions as Permission[]), scope, ip: null };
}

/** Creates the demo campaign and its first census visits; returns the campaign's id (null without the demo users). */
export async function seedDemoCampaigns(db: Kysely<any>): Promise<number | null> {
  const [caseworker, xixia] = await Promise.all([demoActor(db, 'caseworker'), demoActor(db, 'xixia')]);
  if (!caseworker || !xixia) return null;
  const day = await today(db);
  const campaign = await createCampaign(db, caseworker, { ...DEMO_CAMPAIGN, startsOn: daysBefore(day, 20), endsOn: daysBefore(day, -40) });
  for (const { head, daysAgo, ...visit } of VISITS) {
    const { rows } = await sql<{ id: number }>`select h.id from households h join persons p on p.id = h.head_person_id where p.name = ${head}`.execute(db);
    await recordVisit(db, xixia, { ...visit, householdId: rows[0]!.id, visitedOn: daysBefore(day, daysAgo), campaignId: campaign.id });
  }
  return campaign.id;
}
