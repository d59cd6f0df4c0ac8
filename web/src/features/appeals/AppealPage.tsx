/**
 * One appeal (/appeals/:id): what was reported and where, the caller (masked unless this user's
 * unit handles it), status, unit, time limit and due time, the reply and the satisfaction call,
 * possible duplicates, the steps the user may take now, and the timeline of every step.
 */
import { ArrowLeftOutlined } from '@ant-design/icons';
import { Button, Card, Col, Descriptions, Empty, Row, Space, Tag, Timeline, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { ErrorAlert } from '@/components/ErrorAlert';
import { PageHeader } from '@/components/PageHeader';
import { useCan } from '@/lib/auth';
import { formatDateTime } from '@/lib/dayjs';
import { useT } from '@/lib/i18n';
import { useRequest } from '@/lib/useRequest';
import { AppealStatusTag, DueTime, LimitText } from './appeal-tags';
import { AppealActions } from './AppealActions';
import { APPEAL_CHANNELS, APPEAL_EVENT_KINDS, APPEAL_STATUSES, SATISFACTION, getAppeal, type AppealDetail, type AppealEvent } from './appeals.api';
import { DuplicateList } from './DuplicateList';

const EVENT_COLORS: Partial<Record<AppealEvent['kind'], string>> = {
  returned: 'orange', reply_rejected: 'orange', reopened: 'red', escalated: 'red', closed: 'green', replied: 'green', merged: 'gray',
};

export function AppealTimeline({ events }: { events: AppealEvent[] }) {
  const t = useT();
  return (
    <Timeline data-testid="appeal-timeline" items={events.map((e) => ({
      key: e.id,
      color: EVENT_COLORS[e.kind] ?? 'blue',
      children: (
        <div data-testid={`event-${e.kind}`}>
          <Typography.Text strong>{t(APPEAL_EVENT_KINDS[e.kind])}</Typography.Text>
          {e.toStatus && e.toStatus !== e.fromStatus && <Typography.Text> → {t(APPEAL_STATUSES[e.toStatus])}</Typography.Text>}
          {e.orgName && <Typography.Text type="secondary"> · {e.orgName}</Typography.Text>}
          {e.note && <div style={{ whiteSpace: 'pre-wrap' }}>{e.note}</div>}
          <div><Typography.Text type="secondary" style={{ fontSize: 12 }}>{e.actorName} · {formatDateTime(e.at)}</Typography.Text></div>
        </div>
      ),
    }))} />
  );
}

export function AppealPage() {
  const t = useT();
  const can = useCan();
  const navigate = useNavigate();
  const id = Number(useParams().id);
  const { data, error, reload } = useRequest((signal) => getAppeal(id, signal), [id]);
  const [appeal, setAppeal] = useState<AppealDetail | undefined>(data);
  useEffect(() => setAppeal(data), [data]);
  // A step answers with the appeal as it left it; reading again picks up what the reader's scope shows.
  const changed = (next: AppealDetail) => {
    setAppeal(next);
    void reload();
  };
  const a = appeal;
  const seesDuplicates = can('appeal:dispatch') || can('appeal:intake');

  return (
    <>
      <PageHeader
        title={a ? <Space wrap>{t('诉求 {number}', { number: a.number })}<AppealStatusTag status={a.status} /></Space> : t('诉求')}
        extra={<Button icon={<ArrowLeftOutlined />} onClick={() => (window.history.length > 1 ? navigate(-1) : navigate('/appeals'))}>{t('返回')}</Button>}
      />
      {error && <ErrorAlert error={error} onRetry={reload} />}
      {a && (
        <Row gutter={[16, 16]} data-testid="appeal-detail">
          <Col xs={24} lg={15}>
            <Space direction="vertical" size={16} style={{ width: '100%' }}>
              <Card size="small">
                <Descriptions column={{ xs: 1, sm: 1, md: 2 }} size="small" items={[
                  { key: 'category', label: t('诉求类别'), children: a.categoryName },
                  { key: 'channel', label: t('受理渠道'), children: t(APPEAL_CHANNELS[a.channel]) },
                  { key: 'description', label: t('诉求内容'), span: 'filled', children: <span style={{ whiteSpace: 'pre-wrap' }}>{a.description}</span> },
                  { key: 'address', label: t('发生地址'), children: a.address ?? '—' },
                  { key: 'region', label: t('所属区划'), children: a.regionName ? `${a.regionName}（${a.regionCode}）` : a.regionCode },
                  { key: 'contact', label: t('来电人'), children: a.contactName ?? '—' },
                  { key: 'phone', label: t('联系电话'), children: <span data-testid="appeal-phone">{a.contactPhone ?? '—'}</span> },
                  { key: 'org', label: t('承办单位'), children: <span data-testid="appeal-unit">{a.responsibleOrgName ?? t('待派单')}</span> },
                  { key: 'limit', label: t('办理时限'), children: <LimitText appeal={a} /> },
                  { key: 'clock', label: t('起算时间'), children: a.clockStartedAt ? formatDateTime(a.clockStartedAt) : '—' },
                  { key: 'due', label: t('答复期限'), children: <DueTime appeal={a} /> },
                  { key: 'created', label: t('受理'), children: `${a.createdByName} · ${formatDateTime(a.createdAt)}` },
                  ...(a.mergedInto ? [{ key: 'merged', label: t('已并入'), children: <Link to={`/appeals/${a.mergedInto}`}>{t('查看并入的诉求')}</Link> }] : []),
                ]} />
                <div style={{ marginTop: 12 }}><AppealActions appeal={a} onChanged={changed} /></div>
              </Card>
              {(a.replyText || a.satisfaction) && <ReplyCard appeal={a} />}
              {seesDuplicates && a.status !== 'merged' && (
                <Card size="small" title={t('可能重复的诉求（{n}）', { n: a.duplicates.length })}>
                  <DuplicateList appeal={a} canMerge={can('appeal:dispatch')} onMerged={changed} />
                </Card>
              )}
            </Space>
          </Col>
          <Col xs={24} lg={9}>
            <Card size="small" title={t('办理过程')}>
              {a.events.length ? <AppealTimeline events={a.events} /> : <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} />}
            </Card>
          </Col>
        </Row>
      )}
    </>
  );
}

function ReplyCard({ appeal: a }: { appeal: AppealDetail }) {
  const t = useT();
  return (
    <Card size="small" title={t('答复')} data-testid="appeal-reply">
      <Descriptions column={1} size="small" items={[
        ...(a.replyText ? [{ key: 'reply', label: t('答复内容'), children: <span style={{ whiteSpace: 'pre-wrap' }}>{a.replyText}</span> }] : []),
        ...(a.repliedByName ? [{ key: 'by', label: t('答复人'), children: `${a.repliedByName}${a.repliedAt ? ` · ${formatDateTime(a.repliedAt)}` : ''}` }] : []),
        ...(a.publicQuestion ? [{ key: 'q', label: t('群众反映（公开）'), children: a.publicQuestion }] : []),
        ...(a.publicAnswer ? [{ key: 'a', label: t('办理结果（公开）'), children: a.publicAnswer }] : []),
        ...(a.repliedAt ? [{ key: 'published', label: t('公开发布'), children: a.published ? <Tag color="green">{t('已公开')}</Tag> : <Tag>{t('不公开')}</Tag> }] : []),
        ...(a.satisfaction ? [{
          key: 'satisfaction', label: t('满意度回访'),
          children: <>{<Tag color={a.satisfaction === 'unsatisfied' ? 'red' : a.satisfaction === 'satisfied' ? 'green' : 'default'}>{t(SATISFACTION[a.satisfaction])}</Tag>}{a.satisfactionNote}</>,
        }] : []),
      ]} />
    </Card>
  );
}
