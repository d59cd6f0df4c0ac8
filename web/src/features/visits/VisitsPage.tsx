/**
 * 走访记录 — the grid worker's phone page: her recent visits as cards, the drafts still waiting
 * for a network, and 记录走访. Opening it sends any waiting draft.
 */
import { CloudUploadOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Empty, Flex, Pagination, Popconfirm, Skeleton, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { ErrorAlert } from '@/components/ErrorAlert';
import { PageHeader } from '@/components/PageHeader';
import { useT } from '@/lib/i18n';
import { useIsNarrow } from '@/lib/useMedia';
import { useRequest } from '@/lib/useRequest';
import { heldPhotoCount, useDraftStore, useDraftSync } from './useDraftSync';
import { PurposeTags, VisitCard } from './VisitCard';
import { VisitDrawer } from './VisitDrawer';
import type { DraftStore, VisitDraft } from './visit-drafts';
import { listMyVisits } from './visits.api';
import './visits.css';

const PAGE_SIZE = 10;

function DraftCard({ draft, store, onChanged }: { draft: VisitDraft; store: DraftStore; onChanged: () => void }) {
  const t = useT();
  const navigate = useNavigate();
  const photos = heldPhotoCount(draft.clientId);
  return (
    <Card size="small" className="visit-card" data-testid="draft-card"
      title={<Flex gap={8}><span className="mono">{draft.visitedOn}</span><span>{draft.householdLabel ?? t('（未选家庭）')}</span></Flex>}
      extra={draft.problem ? <Tag color="red">{t('未能提交')}</Tag> : <Tag color="orange">{t('待联网提交')}</Tag>}>
      <Flex vertical gap={8}>
        <PurposeTags purposes={draft.purposes} />
        {draft.findings && <Typography.Paragraph ellipsis={{ rows: 2 }} style={{ margin: 0 }}>{draft.findings}</Typography.Paragraph>}
        {photos > 0 && <Typography.Text type="secondary">{t('{n} 张照片将在提交后上传（请勿关闭本页）', { n: photos })}</Typography.Text>}
        {draft.problem && <Alert type="warning" showIcon title={draft.problem} />}
        <Flex gap={8} wrap>
          <Button icon={<EditOutlined />} className="touch-button" onClick={() => navigate(`/visits/new?draft=${draft.clientId}`)}>{t('修改')}</Button>
          <Popconfirm title={t('删除这条草稿？删除后无法恢复。')} okText={t('删除')} cancelText={t('取消')} onConfirm={() => { store.remove(draft.clientId); onChanged(); }}>
            <Button danger className="touch-button">{t('删除')}</Button>
          </Popconfirm>
        </Flex>
      </Flex>
    </Card>
  );
}

export function VisitsPage() {
  const t = useT();
  const navigate = useNavigate();
  const narrow = useIsNarrow();
  const store = useDraftStore();
  const [page, setPage] = useState(1);
  const [open, setOpen] = useState<number | null>(null);
  const { data, error, loading, reload } = useRequest((signal) => listMyVisits(page, PAGE_SIZE, signal), [page]);
  const { pending, refresh, sync } = useDraftSync(store, () => void reload());
  const waiting = pending.filter((d) => !d.problem).length;
  // The form the worker left half-typed (it is kept on the device as she types).
  const [unfinished] = useState(() => store?.editing() ?? null);

  return (
    <div className="visit-page">
      <PageHeader
        title={t('走访记录')}
        subtitle={t('网格日志：一次走访可同时完成多项工作')}
        extra={<Button type="primary" size="large" icon={<PlusOutlined />} className="touch-button" onClick={() => navigate('/visits/new')}>{t('记录走访')}</Button>}
      />
      {unfinished && (
        <Alert type="info" showIcon style={{ marginBottom: 16 }} title={t('有一条未填完的走访草稿：{label}', { label: unfinished.householdLabel ?? unfinished.visitedOn })}
          action={<Button size="small" onClick={() => navigate('/visits/new')}>{t('继续填写')}</Button>} />
      )}
      {store && pending.length > 0 && (
        <Flex vertical gap={12} style={{ marginBottom: 16 }} data-testid="pending-drafts">
          {waiting > 0 && (
            <Alert type="info" showIcon title={t('已保存为本机草稿，联网后自动提交')} description={t('共 {n} 条待提交', { n: waiting })}
              action={<Button size="small" icon={<CloudUploadOutlined />} onClick={() => void sync()}>{t('立即提交')}</Button>} />
          )}
          <div className="visit-grid">
            {pending.map((d) => <DraftCard key={d.clientId} draft={d} store={store} onChanged={refresh} />)}
          </div>
        </Flex>
      )}
      <Typography.Title level={5}>{t('我的走访')}{data ? ` (${data.total})` : ''}</Typography.Title>
      {error && <ErrorAlert error={error} onRetry={reload} />}
      {loading && !data && <Skeleton active />}
      {data && data.items.length === 0 && <Empty description={t('还没有走访记录')} />}
      {data && data.items.length > 0 && (
        <div className="visit-grid" data-testid="my-visits">
          {data.items.map((v) => <VisitCard key={v.id} visit={v} onOpen={(visit) => setOpen(visit.id)} />)}
        </div>
      )}
      {data && data.total > PAGE_SIZE && (
        <Flex justify="center" style={{ marginTop: 16 }}>
          <Pagination simple={narrow} current={page} pageSize={PAGE_SIZE} total={data.total} onChange={setPage} showSizeChanger={false} />
        </Flex>
      )}
      {open !== null && <VisitDrawer visitId={open} onClose={() => setOpen(null)} onChanged={() => void reload()} />}
    </div>
  );
}
