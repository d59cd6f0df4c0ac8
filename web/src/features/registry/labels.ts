/**
 * The registry's words: relationships, fact kinds and their values, as the server defines
 * them (server/src/contracts/registry.ts, shared with the server). Labels are Chinese;
 * t() gives the English.
 */
import { RELATIONSHIP_LABELS, type FactKind } from '@contracts/registry';

export {
  ASSISTANCE_STATUSES, HARDSHIP_WORKER_CATEGORIES, SCHOOL_STAGES, SPECIAL_FAMILY_KINDS, INCAPACITY_LEVELS, ILLNESS_SEVERITIES,
  DISABILITY_CATEGORY_LABELS as DISABILITY_CATEGORIES, DISABILITY_GRADE_LABELS as DISABILITY_GRADES,
} from '@contracts/registry';
export type { FactKind, Relationship } from '@contracts/registry';

export const RELATIONSHIPS = RELATIONSHIP_LABELS;

export const FACT_KINDS: Record<FactKind, { label: string; subject: 'person' | 'household'; sensitive: boolean }> = {
  assistance_status: { label: '救助身份（低保/特困/低保边缘）', subject: 'household', sensitive: false },
  special_family: { label: '特殊家庭', subject: 'household', sensitive: false },
  disability: { label: '残疾', subject: 'person', sensitive: true },
  illness: { label: '重病/慢病', subject: 'person', sensitive: true },
  incapacitated: { label: '失能', subject: 'person', sensitive: true },
  employment: { label: '就业', subject: 'person', sensitive: false },
  school_stage: { label: '在学阶段', subject: 'person', sensitive: false },
  elderly_alone: { label: '独居老人', subject: 'person', sensitive: false },
  deceased: { label: '死亡（生效日期为死亡日期）', subject: 'person', sensitive: false },
  income: { label: '家庭月收入', subject: 'household', sensitive: false },
  hardship_worker: { label: '困难职工建档', subject: 'household', sensitive: false },
};


export const STATUS_COLORS: Record<string, string> = { dibao: 'red', tekun: 'volcano', dibao_edge: 'orange' };

/** Audit actions shown in a household's history. */
export const ACTIONS: Record<string, string> = {
  'household.created': '新增家庭',
  'household.updated': '修改地址/区划',
  'household.member_added': '添加成员',
  'household.member_removed': '移出成员',
  'fact.recorded': '记录信息',
  'fact.ended': '结束信息',
  'person.created': '新增人员',
  'person.updated': '修改人员信息',
  'person.revealed': '查看敏感信息',
};

export const SEX = { M: '男', F: '女' } as const;

/** Options for a Select from a label table, translated. */
export function optionsOf(table: Record<string | number, string>, t: (s: string) => string) {
  return Object.entries(table).map(([value, label]) => ({ value, label: t(label) }));
}
