/**
 * 版本历史: every version, newest first, with its status; a draft can be adopted (the active
 * version then stops) or simulated against the active one first. Rows open to the version.
 */
import { App, Button, Popconfirm, Space, Table, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import type { PolicyDetail, PolicyVersion } from '@contracts/policies';
import { useAuth } from '@/lib/auth';
import { formatDateTime } from '@/lib/dayjs';
import { useT } from '@/lib/i18n';
import { POLICY_WRITE } from './permissions';
import { adoptVersion, simulateVersion } from './policies.api';
import { VersionStatusTag } from './tags';
import { VersionDetails, describeBenefit } from './VersionDetails';

export function VersionHistory({ policy, onChanged }: { policy: PolicyDetail; onChanged: () => void }) {
  const t = useT();
  const { can } = useAuth();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [busy, setBusy] = useState<string | null>(null);

  const act = async (key: string, work: () => Promise<void>) => {
    setBusy(key);
    try {
      await work();
    } catch (error) {
      message.error((error as Error).message);
    } finally {
      setBusy(null);
    }
  };

  const adopt = (v: PolicyVersion) =>
    act(`adopt-${v.version}`, async () => {
      await adoptVersion(policy.code, v.version);
      message.success(t('第 {n} 版已启用', { n: v.version }));
      onChanged();
    });

  const simulate = (v: PolicyVersion) =>
    act(`simulate-${v.version}`, async () => {
      const run = await simulateVersion(policy.code, v.version);
      navigate(`/policies/${policy.code}/simulations/${run.id}`);
    });

  const columns: TableColumnsType<PolicyVersion> = [
    { title: t('版本'), dataIndex: 'version', render: (n: number) => t('第 {n} 版', { n }) },
    { title: t('状态'), dataIndex: 'status', render: (s: PolicyVersion['status']) => <VersionStatusTag status={s} /> },
    { title: t('享受标准'), key: 'benefit', render: (_, v) => describeBenefit(v.benefit, v.period, t), ellipsis: true, width: 260 },
    { title: t('生效日期'), dataIndex: 'effectiveFrom' },
    { title: t('创建人'), dataIndex: 'createdByName', render: (v: string | null) => v ?? t('系统') },
    { title: t('创建时间'), dataIndex: 'createdAt', render: formatDateTime },
    { title: t('启用时间'), dataIndex: 'adoptedAt', render: formatDateTime },
    {
      title: t('操作'),
      key: 'actions',
      fixed: 'right',
      render: (_, v) =>
        can(POLICY_WRITE) && (
          <Space size={0} wrap>
            {v.status === 'draft' && (
              <>
                <Button type="link" size="small" loading={busy === `simulate-${v.version}`} onClick={() => simulate(v)}>
                  {t('模拟测算')}
                </Button>
                <Popconfirm
                  title={t('启用第 {n} 版？', { n: v.version })}
                  description={t('启用后现行版本停用，政策找人按新版本执行。')}
                  okText={t('启用')}
                  cancelText={t('取消')}
                  onConfirm={() => adopt(v)}
                >
                  <Button type="link" size="small" loading={busy === `adopt-${v.version}`}>{t('启用')}</Button>
                </Popconfirm>
              </>
            )}
            <Button type="link" size="small" onClick={() => navigate(`/policies/${policy.code}/edit?from=${v.version}`)}>
              {t('以此为基础修改')}
            </Button>
          </Space>
        ),
    },
  ];

  return (
    <Table<PolicyVersion>
      rowKey="id"
      columns={columns}
      dataSource={policy.versions}
      pagination={false}
      scroll={{ x: 'max-content' }}
      expandable={{ expandedRowRender: (v) => <VersionDetails version={v} /> }}
      data-testid="versions-table"
    />
  );
}
