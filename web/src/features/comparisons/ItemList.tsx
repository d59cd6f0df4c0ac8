/**
 * One list of a comparison (应纳入, 应变更, 应退出, 未匹配 or 信息不一致): paged, filtered by
 * whether handled, exportable, and acted on one by one or several at once — accepting writes
 * through the registry or the benefits flow, not accepting (or marking checked) needs a reason.
 * Table rows on a wide screen, cards on a phone.
 */
import { App, Button, Card, Empty, Flex, Form, Input, Pagination, Popconfirm, Select, Space, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { DownloadButton } from '@/components/DownloadButton';
import { ErrorAlert } from '@/components/ErrorAlert';
import { FormModal } from '@/components/FormModal';
import { useAuth } from '@/lib/auth';
import { useT, type Translate } from '@/lib/i18n';
import { useIsNarrow } from '@/lib/useMedia';
import { useRequest } from '@/lib/useRequest';
import {
  decideItems, exportPath, ITEM_STATUS_LABELS, listItems, type ComparisonItem, type ComparisonRun, type ItemDecision, type ItemKind, type ItemStatus,
} from './comparisons.api';

const STATUS_COLORS: Record<ItemStatus, string> = { pending: 'gold', accepted: 'green', dismissed: 'default' };
/** Unmatched and conflicting rows have nothing to write: they are checked, then set aside with what was found. */
const actionable = (kind: ItemKind) => kind === 'to_add' || kind === 'to_change' || kind === 'to_stop';
const dismissLabel = (kind: ItemKind) => (actionable(kind) ? '不采纳' : '已核实');

function Decision({ item }: { item: ComparisonItem }) {
  const t = useT();
  return (
    <Flex vertical>
      <span><Tag color={STATUS_COLORS[item.status]}>{t(ITEM_STATUS_LABELS[item.status])}</Tag>{item.decidedByName}</span>
      {item.decisionReason && <Typography.Text type="secondary">{item.decisionReason}</Typography.Text>}
    </Flex>
  );
}

function Subject({ item }: { item: ComparisonItem }) {
  const t = useT();
  return (
    <Flex vertical>
      <span>{item.name}{item.registryName && item.registryName !== item.name ? `（${t('台账')}：${item.registryName}）` : ''}</span>
      <Typography.Text type="secondary" copyable={false}>{item.idNumber}</Typography.Text>
      {item.householdId && <Link to={`/households/${item.householdId}`}>{t('查看家庭')}</Link>}
    </Flex>
  );
}

type Act = (items: ComparisonItem[], decision: ItemDecision) => void;

// Accepting writes facts (or stops a benefit): it needs the right to change the registry.
function Actions({ item, act, t, canWrite }: { item: ComparisonItem; act: Act; t: Translate; canWrite: boolean }) {
  if (item.status !== 'pending') return <Decision item={item} />;
  return (
    <Space size={0} wrap>
      {actionable(item.kind) && canWrite && (
        <Popconfirm title={t('采纳后将按“采纳后”一栏写入，确定？')} okText={t('采纳')} cancelText={t('取消')} onConfirm={() => act([item], 'accept')}>
          <Button type="link" size="small">{t('采纳')}</Button>
        </Popconfirm>
      )}
      <Button type="link" size="small" danger={actionable(item.kind)} onClick={() => act([item], 'dismiss')}>{t(dismissLabel(item.kind))}</Button>
    </Space>
  );
}

function columns(t: Translate, act: Act, canWrite: boolean): TableColumnsType<ComparisonItem> {
  return [
    { title: t('名册行'), dataIndex: 'rowNo', width: 80, render: (v: number | null) => v ?? '—' },
    { title: t('对象'), key: 'subject', render: (_, item) => <Subject item={item} /> },
    { title: t('原因'), dataIndex: 'reason', width: 320 },
    { title: t('采纳后'), dataIndex: 'action', width: 220, render: (v: string | null) => v ?? '—' },
    { title: t('处理'), key: 'decision', fixed: 'right', render: (_, item) => <Actions item={item} act={act} t={t} canWrite={canWrite} /> },
  ];
}

export function ItemList({ run, kind, onDecided }: { run: ComparisonRun; kind: ItemKind; onDecided: () => void }) {
  const t = useT();
  const { can } = useAuth();
  const { message, modal } = App.useApp();
  const narrow = useIsNarrow();
  const [status, setStatus] = useState<ItemStatus | undefined>('pending');
  const [page, setPage] = useState({ page: 1, pageSize: 20 });
  const [selected, setSelected] = useState<number[]>([]);
  const [dismissing, setDismissing] = useState<ComparisonItem[] | null>(null);
  const [busy, setBusy] = useState(false);
  const { data, loading, error, reload } = useRequest((signal) => listItems(run.id, { kind, status }, page.page, page.pageSize, signal), [run.id, kind, status, page.page, page.pageSize]);
  const items = data?.items ?? [];

  const decide = async (targets: ComparisonItem[], decision: ItemDecision, reason?: string) => {
    const result = await decideItems(run.id, targets.map((i) => i.id), decision, reason);
    const done = result.accepted + result.dismissed;
    if (done > 0) message.success(decision === 'accept' ? t('已采纳 {n} 条', { n: result.accepted }) : t('已处理 {n} 条', { n: result.dismissed }));
    if (result.failed.length > 0) {
      modal.warning({ title: t('{n} 条未能处理', { n: result.failed.length }), content: <ul>{result.failed.map((f) => <li key={f.id}>{f.message}</li>)}</ul> });
    }
    setSelected([]);
    await reload();
    onDecided();
  };
  const act: Act = (targets, decision) => {
    if (decision === 'dismiss') return setDismissing(targets);
    setBusy(true);
    decide(targets, 'accept').catch((e) => message.error((e as Error).message)).finally(() => setBusy(false));
  };
  const chosen = items.filter((i) => selected.includes(i.id));

  return (
    <Flex vertical gap={12} data-testid={`items-${kind}`}>
      <Flex wrap gap={12} align="center">
        <Select allowClear placeholder={t('处理情况')} aria-label={t('处理情况')} value={status} style={{ minWidth: 140 }}
          onChange={(v?: ItemStatus) => { setStatus(v); setPage((p) => ({ ...p, page: 1 })); }}
          options={(Object.keys(ITEM_STATUS_LABELS) as ItemStatus[]).map((s) => ({ value: s, label: t(ITEM_STATUS_LABELS[s]) }))} />
        {actionable(kind) && !narrow && can('registry:write') && (
          <Popconfirm title={t('采纳所选的 {n} 条？', { n: chosen.length })} okText={t('采纳')} cancelText={t('取消')} disabled={chosen.length === 0} onConfirm={() => act(chosen, 'accept')}>
            <Button type="primary" disabled={chosen.length === 0} loading={busy}>{t('采纳所选（{n}）', { n: chosen.length })}</Button>
          </Popconfirm>
        )}
        {!narrow && <Button disabled={chosen.length === 0} onClick={() => act(chosen, 'dismiss')}>{t(`${dismissLabel(kind)}所选（{n}）`, { n: chosen.length })}</Button>}
        {can('registry:export') && (
          <DownloadButton path={exportPath(run.id)} query={{ kind, status }} fileName={`comparison-${run.id}.xlsx`}>{t('导出 Excel')}</DownloadButton>
        )}
      </Flex>
      {error && <ErrorAlert error={error} onRetry={reload} />}
      {narrow ? (
        <Flex vertical gap={8} className="card-list">
          {items.map((item) => (
            <Card key={item.id} size="small" data-testid="item-card" title={<Subject item={item} />}>
              <Typography.Paragraph style={{ margin: 0 }}>{item.reason}</Typography.Paragraph>
              {item.action && <Typography.Paragraph type="secondary" style={{ margin: '4px 0' }}>{t('采纳后')}：{item.action}</Typography.Paragraph>}
              <Actions item={item} act={act} t={t} canWrite={can('registry:write')} />
            </Card>
          ))}
          {!loading && items.length === 0 && <Empty description={t('没有符合条件的记录')} />}
        </Flex>
      ) : (
        <Table<ComparisonItem> rowKey="id" columns={columns(t, act, can('registry:write'))} dataSource={items} loading={loading} pagination={false} size="middle" scroll={{ x: 'max-content' }}
          rowSelection={{ selectedRowKeys: selected, onChange: (keys) => setSelected(keys as number[]), getCheckboxProps: (item) => ({ disabled: item.status !== 'pending' }) }}
          locale={{ emptyText: <Empty description={t('没有符合条件的记录')} /> }} data-testid="items-table" />
      )}
      {data && data.total > 0 && (
        <Flex justify="end">
          <Pagination simple={narrow} current={page.page} pageSize={page.pageSize} total={data.total} showSizeChanger={!narrow}
            showTotal={(n) => t('共 {n} 条', { n })} onChange={(p, size) => setPage({ page: p, pageSize: size })} />
        </Flex>
      )}
      {dismissing && (
        <FormModal<{ reason: string }> title={t(dismissLabel(kind))} okText={t('确定')} onClose={() => setDismissing(null)} submitOnEnter
          onSubmit={async ({ reason }) => {
            await decide(dismissing, 'dismiss', reason.trim());
            setDismissing(null);
          }}>
          <Form.Item name="reason" label={t('原因')} rules={[{ required: true, whitespace: true, message: t('请填写原因') }]}>
            <Input.TextArea rows={3} maxLength={500} showCount placeholder={t('如：已电话核实，民政数据有误')} />
          </Form.Item>
        </FormModal>
      )}
    </Flex>
  );
}
