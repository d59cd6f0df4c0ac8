/**
 * The 12345 side of the demo: appeal categories (those of the seed documents' six appeals and
 * the social-assistance ones huimin is for) and Yinchuan's dispatch catalogue.
 */
import type { Kysely } from 'kysely';
import type { Actor } from '../../kernel/auth/actor.js';
import { EMPTY_SCOPE } from '../../kernel/auth/scope.js';
import { takeIn } from '../appeals/appeals.service.js';
import { upsertCategory } from '../appeals/catalogue.repo.js';
import { setRule } from '../appeals/catalogue.service.js';
import { approveReply, draftReply, recordSatisfaction } from '../appeals/replies.service.js';
import { acceptAppeal, arbitrateReturn, dispatchAppeal, returnAppeal, transferAppeal } from '../appeals/workflow.service.js';
import type { OrgKey } from './demo-data.js';

export const DEMO_CATEGORIES: Array<{ code: string; name: string; description: string; org: OrgKey; amount: number; unit: 'workdays' | 'hours' }> = [
  { code: 'city_appearance', name: '市容环境', description: '户外广告、亮化设施、乱堆乱放等', org: 'ycUrban', amount: 3, unit: 'workdays' },
  { code: 'noise', name: '噪声扰民', description: '商铺喇叭、施工噪声、夜间扰民等', org: 'ycUrban', amount: 24, unit: 'hours' },
  { code: 'telecom', name: '通信设施', description: '通信线缆、基站、光交箱等', org: 'telecom', amount: 2, unit: 'workdays' },
  { code: 'utilities', name: '供水供暖', description: '停水、供暖不热、管道漏水等', org: 'ycHousing', amount: 24, unit: 'hours' },
  { code: 'road_facilities', name: '道路设施', description: '井盖、路面破损、施工安全警示等', org: 'ycUrban', amount: 2, unit: 'workdays' },
  { code: 'social_assistance', name: '困难救助', description: '生活困难、低保、临时救助、帮扶政策咨询', org: 'ycCivil', amount: 5, unit: 'workdays' },
  { code: 'worker_rights', name: '职工权益', description: '困难职工帮扶、劳动关系、工会服务', org: 'ycUnion', amount: 5, unit: 'workdays' },
];

/**
 * The six appeals of the seed's newspaper column ("近日群众有哪些诉求，又是如何解决的"), taken in
 * and handled through the same services as any other: the catalogue's unit passes each one on
 * (转办) to the unit that answered it, the telecom company returns the fallen cable (it is a
 * motorway's) and the arbiter sends it to the regional SASAC, Guyuan's appeal has no catalogue
 * rule and is dispatched by hand. All are answered and published; the last waits for its call.
 */
interface ColumnAppeal {
  categoryCode: string;
  regionCode: string;
  address: string;
  description: string;
  route: { transferFrom?: OrgKey; returnedBy?: { org: OrgKey; reason: string }; dispatchedBy?: true };
  unit: OrgKey;
  question: string;
  answer: string;
  called: boolean;
}

export const COLUMN_APPEALS: ColumnAppeal[] = [
  {
    categoryCode: 'city_appearance', regionCode: '640104', address: '兴庆区玉皇阁街',
    description: '玉皇阁街的装饰灯带白天也一直亮着，浪费电，希望有关部门管一管。',
    route: { transferFrom: 'ycUrban' }, unit: 'xqProperty',
    question: '兴庆区玉皇阁街装饰灯带白天常亮，存在浪费行为。',
    answer: '接到诉求后，立即转办至兴庆区兴辰物业服务有限公司。经核实，该路段装饰灯带因时段控制程序故障，导致出现非规定时段常亮的情况。技术人员已完成程序调试，恢复了灯带夜间开启、日间关闭的合理运行模式，杜绝能源浪费。',
    called: true,
  },
  {
    categoryCode: 'city_appearance', regionCode: '640106', address: '金凤区万科大都会北区南门',
    description: '小区南门的商户电子显示屏晚上一直开着，灯光直射卧室，影响休息。',
    route: { transferFrom: 'ycUrban' }, unit: 'jfEnforcement',
    question: '金凤区万科大都会北区南门商户显示屏夜间灯光扰民。',
    answer: '接到诉求后，立即转办至金凤区长城中路街道执法中队。该中队委派执法人员赴现场核实，要求商家每日21:30以后关闭电子显示屏，同时安排夜班值守人员每日对电子显示屏关闭情况进行巡查核实，确保整改落实到位。',
    called: true,
  },
  {
    categoryCode: 'telecom', regionCode: '640181', address: '灵武市梧桐树乡农场三站桥洞下',
    description: '农场三站桥洞下有通信电缆掉下来，车辆和行人经过很危险。',
    route: { returnedBy: { org: 'telecom', reason: '经现场查看，掉落线缆不是我公司的，属高速公路通信线缆' } }, unit: 'nxSasac',
    question: '灵武市梧桐树乡农场三站桥洞下通信电缆掉落，存在安全隐患。',
    answer: '接到诉求后，立即转办至自治区国有资产监督管理委员会。经核实，宁夏交投高速公路管理有限公司银川事业部接诉当日与诉求人进行电话沟通，掌握情况后组织机场养护中心进行应急维修，第一时间消除安全隐患。',
    called: true,
  },
  {
    categoryCode: 'utilities', regionCode: '640100', address: '宁夏工商职业技术大学',
    description: '学校宿舍停水了，暖气也不热，影响正常生活。',
    route: { transferFrom: 'ycHousing' }, unit: 'nxBusinessCollege',
    question: '宁夏工商职业技术大学停水且暖气不热，影响正常生活。',
    answer: '接到诉求后，立即转办至宁夏工商职业技术大学。经核实，学校供水主管网突发爆管，同时供热管网发生两处严重漏水。为确保供水供暖安全，以上故障已于接诉当日完成修复，并恢复供水供暖。',
    called: true,
  },
  {
    categoryCode: 'road_facilities', regionCode: '640122', address: '贺兰县桃园东路典雅居小区B区大门口',
    description: '小区B区大门口的下水井在维修，井口敞着，旁边没有任何警示标志，晚上很容易出事。',
    route: { transferFrom: 'ycUrban' }, unit: 'hlHousing',
    question: '贺兰县桃园东路典雅居小区B区大门口下水井维修期间，未放置警示标志，存在安全隐患。',
    answer: '接到诉求后，立即转办至贺兰县住房和城乡建设局。该局立即责令小区物业在施工点放置锥形桶，并安排保安提醒业主缓慢通行。',
    called: true,
  },
  {
    categoryCode: 'noise', regionCode: '640402', address: '原州区福满苑小区附近早市',
    description: '小区附近早市的流动摊贩用高音喇叭叫卖，一大早就吵得没法休息，请协调处理。',
    route: { dispatchedBy: true }, unit: 'yzEnforcement',
    question: '原州区福满苑小区附近早市有流动摊贩使用高音喇叭，影响居民正常休息，要求协调处理。',
    answer: '接到诉求后，立即转办至原州区综合执法局。经核实，接诉次日执法人员已责令摊贩关闭喇叭，告知摊贩禁止使用高音设备招揽顾客，避免影响周边居民正常生活。',
    called: false,
  },
];

/** A member of a unit as the services see them: handles the unit's appeals, nothing more. */
function unitActor(orgIds: Map<OrgKey, number>, org: OrgKey): Actor {
  const orgId = orgIds.get(org)!;
  return { id: null, name: '承办人', orgId, permissions: new Set(['appeal:read', 'appeal:handle']), scope: { ...EMPTY_SCOPE, orgIds: [orgId] }, ip: null };
}

async function seedColumnAppeal(db: Kysely<any>, operator: Actor, orgIds: Map<OrgKey, number>, a: ColumnAppeal, index: number): Promise<void> {
  const input = { categoryCode: a.categoryCode, description: a.description, address: a.address, regionCode: a.regionCode, contactName: '市民', contactPhone: `1390951${String(1000 + index).slice(-4)}` };
  const { appeal } = await takeIn(db, operator, input, 'hotline', null);
  const unit = orgIds.get(a.unit)!;
  if (a.route.transferFrom) {
    const first = unitActor(orgIds, a.route.transferFrom);
    await acceptAppeal(db, first, appeal.id);
    await transferAppeal(db, first, appeal.id, { orgId: unit, note: '经核实属该单位职责，转其办理' });
  } else if (a.route.returnedBy) {
    await returnAppeal(db, unitActor(orgIds, a.route.returnedBy.org), appeal.id, { note: a.route.returnedBy.reason });
    await arbitrateReturn(db, operator, appeal.id, { upheld: true, orgId: unit, note: '线缆属高速公路管理单位，改派国资监管部门督促办理' });
  } else {
    await dispatchAppeal(db, operator, appeal.id, { orgId: unit, limit: { amount: 24, unit: 'hours' }, note: '派单目录未覆盖该区划，人工派单' });
  }
  const handler = unitActor(orgIds, a.unit);
  await acceptAppeal(db, handler, appeal.id);
  await draftReply(db, handler, appeal.id, { reply: a.answer });
  await approveReply(db, operator, appeal.id, { publish: true, publicQuestion: a.question, publicAnswer: a.answer });
  if (a.called) await recordSatisfaction(db, operator, appeal.id, { value: 'satisfied', note: null });
}

export async function seedDemoAppeals(db: Kysely<any>, actor: Actor, orgIds: Map<OrgKey, number>): Promise<void> {
  for (const [sort, c] of DEMO_CATEGORIES.entries()) {
    await upsertCategory(db, { code: c.code, name: c.name, description: c.description, active: true, sort });
    await setRule(db, actor, { categoryCode: c.code, regionCode: '640100', orgId: orgIds.get(c.org)!, limitAmount: c.amount, limitUnit: c.unit });
  }
  const operator: Actor = { ...actor, name: '12345话务员', orgId: orgIds.get('ycHotline')! };
  for (const [index, appeal] of COLUMN_APPEALS.entries()) await seedColumnAppeal(db, operator, orgIds, appeal, index);
  // Two still open, so the unit's inbox and the list have work in them.
  await takeIn(db, operator, { categoryCode: 'noise', description: '小区楼下烧烤店每天营业到凌晨两点，排风机噪音很大。', address: '金凤区正源北街某小区', regionCode: '640106', contactName: '市民', contactPhone: '13909512001' }, 'hotline', null);
  await takeIn(db, operator, { categoryCode: 'worker_rights', description: '我是困难职工，爱人刚做完手术，想咨询工会有没有医疗救助。', address: '西夏区怀远路', regionCode: '640105', contactName: '市民', contactPhone: '13909512002' }, 'hotline', null);
}
