/**
 * 外部系统接入 (/admin/open311-clients): the outside systems (a FixMyStreet site, a district's
 * grid platform) that submit and follow appeals through the Open311 API, each with its own key.
 * An administrator creates a client (the key is shown once) and deactivates one whose key is
 * lost or no longer needed; deactivation cannot be undone — a new client gets a new key.
 */
import { PlusOutlined, StopOutlined } from '@ant-design/icons';
import { App, Button, Card, Popconfirm, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { ErrorAlert } from '@/components/ErrorAlert';
import { PageHeader } from '@/components/PageHeader';
import { formatDateTime } from '@/lib/dayjs';
import { useT } from '@/lib/i18n';
import { useRequest } from '@/lib/useRequest';
import { CreateClientModal } from './CreateClientModal';
import { deactivateOpen311Client, listOpen311Clients, type Open311Client } from './open311.api';

export function Open311ClientsPage() {
  const t = useT();
  const { message } = App.useApp();
  const { data, error, loading, reload } = useRequest((signal) => listOpen311Clients(signal), []);
  const [creating, setCreating] = useState(false);

  const deactivate = async (client: Open311Client) => {
    try {
      await deactivateOpen311Client(client.id);
      message.success(t('已停用 {name}', { name: client.name }));
      await reload();
    } catch (e) {
      message.error((e as Error).message);
    }
  };

  const columns: TableColumnsType<Open311Client> = [
    { key: 'name', title: t('名称'), dataIndex: 'name' },
    { key: 'key', title: t('密钥前缀'), render: (_, c) => <Typography.Text className="mono">{c.keyHint}…</Typography.Text> },
    {
      key: 'region', title: t('默认区划'),
      render: (_, c) => (c.defaultRegionCode ? <>{c.defaultRegionName ?? ''} <Typography.Text type="secondary">{c.defaultRegionCode}</Typography.Text></> : '—'),
    },
    {
      key: 'status', title: t('状态'),
      render: (_, c) => (c.active ? <Tag color="green">{t('启用')}</Tag> : <Tag color="red">{t('已停用')}{c.deactivatedAt ? ` · ${formatDateTime(c.deactivatedAt)}` : ''}</Tag>),
    },
    { key: 'requests', title: t('已提交诉求'), dataIndex: 'requestCount' },
    { key: 'created', title: t('创建时间'), render: (_, c) => formatDateTime(c.createdAt) },
    {
      key: 'actions', title: t('操作'),
      render: (_, c) => c.active && (
        <Popconfirm title={t('停用此客户端？')} description={t('其密钥立即失效，对方系统将不能再提交或查询诉求；停用不能撤销。已提交的诉求不受影响。')}
          okText={t('停用')} okButtonProps={{ danger: true }} cancelText={t('取消')} onConfirm={() => deactivate(c)}>
          <Button size="small" danger icon={<StopOutlined />} aria-label={t('停用 {name}', { name: c.name })}>{t('停用')}</Button>
        </Popconfirm>
      ),
    },
  ];

  return (
    <>
      <PageHeader
        title={t('外部系统接入')}
        subtitle={t('外部系统（如 FixMyStreet、区县网格化平台）通过 Open311 接口提交和跟踪诉求，每个系统使用自己的 API 密钥。')}
        extra={<Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>{t('新建客户端')}</Button>}
      />
      {error && <ErrorAlert error={error} onRetry={reload} />}
      <Card className="page-section">
        <Table<Open311Client> rowKey="id" size="middle" columns={columns} dataSource={data ?? []} loading={loading} data-testid="open311-clients"
          scroll={{ x: 'max-content' }} pagination={{ pageSize: 50, hideOnSinglePage: true }} />
      </Card>
      {creating && <CreateClientModal onClose={() => setCreating(false)} onCreated={() => void reload()} />}
    </>
  );
}
