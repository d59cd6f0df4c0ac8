/** How an enrollment came to be: each step as a timeline (who, when, what, why) and the amounts over time. */
import { Table, Tag, Timeline, Typography, type TableColumnsType } from 'antd';
import { ENROLLMENT_ACTION_LABELS, type EnrollmentAction, type EnrollmentEvent, type EnrollmentTerm } from '@contracts/benefits';
import { formatDateTime } from '@/lib/dayjs';
import { useT } from '@/lib/i18n';
import { formatYuan } from '@/features/policies/money';

const ACTION_COLORS: Partial<Record<EnrollmentAction, string>> = {
  applied: 'blue', reviewed: 'blue', first_approved: 'blue', approved: 'green', resumed: 'green', imported: 'gray',
  rejected: 'red', stopped: 'red', suspended: 'orange', amount_changed: 'orange',
};

export function EnrollmentTimeline({ events }: { events: EnrollmentEvent[] }) {
  const t = useT();
  const sorted = [...events].sort((a, b) => a.at.localeCompare(b.at) || a.id - b.id);
  return (
    <Timeline
      data-testid="enrollment-timeline"
      items={sorted.map((e) => ({
        key: e.id,
        color: ACTION_COLORS[e.action] ?? 'blue',
        content: (
          <div data-testid="enrollment-event">
            <Typography.Text strong>{t(ENROLLMENT_ACTION_LABELS[e.action])}</Typography.Text>
            <Typography.Text type="secondary" style={{ marginInlineStart: 8 }}>{e.actorName} · {formatDateTime(e.at)}</Typography.Text>
            <div>
              {e.effectiveOn && <Tag>{t('自 {date}', { date: e.effectiveOn })}</Tag>}
              {e.amountFen !== null && <Tag>{formatYuan(e.amountFen)}</Tag>}
              {e.version !== null && <Tag>{t('第 {n} 版', { n: e.version })}</Tag>}
            </div>
            {e.reason && <Typography.Paragraph style={{ margin: '4px 0 0' }}>{e.reason}</Typography.Paragraph>}
          </div>
        ),
      }))}
    />
  );
}

export function TermsTable({ terms }: { terms: EnrollmentTerm[] }) {
  const t = useT();
  const columns: TableColumnsType<EnrollmentTerm> = [
    { title: t('起始'), dataIndex: 'validFrom' },
    { title: t('截止'), dataIndex: 'validTo', render: (v: string | null) => v ?? t('至今') },
    { title: t('每期金额'), dataIndex: 'amountFen', align: 'right', render: (v: number) => formatYuan(v) },
    { title: t('政策版本'), dataIndex: 'version', render: (v: number | null) => (v === null ? '—' : t('第 {n} 版', { n: v })) },
  ];
  return <Table<EnrollmentTerm> rowKey="validFrom" size="small" columns={columns} dataSource={terms} pagination={false} scroll={{ x: 'max-content' }} />;
}
