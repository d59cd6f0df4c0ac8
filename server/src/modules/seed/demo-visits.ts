/**
 * The grid worker's visit log (网格日志): 谈静美 of 金波路社区 (demo user `grid`) has visited the
 * seed households of her community over the past months — a census check, a holiday visit of
 * care, a call when nobody was home, and one visit that served three tasks at once and found
 * two needs. Dates count back from today, so her log always looks like current work.
 */
import { sql, type Kysely } from 'kysely';
import type { VisitInput } from '../../contracts/visits.js';
import type { Actor } from '../../kernel/auth/actor.js';
import { resolveScope } from '../../kernel/auth/scope.js';
import { listHouseholds } from '../registry/households.repo.js';
import { today } from '../policies/evaluation.service.js';
import { recordVisit } from '../visits/visits.service.js';

type DemoVisit = Omit<VisitInput, 'householdId' | 'visitedOn' | 'clientId'> & { daysAgo: number };

const VISITS: DemoVisit[] = [
  {
    daysAgo: 120, purposes: ['census', 'policy_publicity'], outcome: 'visited', companions: ['社区书记 马慧'],
    findings: '核实家庭人口 4 人，与台账一致。李秀兰患尿毒症，每周在自治区人民医院透析 3 次；宣传了医疗救助和大病保险“一站式”结算。',
    needs: [],
  },
  {
    daysAgo: 75, purposes: ['care', 'safety'], outcome: 'visited', companions: [],
    findings: '入户慰问，送去米、面、油各一份。检查燃气灶和热水器软管，提醒更换老化的燃气软管。',
    needs: [],
  },
  {
    daysAgo: 40, purposes: ['routine'], outcome: 'not_at_home', companions: [],
    findings: '家中无人。电话联系王建国：李秀兰当天在医院透析，约定下周再访。',
    needs: [],
  },
  {
    daysAgo: 33, purposes: ['needs_check', 'measure_followup', 'policy_publicity'], outcome: 'visited', companions: ['西夏区总工会 马涛'],
    findings: '跟进 5 万元医疗救助金：已到账。透析自付部分仍较重；王浩读高二，成绩较好，家中担心明年学费。宣传了金秋助学政策。',
    needs: [
      { need: 'medical', note: '透析自付费用每月约 1500 元，希望了解医保特药和门诊慢特病报销' },
      { need: 'education', note: '王浩高中学费和生活费，拟申请金秋助学' },
    ],
  },
  {
    daysAgo: 6, purposes: ['appeal_followup', 'routine'], outcome: 'visited', companions: [],
    findings: '回访楼道照明报修：物业已更换灯具，户主表示满意。家庭情况稳定。',
    needs: [],
  },
];

function daysBefore(day: string, days: number): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() - days);
  return date.toISOString().slice(0, 10);
}

/** Records the demo visits as the grid worker herself, through the service users go through; returns how many. */
export async function seedDemoVisits(db: Kysely<any>): Promise<number> {
  const { rows } = await sql<{ id: number; display_name: string; org_id: number; org_path: string; prefix: string | null }>`
    select u.id, u.display_name, u.org_id, o.path as org_path, r.prefix from users u join organisations o on o.id = u.org_id
    left join regions r on r.code = u.region_code where u.username = 'grid'`.execute(db);
  const user = rows[0];
  if (!user) return 0;
  const scope = resolveScope({ userId: user.id, orgId: user.org_id, orgPath: user.org_path, jurisdictionPrefix: user.prefix, levels: ['dept'], customOrgPaths: [], customRegionPrefixes: [] });
  const grid: Actor = { id: user.id, name: user.display_name, orgId: user.org_id, permissions: new Set(['registry:read', 'visit:write']), scope, ip: null };
  const households = await listHouseholds(db, scope, [], { limit: 10, offset: 0 });
  const day = await today(db);
  let recorded = 0;
  for (const household of households) {
    for (const visit of VISITS) {
      const { daysAgo, ...input } = visit;
      await recordVisit(db, grid, { ...input, householdId: household.id, visitedOn: daysBefore(day, daysAgo) });
      recorded += 1;
    }
  }
  return recorded;
}
