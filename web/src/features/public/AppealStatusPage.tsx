/** 进度查询: the citizen follows an appeal by its number and the phone given with it. */
import { Alert, Button, Card, Descriptions, Form, Input, Space, Tag, Timeline, Typography } from 'antd';
import { useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { APPEAL_EVENT_KINDS, APPEAL_STATUSES, SATISFACTION } from '@contracts/appeals';
import type { PublicAppealStatus } from '@contracts/appeals-public';
import { ApiError } from '@/lib/api';
import { formatDateTime } from '@/lib/dayjs';
import { useT } from '@/lib/i18n';
import { lookUpAppeal } from './public.api';

const DONE = new Set(['replied', 'closed']);

export function AppealStatusPage() {
  const t = useT();
  const [params] = useSearchParams();
  const [appeal, setAppeal] = useState<PublicAppealStatus | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);

  const onFinish = async ({ number, phone }: { number: string; phone: string }) => {
    setLoading(true);
    setProblem(null);
    try {
      setAppeal(await lookUpAppeal(number.trim(), phone.trim()));
    } catch (error) {
      setAppeal(null);
      setProblem(error instanceof ApiError ? error.message : String(error));
    } finally {
      setLoading(false);
    }
  };

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Card title={t('进度查询')}>
        <Form layout="vertical" initialValues={{ number: params.get('number') ?? '' }} onFinish={onFinish}>
          <Form.Item name="number" label={t('诉求编号')} rules={[{ required: true, message: t('请填写诉求编号') }]}>
            <Input maxLength={30} inputMode="numeric" />
          </Form.Item>
          <Form.Item name="phone" label={t('提交时留下的联系电话')} rules={[{ required: true, message: t('请填写联系电话') }]}>
            <Input maxLength={20} inputMode="tel" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={loading}>{t('查询')}</Button>
        </Form>
        {problem && <Alert style={{ marginTop: 16 }} type="error" showIcon title={problem} />}
      </Card>
      {appeal && (
        <Card title={t('诉求 {number}', { number: appeal.number })} extra={<Tag color={DONE.has(appeal.status) ? 'green' : 'blue'}>{t(APPEAL_STATUSES[appeal.status])}</Tag>}>
          <Descriptions column={1} size="small">
            <Descriptions.Item label={t('诉求类别')}>{appeal.categoryName}</Descriptions.Item>
            <Descriptions.Item label={t('诉求内容')}>{appeal.description}</Descriptions.Item>
            <Descriptions.Item label={t('地点')}>{[appeal.regionName, appeal.address].filter(Boolean).join(' ')}</Descriptions.Item>
            <Descriptions.Item label={t('承办单位')}>{appeal.responsibleOrgName ?? t('正在派单')}</Descriptions.Item>
            <Descriptions.Item label={t('办理时限')}>{appeal.dueAt ? formatDateTime(appeal.dueAt) : '—'}</Descriptions.Item>
            {appeal.satisfaction && <Descriptions.Item label={t('回访')}>{t(SATISFACTION[appeal.satisfaction])}</Descriptions.Item>}
          </Descriptions>
          {appeal.replyText && (
            <Alert style={{ margin: '12px 0' }} type="success" title={t('答复（回音）')} description={<Typography.Paragraph style={{ margin: 0 }}>{appeal.replyText}</Typography.Paragraph>} />
          )}
          <Timeline
            style={{ marginTop: 12 }}
            items={appeal.steps.map((s) => ({
              children: (
                <span>
                  <Typography.Text strong>{t(APPEAL_EVENT_KINDS[s.kind])}</Typography.Text>
                  {s.orgName && <Typography.Text> · {s.orgName}</Typography.Text>}
                  <br />
                  <Typography.Text type="secondary">{formatDateTime(s.at)}</Typography.Text>
                </span>
              ),
            }))}
          />
        </Card>
      )}
    </Space>
  );
}
