/** 政策管理: every policy with its active version, a draft waiting, the owner and how many receive it. */
import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Input, Table, Tag, type TableColumnsType } from 'antd';
import { useMemo, useState } from 'react';
import { Link } from 'react-router-dom';
import type { PolicySummary } from '@contracts/policies';
import { ErrorAlert } from '@/components/ErrorAlert';
import { PageHeader } from '@/components/PageHeader';
import { useAuth } from '@/lib/auth';
import { useI18n, type Translate } from '@/lib/i18n';
import { useRequest } from '@/lib/useRequest';
import { POLICY_WRITE } from './permissions';
import { listPolicies } from './policies.api';
import { PeriodLabel, TargetLabel } from './tags';

function columns(t: Translate, english: boolean): TableColumnsType<PolicySummary> {
  return [
    { title: t('编码'), dataIndex: 'code', render: (code: string) => <Link to={`/policies/${code}`} className="mono">{code}</Link> },
    {
      title: t('名称'),
      key: 'name',
      render: (_, p) => (
        <Flex gap={6} align="center" wrap>
          <Link to={`/policies/${p.code}`}>{english && p.nameEn ? p.nameEn : p.nameZh}</Link>
          {p.hasDraft && <Tag color="gold">{t('有草稿')}</Tag>}
        </Flex>
      ),
    },
    { title: t('享受对象'), dataIndex: 'target', render: (v) => <TargetLabel target={v} /> },
    { title: t('发放周期'), dataIndex: 'period', render: (v) => <PeriodLabel period={v} /> },
    {
      title: t('现行版本'),
      dataIndex: 'activeVersion',
      render: (v: number | null) => (v ? <Tag color="green">{t('第 {n} 版', { n: v })}</Tag> : <Tag>{t('未启用')}</Tag>),
    },
    { title: t('主管单位'), dataIndex: 'orgName' },
    { title: t('享受人数'), dataIndex: 'enrolledCount', align: 'right' },
    { title: t('有效期'), key: 'dates', render: (_, p) => (p.effectiveFrom ? `${p.effectiveFrom} ~ ${p.effectiveTo ?? t('长期')}` : '—') },
  ];
}

export function PoliciesPage() {
  const { t, language } = useI18n();
  const { can } = useAuth();
  const [q, setQ] = useState('');
  const { data, loading, error, reload } = useRequest((signal) => listPolicies(signal), []);
  const shown = useMemo(() => {
    const text = q.trim().toLowerCase();
    if (!text) return data ?? [];
    return (data ?? []).filter((p) => [p.code, p.nameZh, p.nameEn, p.orgName].some((s) => s.toLowerCase().includes(text)));
  }, [data, q]);

  return (
    <>
      <PageHeader
        title={t('政策管理')}
        subtitle={t('政策即数据：每次修改生成新版本，启用后用于政策找人。')}
        extra={can(POLICY_WRITE) && (
          <Link to="/policies/new"><Button type="primary" icon={<PlusOutlined />}>{t('新建政策')}</Button></Link>
        )}
      />
      <Card>
        <Flex vertical gap={16}>
          <Input.Search allowClear placeholder={t('按名称、编码或主管单位筛选')} onChange={(e) => setQ(e.target.value)} style={{ maxWidth: 420 }} aria-label={t('筛选')} />
          {error && <ErrorAlert error={error} onRetry={reload} />}
          <Table<PolicySummary> rowKey="code" columns={columns(t, language === 'en')} dataSource={shown} loading={loading} pagination={false} scroll={{ x: 'max-content' }} data-testid="policies-table" />
        </Flex>
      </Card>
    </>
  );
}
