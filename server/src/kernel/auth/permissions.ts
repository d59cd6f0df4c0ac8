/** The permissions a role can grant, and the built-in roles created at first start. */
import type { DataScopeLevel } from '../../contracts/users.js';

export const PERMISSIONS = {
  'registry:read': { zh: '查看登记信息', en: 'Read the registry' },
  'registry:write': { zh: '登记和修改', en: 'Register and edit' },
  'registry:import': { zh: '批量导入', en: 'Import' },
  'registry:export': { zh: '导出', en: 'Export' },
  'pii:reveal': { zh: '查看完整身份证号和电话', en: 'Reveal ID numbers and phones' },
  'health:reveal': { zh: '查看残疾和健康信息', en: 'Reveal disability and health facts' },
  'audit:read': { zh: '查看审计日志', en: 'Read the audit log' },
  'admin:users': { zh: '管理用户和角色', en: 'Manage users and roles' },
  'admin:orgs': { zh: '管理组织和区划', en: 'Manage organisations and regions' },
  'policy:read': { zh: '查看政策和测算结果', en: 'Read policies and their results' },
  'policy:write': { zh: '制定和修改政策', en: 'Write and change policies' },
  'policy:run': { zh: '运行政策找人、处理名单', en: 'Run "the policy finds the person" and act on the lists' },
  'benefit:read': { zh: '查看享受待遇', en: 'Read enrollments' },
  'benefit:apply': { zh: '发起待遇申请、暂停和停发', en: 'Apply for, suspend and stop benefits' },
  'benefit:review': { zh: '初审待遇申请、审核补发追回', en: 'Review applications, back pay and recovery' },
  'benefit:approve': { zh: '审批待遇申请', en: 'Approve applications' },
  'payment:read': { zh: '查看发放批次和台账', en: 'Read payment runs and the ledger' },
  'payment:run': { zh: '生成发放批次、一次性救助', en: 'Create payment runs and one-off grants' },
  'payment:approve': { zh: '审核发放批次、导出银行文件、导入回盘', en: 'Approve payment runs, export bank files, import returns' },
  'payment:account_reveal': { zh: '查看完整银行账号', en: 'See full bank account numbers' },
  'comparison:run': { zh: '信息比对', en: 'Compare other departments\' rolls' },
  'plan:read': { zh: '查看帮扶计划和措施', en: 'Read household plans and measures' },
  'plan:write': { zh: '制定帮扶计划、分派措施', en: 'Make household plans and assign measures' },
  'measure:handle': { zh: '办理本单位承接的措施（接收、退回、反馈进展）', en: 'Handle measures referred to one\'s organisation' },
  'visit:write': { zh: '记录走访和摸排', en: 'Record visits and census work' },
  'appeal:read': { zh: '查看诉求', en: 'Read appeals' },
  'appeal:intake': { zh: '受理登记诉求', en: 'Take in appeals' },
  'appeal:dispatch': { zh: '派单、仲裁退单、维护派单目录', en: 'Dispatch appeals, arbitrate returns, keep the dispatch catalogue' },
  'appeal:handle': { zh: '办理本单位的诉求', en: 'Handle appeals dispatched to one\'s organisation' },
} as const;

export type Permission = keyof typeof PERMISSIONS;
export const ALL_PERMISSIONS = Object.keys(PERMISSIONS) as Permission[];

export type { DataScopeLevel } from '../../contracts/users.js';

export const DATA_SCOPE_LABELS: Record<DataScopeLevel, { zh: string; en: string }> = {
  all: { zh: '全部数据', en: 'All data' },
  custom: { zh: '自定义数据', en: 'Custom' },
  dept: { zh: '本部门数据', en: 'Own organisation' },
  dept_and_below: { zh: '本部门及以下数据', en: 'Own organisation and below' },
  self: { zh: '仅本人数据', en: 'Own records only' },
};

export interface BuiltinRole {
  code: string;
  name: string;
  permissions: Permission[];
  dataScope: DataScopeLevel;
}

export const BUILTIN_ROLES: BuiltinRole[] = [
  { code: 'admin', name: '系统管理员', permissions: ALL_PERMISSIONS, dataScope: 'all' },
  { code: 'auditor', name: '审计员', permissions: ['audit:read', 'registry:read', 'benefit:read', 'payment:read', 'plan:read'], dataScope: 'all' },
  {
    code: 'caseworker',
    name: '帮扶干部',
    permissions: ['registry:read', 'registry:write', 'registry:import', 'registry:export', 'pii:reveal', 'health:reveal', 'policy:read', 'policy:run',
      'benefit:read', 'benefit:apply', 'benefit:review', 'payment:read', 'comparison:run', 'plan:read', 'plan:write', 'measure:handle', 'visit:write', 'appeal:read', 'appeal:handle'],
    dataScope: 'dept_and_below',
  },
  {
    code: 'policy_admin',
    name: '政策管理员',
    permissions: ['registry:read', 'policy:read', 'policy:write', 'policy:run', 'benefit:read', 'benefit:apply', 'benefit:review', 'benefit:approve',
      'payment:read', 'payment:run', 'comparison:run', 'plan:read'],
    dataScope: 'all',
  },
  // Releases money: approves runs someone else created, sends the bank file, books the bank's return.
  { code: 'finance', name: '财务人员', permissions: ['registry:read', 'benefit:read', 'payment:read', 'payment:approve', 'payment:account_reveal'], dataScope: 'all' },
  { code: 'grid_worker', name: '网格员', permissions: ['registry:read', 'registry:write', 'plan:read', 'measure:handle', 'visit:write', 'appeal:read', 'appeal:intake'], dataScope: 'dept' },
  // 12345 hotline: takes calls around the clock and dispatches them across the city.
  { code: 'hotline', name: '12345话务员', permissions: ['appeal:read', 'appeal:intake', 'appeal:dispatch'], dataScope: 'all' },
  // A partner unit sees households only through the measures referred to it (minimum necessary data).
  { code: 'partner', name: '合作单位', permissions: ['registry:read', 'measure:handle', 'appeal:read', 'appeal:handle'], dataScope: 'dept' },
  { code: 'leader', name: '领导', permissions: ['registry:read', 'registry:export', 'policy:read', 'benefit:read', 'payment:read', 'plan:read'], dataScope: 'dept_and_below' },
];
