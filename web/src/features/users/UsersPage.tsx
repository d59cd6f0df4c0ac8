/** 用户管理: the accounts, their organisation and roles; create one with a generated first password. */
import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Table, Tag, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { ErrorAlert } from '@/components/ErrorAlert';
import { PageHeader } from '@/components/PageHeader';
import { formatDateTime } from '@/lib/dayjs';
import { useT } from '@/lib/i18n';
import { useRequest } from '@/lib/useRequest';
import { CreateUserModal } from './CreateUserModal';
import { listRoles, listUsers, type UserSummary } from './users.api';

export function UsersPage() {
  const t = useT();
  const users = useRequest((signal) => listUsers(signal), []);
  const roles = useRequest((signal) => listRoles(signal), []);
  const [creating, setCreating] = useState(false);
  const roleName = new Map((roles.data ?? []).map((r) => [r.code, r.name]));

  const columns: TableColumnsType<UserSummary> = [
    { title: t('用户名'), dataIndex: 'username' },
    { title: t('姓名'), dataIndex: 'displayName' },
    { title: t('所属组织'), dataIndex: 'orgName' },
    { title: t('角色'), dataIndex: 'roles', render: (codes: string[]) => codes.map((c) => <Tag key={c}>{roleName.get(c) ?? c}</Tag>) },
    {
      title: t('状态'),
      key: 'status',
      render: (_, u) =>
        u.disabled ? <Tag color="red">{t('已停用')}</Tag> : u.mustChangePassword ? <Tag color="orange">{t('待修改初始密码')}</Tag> : <Tag color="green">{t('正常')}</Tag>,
    },
    { title: t('最近登录'), dataIndex: 'lastSignInAt', render: (v: string | null) => (v ? formatDateTime(v) : '—') },
  ];

  return (
    <>
      <PageHeader
        title={t('用户管理')}
        extra={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} disabled={!roles.data}>
            {t('新增用户')}
          </Button>
        }
      />
      {users.error && <ErrorAlert error={users.error} onRetry={users.reload} />}
      <Card>
        <Table<UserSummary> rowKey="id" columns={columns} dataSource={users.data ?? []} loading={users.loading} scroll={{ x: 'max-content' }} pagination={{ pageSize: 50, hideOnSinglePage: true }} />
      </Card>
      {creating && roles.data && <CreateUserModal roles={roles.data} onClose={() => setCreating(false)} onCreated={() => void users.reload()} />}
    </>
  );
}
