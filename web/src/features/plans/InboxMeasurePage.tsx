/** One referred measure as the partner unit sees it (/inbox/measures/:id): the minimum to act on, its record, and the next step. */
import { ArrowLeftOutlined } from '@ant-design/icons';
import { Button, Card, Descriptions, Space, Tag } from 'antd';
import { Link, useParams } from 'react-router-dom';
import { ErrorAlert } from '@/components/ErrorAlert';
import { PageHeader } from '@/components/PageHeader';
import { useT } from '@/lib/i18n';
import { useRequest } from '@/lib/useRequest';
import { Deadline, MeasureStatusTag, MeasureTypeTag, ReferralTag } from './measure-tags';
import { MeasureActions } from './MeasureActions';
import { MeasureHistory } from './MeasureHistory';
import { getInboxMeasure } from './plans.api';

export function InboxMeasurePage() {
  const t = useT();
  const id = Number(useParams().id);
  const { data: m, error, reload } = useRequest((signal) => getInboxMeasure(id, signal), [id]);
  const sex = m?.person.sex === 'M' ? t('男') : m?.person.sex === 'F' ? t('女') : null;
  return (
    <>
      <PageHeader title={m?.title ?? t('待办措施')} extra={<Link to="/inbox"><Button icon={<ArrowLeftOutlined />}>{t('返回待办')}</Button></Link>} />
      {error && <ErrorAlert error={error} onRetry={reload} />}
      {m && (
        <Space direction="vertical" size={16} style={{ width: '100%' }} className="page-section" data-testid="inbox-measure">
          <Card size="small">
            <Descriptions column={1} size="small" items={[
              { key: 'state', label: t('状态'), children: <Space size={4} wrap><MeasureTypeTag type={m.type} /><MeasureStatusTag status={m.status} /><ReferralTag referral={m.referral} />{m.copiedOnly && <Tag>{t('抄送')}</Tag>}</Space> },
              { key: 'person', label: t('帮扶对象'), children: [m.person.name, sex, m.person.age !== null ? t('{n} 岁', { n: m.person.age }) : null].filter(Boolean).join(' · ') },
              { key: 'phone', label: t('联系电话'), children: m.person.phone ?? '—' },
              { key: 'region', label: t('所在社区'), children: m.regionName ?? '—' },
              { key: 'deadline', label: t('完成期限'), children: <Deadline deadline={m.deadline} overdue={m.overdue} /> },
              { key: 'detail', label: t('需求说明'), children: m.detail ?? '—' },
              { key: 'owner', label: t('转介单位'), children: `${m.ownerOrgName}${m.leadUserName ? ` · ${m.leadUserName}` : ''}${m.leadUserPhone ? ` · ${m.leadUserPhone}` : ''}` },
              { key: 'org', label: t('承办单位'), children: m.responsibleOrgName },
              ...(m.statusNote ? [{ key: 'note', label: t('最新情况'), children: m.statusNote }] : []),
            ]} />
            <div style={{ marginTop: 12 }}><MeasureActions measure={m} onChanged={() => void reload()} /></div>
          </Card>
          <MeasureHistory measureId={m.id} events={m.events} attachments={m.attachments} />
        </Space>
      )}
    </>
  );
}
