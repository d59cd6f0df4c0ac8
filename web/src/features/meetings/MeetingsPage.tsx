/**
 * 联席会议 (/meetings): the agenda that builds itself — measures overdue, blocked or declined,
 * by responsible unit, as a chart and a list — a button to call a meeting over it, and the
 * meetings held so far.
 */
import { Button, Card, DatePicker, Empty, Form, Input, List, Select, Table, Tag, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useMemo, useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { EChart, type EChartOption } from '@/components/EChart';
import { ErrorAlert } from '@/components/ErrorAlert';
import { FormModal } from '@/components/FormModal';
import { PageHeader } from '@/components/PageHeader';
import { Deadline } from '@/features/plans/measure-tags';
import { useAuth } from '@/lib/auth';
import { dayjs } from '@/lib/dayjs';
import { useT } from '@/lib/i18n';
import { cachedOrganisations } from '@/lib/organisations';
import { useRequest } from '@/lib/useRequest';
import { callMeeting, getAgenda, listMeetings, type Agenda, type AgendaItem } from './meetings.api';
import { StuckTag } from './StuckTag';

function AgendaChart({ agenda }: { agenda: Agenda }) {
  const t = useT();
  const option = useMemo<EChartOption>(() => ({
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    grid: { left: 8, right: 16, bottom: 8, top: 32, containLabel: true },
    xAxis: { type: 'value', minInterval: 1 },
    yAxis: { type: 'category', data: agenda.byOrg.map((o) => o.orgName) },
    series: (['overdue', 'blocked', 'declined'] as const).map((reason) => ({
      name: t({ overdue: '逾期', blocked: '受阻', declined: '被退回' }[reason]), type: 'bar', stack: 'stuck',
      data: agenda.byOrg.map((o) => o[reason]),
    })),
  }), [agenda, t]);
  return <EChart option={option} ariaLabel={t('各单位逾期、受阻、被退回的措施')} style={{ height: Math.max(160, 48 * agenda.byOrg.length + 60) }} />;
}

export function MeetingsPage() {
  const t = useT();
  const { can } = useAuth();
  const navigate = useNavigate();
  const [calling, setCalling] = useState(false);
  const agenda = useRequest((signal) => getAgenda(signal), []);
  const meetings = useRequest((signal) => listMeetings(signal), []);
  const organisations = useRequest(() => cachedOrganisations(), []);
  const items = agenda.data?.items ?? [];

  return (
    <>
      <PageHeader title={t('联席会议')} subtitle={t('各单位逾期、受阻、被退回的措施自动列为议题；会上的决定直接改派、延期或新增措施，并记入纪要。')}
        extra={can('plan:write') && <Button type="primary" size="large" disabled={items.length === 0} onClick={() => setCalling(true)}>{t('召开联席会议')}</Button>} />
      {agenda.error && <ErrorAlert error={agenda.error} onRetry={agenda.reload} />}
      <Card className="page-section" title={t('待议事项（{n} 项）', { n: items.length })} loading={agenda.loading && !agenda.data} data-testid="agenda">
        {items.length === 0 ? <Empty description={t('没有逾期、受阻或被退回的措施')} /> : (
          <>
            {agenda.data && <AgendaChart agenda={agenda.data} />}
            <Table<AgendaItem> rowKey="id" size="small" dataSource={items} pagination={false} scroll={{ x: 720 }} columns={[
              { key: 'reason', title: t('原因'), render: (m) => <StuckTag reason={m.reason} /> },
              { key: 'org', title: t('责任单位'), render: (m) => m.responsibleOrgName },
              { key: 'head', title: t('家庭'), render: (m) => <Link to={`/households/${m.householdId}?tab=plan`}>{t('{name} 户', { name: m.headName })}</Link> },
              { key: 'title', title: t('措施'), render: (m) => m.title },
              { key: 'deadline', title: t('完成期限'), render: (m) => <Deadline deadline={m.deadline} overdue={m.overdue} /> },
              { key: 'note', title: t('最新情况'), render: (m) => m.statusNote ?? '—' },
            ]} />
          </>
        )}
      </Card>
      <Card className="page-section" title={t('历次会议')} loading={meetings.loading && !meetings.data}>
        <List dataSource={meetings.data ?? []} locale={{ emptyText: t('尚未召开联席会议') }} renderItem={(m) => (
          <List.Item actions={[<Link key="open" to={`/meetings/${m.id}`}>{t('查看')}</Link>]}>
            <List.Item.Meta title={<Link to={`/meetings/${m.id}`}>{m.title}</Link>}
              description={<>{m.heldOn} · {m.convenerOrgName} · {t('议题 {n} 项，已决定 {d} 项', { n: m.itemCount, d: m.decidedCount })}</>} />
            <Tag color={m.status === 'open' ? 'processing' : 'default'}>{m.status === 'open' ? t('进行中') : t('已结束')}</Tag>
          </List.Item>
        )} />
      </Card>
      {calling && (
        <FormModal<{ title: string; heldOn: Dayjs; attendeeOrgIds?: number[] }> title={t('召开联席会议')} okText={t('召开')} onClose={() => setCalling(false)}
          initialValues={{ title: t('{m} 联席会议', { m: dayjs().format('YYYY年M月') }), heldOn: dayjs() }}
          onSubmit={async (v) => {
            const meeting = await callMeeting({ title: v.title.trim(), heldOn: v.heldOn.format('YYYY-MM-DD'), attendeeOrgIds: v.attendeeOrgIds ?? [] });
            navigate(`/meetings/${meeting.id}`);
          }}>
          <Typography.Paragraph type="secondary">{t('以当前 {n} 项待议事项为会议议程。', { n: items.length })}</Typography.Paragraph>
          <Form.Item name="title" label={t('会议名称')} rules={[{ required: true, whitespace: true, message: t('请填写会议名称') }]}><Input maxLength={100} /></Form.Item>
          <Form.Item name="heldOn" label={t('会议日期')} rules={[{ required: true, message: t('请选择日期') }]}>
            <DatePicker style={{ width: '100%' }} disabledDate={(d) => d.isBefore(dayjs(), 'day')} />
          </Form.Item>
          <Form.Item name="attendeeOrgIds" label={t('参会单位')}>
            <Select mode="multiple" allowClear showSearch={{ optionFilterProp: 'label' }} options={(organisations.data ?? []).map((o) => ({ value: o.id, label: o.name }))} />
          </Form.Item>
        </FormModal>
      )}
    </>
  );
}
