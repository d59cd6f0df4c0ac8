/**
 * 工作日历 (/admin/calendar): the year's public holidays and swapped working days from the
 * official calendar, the administrator's corrections on top (a year not yet published, a local
 * holiday), and a trial of a time limit counted on it — what appeals' time limits use.
 */
import { Button, Card, Col, DatePicker, Flex, Form, Input, InputNumber, Radio, Row, Segmented, Table, Tag, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { ErrorAlert } from '@/components/ErrorAlert';
import { FormModal } from '@/components/FormModal';
import { PageHeader } from '@/components/PageHeader';
import { dayjs, formatDateTime } from '@/lib/dayjs';
import { useT } from '@/lib/i18n';
import { useRequest } from '@/lib/useRequest';
import { clearCalendarDay, getCalendarYear, previewDue, setCalendarDay, type CalendarDay } from './calendar.api';

function DueTrial() {
  const t = useT();
  const [result, setResult] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const run = async (v: { start: Dayjs; amount: number; unit: 'workdays' | 'hours' }) => {
    setProblem(null);
    try {
      const due = await previewDue({ start: v.start.toISOString(), amount: v.amount, unit: v.unit });
      setResult(due.dueAt);
    } catch (e) {
      setProblem(e instanceof Error ? e.message : String(e));
    }
  };
  return (
    <Card title={t('时限试算')} size="small">
      <Form layout="vertical" onFinish={run} initialValues={{ start: dayjs(), amount: 3, unit: 'workdays' }}>
        <Form.Item name="start" label={t('开始时间')} rules={[{ required: true }]}><DatePicker showTime style={{ width: '100%' }} /></Form.Item>
        <Flex gap={8}>
          <Form.Item name="amount" label={t('时限')} rules={[{ required: true }]}><InputNumber min={1} max={365} /></Form.Item>
          <Form.Item name="unit" label={t('单位')}>
            <Radio.Group optionType="button" options={[{ value: 'workdays', label: t('工作日') }, { value: 'hours', label: t('小时') }]} />
          </Form.Item>
        </Flex>
        <Button htmlType="submit">{t('计算到期时间')}</Button>
      </Form>
      {problem && <Typography.Paragraph type="danger">{problem}</Typography.Paragraph>}
      {result && <Typography.Paragraph strong style={{ marginTop: 12 }} data-testid="due-result">{t('到期时间')}：{formatDateTime(result)}</Typography.Paragraph>}
      <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
        {t('规则：只在工作日计时（全天 24 小时）；按工作日计的时限从次日 0 时起算，到第 N 个工作日 24 时到期；按小时计的时限立即起算；暂停期间不计时。')}
      </Typography.Paragraph>
    </Card>
  );
}

export function CalendarPage() {
  const t = useT();
  const [year, setYear] = useState(new Date().getFullYear());
  const [adding, setAdding] = useState(false);
  const { data, error, loading, reload } = useRequest((signal) => getCalendarYear(year, signal), [year]);
  const clear = async (day: string) => { await clearCalendarDay(day); void reload(); };

  return (
    <>
      <PageHeader title={t('工作日历')} subtitle={t('法定节假日和调休上班日来自官方日历；管理员可以调整某一天（如尚未公布的年份、地方性假日），调整优先。诉求办理时限按此日历计算。')}
        extra={<Button type="primary" onClick={() => setAdding(true)}>{t('调整某天')}</Button>} />
      {error && <ErrorAlert error={error} onRetry={reload} />}
      <Row gutter={[16, 16]} className="page-section">
        <Col xs={24} lg={16}>
          <Card size="small" title={<Segmented value={year} onChange={(v) => setYear(Number(v))} options={[year - 1, year, year + 1].map((y) => ({ value: y, label: `${y}` }))} />}>
            <Table<CalendarDay> rowKey="day" size="small" loading={loading} dataSource={data ?? []} pagination={false} data-testid="calendar-days" columns={[
              { key: 'day', title: t('日期'), render: (d) => `${d.day}（${t(['周日', '周一', '周二', '周三', '周四', '周五', '周六'][dayjs(d.day).day()]!)}）` },
              { key: 'kind', title: t('安排'), render: (d) => <Tag color={d.workday ? 'blue' : 'red'}>{d.workday ? t('上班') : t('休息')}</Tag> },
              { key: 'name', title: t('说明'), render: (d) => d.name },
              { key: 'source', title: t('来源'), render: (d) => d.source === 'official' ? t('官方日历') : <Tag color="gold">{t('管理员调整')}{d.updatedByName ? ` · ${d.updatedByName}` : ''}</Tag> },
              { key: 'actions', title: '', render: (d) => d.source === 'override' && <Button size="small" onClick={() => void clear(d.day)}>{t('撤销调整')}</Button> },
            ]} />
          </Card>
        </Col>
        <Col xs={24} lg={8}><DueTrial /></Col>
      </Row>
      {adding && (
        <FormModal<{ day: Dayjs; workday: boolean; name: string }> title={t('调整某天')} okText={t('保存')} onClose={() => setAdding(false)}
          initialValues={{ workday: false }}
          onSubmit={async (v) => {
            const day = v.day.format('YYYY-MM-DD');
            await setCalendarDay(day, { workday: v.workday, name: v.name });
            setAdding(false);
            if (Number(day.slice(0, 4)) === year) void reload(); else setYear(Number(day.slice(0, 4)));
          }}>
          <Form.Item name="day" label={t('日期')} rules={[{ required: true, message: t('请选择日期') }]}><DatePicker style={{ width: '100%' }} /></Form.Item>
          <Form.Item name="workday" label={t('安排')}>
            <Radio.Group optionType="button" options={[{ value: false, label: t('休息') }, { value: true, label: t('上班') }]} />
          </Form.Item>
          <Form.Item name="name" label={t('说明')} rules={[{ required: true, whitespace: true, message: t('请填写说明') }]}><Input maxLength={50} placeholder={t('如：春节、调休上班')} /></Form.Item>
        </FormModal>
      )}
    </>
  );
}
