/**
 * The seed's first story: each of the ten households has its 2026 plan, and the five named
 * cases have the measures the source documents describe — 王某's 5 万元 grant from three funders,
 * the drug-policy follow-up with 医保局 and the expert consultation at the regional hospital;
 * 刘某's husband's rehabilitation and her expiring public-welfare post; 马某's child's health
 * check; 周某's school place nearby; 袁某's work-study. Made through the services users go
 * through, with deadlines counted from the day the demo is loaded.
 */
import { sql, type Kysely } from 'kysely';
import type { MeasureInput } from '../../contracts/plans.js';
import type { Actor } from '../../kernel/auth/actor.js';
import { replacePartners } from '../organisations/partners.repo.js';
import { today } from '../policies/evaluation.service.js';
import { acceptReferral, reportProgress } from '../plans/measures.service.js';
import { addMeasure, savePlanForYear } from '../plans/plans.service.js';
import { DEMO_PARTNERS, type OrgKey } from './demo-data.js';

type Step = 'accept' | 'progress' | 'done';

interface DemoMeasure {
  type: MeasureInput['type'];
  title: string;
  detail: string;
  person?: string;
  org: OrgKey | 'owner';
  responsiblePerson?: string;
  inDays: number;
  /** How far it has gone: accepted by the partner, or completed with this result. */
  steps?: Array<{ step: Step; note: string }>;
  /** Follows this existing enrollment of the household instead of paying anything new. */
  enrollmentOf?: string;
  /** Planned earlier: its deadline passed this many days ago (for the joint meeting's agenda). */
  overdueBy?: number;
}

const GOAL = '稳定基本生活，解决医疗、教育、就业方面的突出困难，年底前脱困或明显缓解';

const CASES: Record<string, DemoMeasure[]> = {
  王建国: [
    { type: 'medical_aid', title: '专项医疗救助金 5 万元', detail: '妻子李秀兰患尿毒症，市总工会 3 万、西夏区总工会 1 万、中国人寿 1 万共同出资', person: '李秀兰', org: 'owner', inDays: 20,
      enrollmentOf: 'nx-union-special-medical-grant', steps: [{ step: 'progress', note: '市总工会专题会议审批通过，随发放批次拨付' }] },
    { type: 'medical_aid', title: '跟进透析用药医保报销政策', detail: '核实特殊病种门诊透析待遇，落实药品目录内报销', person: '李秀兰', org: 'ycMedicalInsurance', responsiblePerson: '医疗救助科', inDays: 25, steps: [{ step: 'accept', note: '已安排专人对接，正在核实特殊病种备案' }] },
    { type: 'referral', title: '自治区人民医院专家会诊', detail: '肾内科专家会诊，评估肾移植可行性', person: '李秀兰', org: 'nxHospital', responsiblePerson: '肾内科', inDays: 10, steps: [{ step: 'accept', note: '已预约肾内科专家' }, { step: 'done', note: '已完成专家会诊，建议继续规律透析并进入移植评估' }] },
  ],
  刘芳: [
    { type: 'rehabilitation', title: '丈夫肢体二级残疾康复训练', detail: '张志强需要肢体康复训练和辅具适配', person: '张志强', org: 'xixiaDisabled', inDays: 30, overdueBy: 6 },
    { type: 'job_keeping', title: '公益性岗位到期续签', detail: '刘芳的公益性岗位 2026-12-31 到期，协调续签或转岗', person: '刘芳', org: 'ycHR', responsiblePerson: '就业促进科', inDays: 28 },
  ],
  马明: [
    { type: 'referral', title: '女儿先天性心脏病复查体检', detail: '马小花心脏彩超复查及术后评估', person: '马小花', org: 'nxHospital', inDays: 21 },
  ],
  周红: [
    { type: 'school_place', title: '协调孩子就近入学', detail: '周子豪转入住所附近小学，减少接送负担', person: '周子豪', org: 'ycEducation', responsiblePerson: '基础教育科', inDays: 45, steps: [{ step: 'accept', note: '已与片区学校沟通学位' }] },
  ],
  袁卫东: [
    { type: 'work_study', title: '袁博勤工助学岗位', detail: '联系学校及工会服务站安排寒假勤工助学岗位', person: '袁博', org: 'owner', inDays: 40 },
  ],
};

/** Every other household: the plan follows the 工会暖心卡 it already receives. */
const WARM_CARD: DemoMeasure = {
  type: 'cash_grant', title: '每月发放工会暖心卡 200 元', detail: '困难职工家庭暖心补贴，按月发放', org: 'owner', inDays: 38, enrollmentOf: 'nx-union-warm-card',
  steps: [{ step: 'progress', note: '已纳入月度发放' }],
};

const addDays = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

export async function seedDemoPlans(db: Kysely<any>, actor: Actor, orgIds: Map<OrgKey, number>): Promise<number> {
  await replacePartners(db, orgIds.get('ycUnion')!, DEMO_PARTNERS.map((key) => orgIds.get(key)!));
  const now = await today(db);
  const { rows: households } = await sql<{ id: number; head: string; org_id: number }>`
    select h.id, p.name as head, h.org_id from households h join persons p on p.id = h.head_person_id order by h.id`.execute(db);
  const leads = await sql<{ id: number; org_id: number }>`select id, org_id from users where username in ('caseworker', 'xixia')`.execute(db);
  let measures = 0;
  for (const household of households) {
    const lead = leads.rows.find((u) => u.org_id === household.org_id) ?? leads.rows.find((u) => u.org_id === orgIds.get('ycUnion'));
    const plan = await savePlanForYear(db, actor, household.id, 2026, { goal: GOAL, leadUserId: lead?.id ?? null });
    for (const measure of CASES[household.head] ?? [WARM_CARD]) {
      await addDemoMeasure(db, actor, orgIds, plan.id, household.id, measure, now);
      measures += 1;
    }
  }
  return measures;
}

async function addDemoMeasure(db: Kysely<any>, actor: Actor, orgIds: Map<OrgKey, number>, planId: number, householdId: number, m: DemoMeasure, now: string): Promise<void> {
  const person = m.person ? await sql<{ id: number }>`select id from persons where household_id = ${householdId} and name = ${m.person}`.execute(db) : null;
  const enrollment = m.enrollmentOf
    ? await sql<{ id: number }>`select e.id from enrollments e join policies p on p.id = e.policy_id where e.household_id = ${householdId} and p.code = ${m.enrollmentOf} order by e.id limit 1`.execute(db)
    : null;
  const org = m.org === 'owner'
    ? (await sql<{ owner_org_id: number }>`select owner_org_id from plans where id = ${planId}`.execute(db)).rows[0]!.owner_org_id
    : orgIds.get(m.org)!;
  const created = await addMeasure(db, actor, planId, {
    type: m.type, title: m.title, detail: m.detail, personId: person?.rows[0]?.id ?? null, responsibleOrgId: org, responsiblePerson: m.responsiblePerson ?? null,
    deadline: addDays(now, m.inDays), enrollmentId: enrollment?.rows[0]?.id ?? null,
  });
  for (const { step, note } of m.steps ?? []) {
    if (step === 'accept') await acceptReferral(db, actor, created.id, { note, responsiblePerson: null });
    else await reportProgress(db, actor, created.id, { note, status: step === 'done' ? 'done' : 'in_progress' });
  }
  if (m.overdueBy) {
    // Planned 30-odd days before the demo was loaded, and its deadline has since passed.
    const deadline = addDays(now, -m.overdueBy);
    await sql`update measures set deadline = ${deadline}::date, created_at = created_at - make_interval(days => ${m.inDays + m.overdueBy}) where id = ${created.id}`.execute(db);
    await sql`update measure_events set at = at - make_interval(days => ${m.inDays + m.overdueBy}) where measure_id = ${created.id}`.execute(db);
  }
}
