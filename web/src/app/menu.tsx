/** The navigation: each entry appears only when the user holds its permission. */
import {
  AuditOutlined, ApartmentOutlined, CloudUploadOutlined, DashboardOutlined, HomeOutlined,
  SettingOutlined, TeamOutlined, UserOutlined, ClusterOutlined, BellOutlined, FileProtectOutlined, AimOutlined,
} from '@ant-design/icons';
import { AccountBookOutlined, CheckSquareOutlined, FundOutlined, SolutionOutlined, TableOutlined } from '@ant-design/icons';
import { DiffOutlined } from '@ant-design/icons';
import { CalendarOutlined, CarryOutOutlined, InboxOutlined, ScheduleOutlined } from '@ant-design/icons';
import { FileSearchOutlined, FlagOutlined } from '@ant-design/icons';
import { ApiOutlined, CustomerServiceOutlined, NodeIndexOutlined, PhoneOutlined, RollbackOutlined, UnorderedListOutlined } from '@ant-design/icons';
import { Menu, type MenuProps } from 'antd';
import type { ReactNode } from 'react';
import { useLocation, useNavigate } from 'react-router-dom';
import { useAuth, type Permission } from '@/lib/auth';
import { useT, type Translate } from '@/lib/i18n';
import { POLICY_READ } from '@/features/policies/permissions';
import '@/features/policies/i18n-en';
import '@/features/comparisons/i18n-en';
import '@/features/benefits/i18n-en';
import '@/features/payments/i18n-en';
import '@/features/visits/i18n-en';
import '@/features/campaigns/i18n-en';
import '@/features/appeals/i18n-en';
import '@/features/appeal-dashboard/i18n-en';
import '@/features/open311/i18n-en';

interface Entry {
  path: string;
  label: string;
  icon: ReactNode;
  /** Shown when the user holds it, or any of them. */
  permission?: Permission | Permission[];
}

const MAIN: Entry[] = [
  { path: '/', label: '首页', icon: <DashboardOutlined /> },
  { path: '/households', label: '家庭台账', icon: <HomeOutlined />, permission: 'registry:read' },
  { path: '/persons', label: '人员查询', icon: <TeamOutlined />, permission: 'registry:read' },
  { path: '/measures', label: '措施清单', icon: <ScheduleOutlined />, permission: 'plan:read' },
  { path: '/meetings', label: '联席会议', icon: <ApartmentOutlined />, permission: 'plan:read' },
  { path: '/inbox', label: '本单位待办', icon: <InboxOutlined />, permission: 'measure:handle' },
  { path: '/visits', label: '走访记录', icon: <CarryOutOutlined />, permission: 'visit:write' },
  { path: '/census-tasks', label: '我的摸排任务', icon: <FlagOutlined />, permission: 'visit:write' },
  { path: '/campaigns', label: '摸排任务', icon: <FileSearchOutlined />, permission: 'plan:read' },
  { path: '/policies', label: '政策管理', icon: <FileProtectOutlined />, permission: POLICY_READ },
  { path: '/policy-runs', label: '政策找人', icon: <AimOutlined />, permission: POLICY_READ },
  { path: '/benefits/inbox', label: '待遇审批', icon: <CheckSquareOutlined />, permission: ['benefit:review', 'benefit:approve'] },
  { path: '/enrollments', label: '享受名单', icon: <SolutionOutlined />, permission: 'benefit:read' },
  { path: '/payments', label: '发放管理', icon: <AccountBookOutlined />, permission: 'payment:read' },
  { path: '/ledger', label: '月度台账', icon: <TableOutlined />, permission: 'payment:read' },
  { path: '/funding', label: '资金与预算', icon: <FundOutlined />, permission: 'payment:read' },
  { path: '/notifications', label: '消息提醒', icon: <BellOutlined /> },
  { path: '/imports', label: '数据导入', icon: <CloudUploadOutlined />, permission: 'registry:import' },
  { path: '/comparisons', label: '信息比对', icon: <DiffOutlined />, permission: 'comparison:run' },
  { path: '/audit', label: '审计日志', icon: <AuditOutlined />, permission: 'audit:read' },
];

const ADMIN: Entry[] = [
  { path: '/admin/users', label: '用户管理', icon: <UserOutlined />, permission: 'admin:users' },
  { path: '/admin/organisations', label: '组织机构', icon: <ApartmentOutlined />, permission: 'admin:orgs' },
  { path: '/admin/grids', label: '区划与网格', icon: <ClusterOutlined />, permission: 'admin:orgs' },
  { path: '/admin/calendar', label: '工作日历', icon: <CalendarOutlined />, permission: 'admin:orgs' },
];

/** 诉求办理 (12345): one group, each page by its permission. */
const APPEALS: Entry[] = [
  { path: '/appeals/new', label: '诉求受理', icon: <PhoneOutlined />, permission: 'appeal:intake' },
  { path: '/appeals', label: '诉求列表', icon: <UnorderedListOutlined />, permission: 'appeal:read' },
  { path: '/appeals/dashboard', label: '诉求分析', icon: <FundOutlined />, permission: 'appeal:read' },
  { path: '/appeals/inbox', label: '本单位诉求', icon: <InboxOutlined />, permission: 'appeal:handle' },
  { path: '/appeals/returns', label: '退单仲裁', icon: <RollbackOutlined />, permission: 'appeal:dispatch' },
  { path: '/admin/dispatch-rules', label: '派单目录', icon: <NodeIndexOutlined />, permission: 'appeal:dispatch' },
  // The keys of outside systems that report appeals through Open311; the API asks for admin:orgs.
  { path: '/admin/open311-clients', label: '外部系统接入', icon: <ApiOutlined />, permission: 'admin:orgs' },
];

type Item = Required<MenuProps>['items'][number];

function menuItems(can: (p: Permission) => boolean, t: Translate): Item[] {
  const allowed = (e: Entry) => !e.permission || [e.permission].flat().some(can);
  const item = (e: Entry): Item => ({ key: e.path, icon: e.icon, label: t(e.label) });
  const items: Item[] = MAIN.filter(allowed).map(item);
  const appeals = APPEALS.filter(allowed);
  if (appeals.length > 0) items.push({ key: 'appeals', icon: <CustomerServiceOutlined />, label: t('诉求办理'), children: appeals.map(item) });
  const admin = ADMIN.filter(allowed);
  if (admin.length > 0) items.push({ key: 'admin', icon: <SettingOutlined />, label: t('系统管理'), children: admin.map(item) });
  return items;
}

/** The menu key of the current page: /households/12 → /households. */
function selectedKey(pathname: string): string {
  const all = [...MAIN, ...ADMIN, ...APPEALS].map((e) => e.path).filter((p) => p !== '/');
  return all.filter((p) => pathname === p || pathname.startsWith(p + '/')).sort((a, b) => b.length - a.length)[0] ?? '/';
}

export function NavigationMenu({ onNavigate }: { onNavigate?: () => void }) {
  const { can } = useAuth();
  const t = useT();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const selected = selectedKey(pathname);
  return (
    <Menu
      theme="dark"
      mode="inline"
      selectedKeys={[selected]}
      defaultOpenKeys={APPEALS.some((e) => e.path === selected) ? ['appeals'] : selected.startsWith('/admin') ? ['admin'] : []}
      items={menuItems(can, t)}
      onClick={({ key }) => {
        navigate(key);
        onNavigate?.();
      }}
      className="nav-menu"
    />
  );
}
