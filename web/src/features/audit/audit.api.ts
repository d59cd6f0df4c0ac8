/** The audit log API and the names of its actions. */
import { api } from '@/lib/api';

export interface AuditEntry {
  id: number;
  at: string;
  actorId: number | null;
  actorName: string;
  action: string;
  entityType: string | null;
  entityId: string | null;
  before: unknown;
  after: unknown;
  reason: string | null;
  ip: string | null;
  detail: unknown;
}

export interface AuditQuery {
  action?: string;
  actor?: string;
  from?: string;
  to?: string;
  page: number;
  pageSize: number;
}

export const searchAudit = (query: AuditQuery, signal?: AbortSignal) =>
  api.get<{ items: AuditEntry[]; total: number }>('/api/audit', { ...query }, signal);

export const AUDIT_ACTIONS: Record<string, string> = {
  'auth.sign_in': '登录',
  'auth.sign_in_failed': '登录失败',
  'auth.locked': '账号锁定',
  'auth.sign_out': '退出登录',
  'auth.password_changed': '修改密码',
  'user.created': '新增用户',
  'role.created': '新增角色',
  'organisation.created': '新增组织',
  'region.grid_added': '新增网格',
  'household.created': '新增家庭',
  'household.updated': '修改家庭',
  'household.member_added': '添加成员',
  'household.member_removed': '移出成员',
  'person.created': '新增人员',
  'person.updated': '修改人员',
  'person.revealed': '查看敏感信息',
  'fact.recorded': '记录信息',
  'fact.ended': '结束信息',
  'registry.import_validated': '导入校验',
  'registry.imported': '批量导入',
  'registry.exported': '导出名单',
};

export const ENTITY_TYPES: Record<string, string> = {
  household: '家庭', person: '人员', user: '用户', organisation: '组织', region: '区划', role: '角色', fact: '信息', import: '导入', import_batch: '导入批次',
};
