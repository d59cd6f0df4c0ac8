/** One joint meeting (/meetings/:id): its agenda, a decision on each item carried out at once, and the minutes that close it. */
import { ArrowLeftOutlined } from '@ant-design/icons';
import { Button, Card, Descriptions, Form, Input, List, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { ErrorAlert } from '@/components/ErrorAlert';
import { PageHeader } from '@/components/PageHeader';
import { Deadline, MeasureStatusTag, ReferralTag } from '@/features/plans/measure-tags';
import { useAuth } from '@/lib/auth';
import { applyApiError } from '@/lib/form-errors';
import { useT } from '@/lib/i18n';
import { useRequest } from '@/lib/useRequest';
import { DecisionModal } from './DecisionModal';
import { closeMeeting, getMeeting, MEETING_DECISIONS, type MeetingItem } from './meetings.api';
import { StuckTag } from './StuckTag';

export function MeetingPage() {
  const t = useT();
  const { can } = useAuth();
  const id = Number(useParams().id);
  const [deciding, setDeciding] = useState<MeetingItem | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [form] = Form.useForm<{ minutes: string }>();
  const { data: meeting, error, reload } = useRequest((signal) => getMeeting(id, signal), [id]);
  const open = meeting?.status === 'open' && can('plan:write');

  const close = async ({ minutes }: { minutes: string }) => {
    setProblem(null);
    try {
      await closeMeeting(id, minutes);
      void reload();
    } catch (e) {
      setProblem(applyApiError(form, e));
    }
  };

  return (
    <>
      <PageHeader title={meeting?.title ?? t('联席会议')} extra={<Link to="/meetings"><Button icon={<ArrowLeftOutlined />}>{t('返回')}</Button></Link>} />
      {error && <ErrorAlert error={error} onRetry={reload} />}
      {meeting && (
        <Space direction="vertical" size={16} style={{ width: '100%' }} className="page-section" data-testid="meeting">
          <Card size="small">
            <Descriptions size="small" column={{ xs: 1, md: 3 }} items={[
              { key: 'date', label: t('会议日期'), children: meeting.heldOn },
              { key: 'convener', label: t('召集单位'), children: meeting.convenerOrgName },
              { key: 'status', label: t('状态'), children: <Tag color={meeting.status === 'open' ? 'processing' : 'default'}>{meeting.status === 'open' ? t('进行中') : t('已结束')}</Tag> },
              { key: 'attendees', label: t('参会单位'), children: meeting.attendeeOrgNames.join('、') || '—' },
              { key: 'progress', label: t('已决定'), children: `${meeting.decidedCount} / ${meeting.itemCount}` },
            ]} />
          </Card>
          <Card size="small" title={t('议程')}>
            <List dataSource={meeting.items} renderItem={(item) => (
              <List.Item data-testid={`meeting-item-${item.measureId}`}
                actions={open && !item.decision ? [<Button key="decide" type="primary" onClick={() => setDeciding(item)}>{t('作出决定')}</Button>] : []}>
                <List.Item.Meta
                  title={<Space wrap><StuckTag reason={item.reason} />{item.title}<Typography.Text type="secondary">{t('{name} 户', { name: item.headName })}</Typography.Text></Space>}
                  description={
                    <Space direction="vertical" size={2}>
                      <span>{item.responsibleOrgName} · <Deadline deadline={item.deadline} overdue={false} /> <MeasureStatusTag status={item.status} /><ReferralTag referral={item.referral} /></span>
                      {item.decision && <Typography.Text type="success">{t('决定')}：{t(MEETING_DECISIONS[item.decision])} — {item.decisionNote}</Typography.Text>}
                    </Space>
                  } />
              </List.Item>
            )} />
          </Card>
          <Card size="small" title={t('会议纪要')}>
            {meeting.status === 'closed' ? <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{meeting.minutes}</Typography.Paragraph> : open && (
              <Form form={form} layout="vertical" onFinish={close}>
                {problem && <Typography.Text type="danger">{problem}</Typography.Text>}
                <Form.Item name="minutes" label={t('纪要')} rules={[{ required: true, whitespace: true, message: t('请填写会议纪要') }]}><Input.TextArea rows={5} maxLength={10000} /></Form.Item>
                <Button htmlType="submit">{t('结束会议并保存纪要')}</Button>
              </Form>
            )}
          </Card>
        </Space>
      )}
      {deciding && meeting && <DecisionModal meetingId={meeting.id} item={deciding} onClose={() => setDeciding(null)} onDone={() => { setDeciding(null); void reload(); }} />}
    </>
  );
}
