/**
 * The 12345 side of the demo: appeal categories (those of the seed documents' six appeals and
 * the social-assistance ones huimin is for) and Yinchuan's dispatch catalogue.
 */
import type { Kysely } from 'kysely';
import type { Actor } from '../../kernel/auth/actor.js';
import { upsertCategory } from '../appeals/catalogue.repo.js';
import { setRule } from '../appeals/catalogue.service.js';
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

export async function seedDemoAppeals(db: Kysely<any>, actor: Actor, orgIds: Map<OrgKey, number>): Promise<void> {
  for (const [sort, c] of DEMO_CATEGORIES.entries()) {
    await upsertCategory(db, { code: c.code, name: c.name, description: c.description, active: true, sort });
    await setRule(db, actor, { categoryCode: c.code, regionCode: '640100', orgId: orgIds.get(c.org)!, limitAmount: c.amount, limitUnit: c.unit });
  }
}
