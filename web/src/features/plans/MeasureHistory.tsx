/** A measure's record: every step with who, when and why, and its evidence files. */
import { PaperClipOutlined } from '@ant-design/icons';
import { Card, Empty, List, Timeline, Typography } from 'antd';
import { formatDateTime } from '@/lib/dayjs';
import { useT } from '@/lib/i18n';
import { attachmentUrl, MEASURE_EVENT_KINDS, MEASURE_STATUSES, type MeasureDetail } from './plans.api';

const kb = (bytes: number) => (bytes < 1024 * 1024 ? `${Math.ceil(bytes / 1024)} KB` : `${(bytes / 1024 / 1024).toFixed(1)} MB`);

export function MeasureHistory({ measureId, events, attachments }: { measureId: number } & Pick<MeasureDetail, 'events' | 'attachments'>) {
  const t = useT();
  return (
    <>
      <Card size="small" title={t('佐证材料')} style={{ marginBottom: 16 }}>
        {attachments.length === 0 ? <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('暂无佐证材料')} /> : (
          <List size="small" dataSource={attachments} renderItem={(a) => (
            <List.Item>
              <a href={attachmentUrl(measureId, a)} target="_blank" rel="noreferrer"><PaperClipOutlined /> {a.fileName}</a>
              <Typography.Text type="secondary">{kb(a.sizeBytes)} · {a.uploadedByName} · {formatDateTime(a.uploadedAt)}</Typography.Text>
            </List.Item>
          )} />
        )}
      </Card>
      <Card size="small" title={t('办理过程')} data-testid="measure-history">
        <Timeline items={events.map((e) => ({
          key: e.id,
          color: e.kind === 'declined' || e.toStatus === 'blocked' ? 'red' : e.toStatus === 'done' ? 'green' : 'blue',
          children: (
            <>
              <Typography.Text strong>{t(MEASURE_EVENT_KINDS[e.kind])}</Typography.Text>
              {e.toStatus && <Typography.Text> → {t(MEASURE_STATUSES[e.toStatus])}</Typography.Text>}
              {e.orgName && <Typography.Text type="secondary"> · {e.orgName}</Typography.Text>}
              {e.note && <div>{e.note}</div>}
              <div><Typography.Text type="secondary" style={{ fontSize: 12 }}>{e.actorName} · {formatDateTime(e.at)}</Typography.Text></div>
            </>
          ),
        }))} />
      </Card>
    </>
  );
}
