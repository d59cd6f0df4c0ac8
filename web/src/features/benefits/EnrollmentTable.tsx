/**
 * Enrollments as a table, the columns chosen by the page (the approval inbox shows applicant and
 * reason, the list shows status and dates), paged from the server or given as rows; a row opens
 * its drawer. Tables scroll sideways on a phone.
 */
import { Button, Empty, Flex, Table, type TableColumnsType } from 'antd';
import { Link } from 'react-router-dom';
import type { Enrollment } from '@contracts/benefits';
import { ErrorAlert } from '@/components/ErrorAlert';
import { formatDateTime } from '@/lib/dayjs';
import { useT, type Translate } from '@/lib/i18n';
import { usePagedRequest } from '@/lib/usePagedRequest';
import { listEnrollments, type EnrollmentFilter } from './benefits.api';
import { EnrollmentStatusTag, PeriodAmount, SubjectName } from './tags';

export type ColumnKey = 'head' | 'subject' | 'policy' | 'status' | 'amount' | 'startedOn' | 'endedOn' | 'applicant' | 'reason' | 'source' | 'region';

function column(key: ColumnKey, t: Translate): TableColumnsType<Enrollment>[number] {
  switch (key) {
    case 'head': return { key, title: t('户主'), render: (_, e) => <Link to={`/households/${e.householdId}?tab=benefits`}>{e.headName ?? t('（未指定户主）')}</Link> };
    case 'subject': return { key, title: t('对象'), render: (_, e) => <SubjectName enrollment={e} /> };
    case 'policy': return { key, title: t('政策'), dataIndex: 'policyName' };
    case 'status': return { key, title: t('状态'), render: (_, e) => <EnrollmentStatusTag status={e.status} /> };
    case 'amount': return { key, title: t('每期金额'), align: 'right', render: (_, e) => <PeriodAmount enrollment={e} /> };
    case 'startedOn': return { key, title: t('开始日期'), dataIndex: 'startedOn' };
    case 'endedOn': return { key, title: t('结束日期'), dataIndex: 'endedOn', render: (v: string | null) => v ?? '—' };
    case 'applicant': return { key, title: t('申请人'), render: (_, e) => (e.appliedByName ? <span title={formatDateTime(e.createdAt)}>{e.appliedByName}</span> : '—') };
    case 'reason': return { key, title: t('理由'), dataIndex: 'applicationReason', width: 240, render: (v: string | null) => v ?? '—' };
    case 'source': return { key, title: t('来源'), dataIndex: 'source', render: (v: string) => t(v) };
    case 'region': return { key, title: t('区划'), render: (_, e) => e.regionName ?? e.regionCode };
  }
}

interface TableProps {
  rows: Enrollment[];
  columns: ColumnKey[];
  loading?: boolean;
  onOpen: (enrollment: Enrollment) => void;
  pagination?: false | { current: number; pageSize: number; total: number; onChange: (page: number, size: number) => void };
  testId?: string;
}

export function EnrollmentTable({ rows, columns, loading, onOpen, pagination = false, testId }: TableProps) {
  const t = useT();
  const all: TableColumnsType<Enrollment> = [
    ...columns.map((key) => column(key, t)),
    { key: 'open', title: t('操作'), fixed: 'right', render: (_, e) => <Button type="link" size="small" onClick={() => onOpen(e)}>{t('详情')}</Button> },
  ];
  return (
    <Table<Enrollment>
      rowKey="id" size="middle" columns={all} dataSource={rows} loading={loading} scroll={{ x: 'max-content' }} data-testid={testId}
      locale={{ emptyText: <Empty description={t('没有符合条件的记录')} /> }}
      pagination={pagination && { ...pagination, showSizeChanger: true, showTotal: (n) => t('共 {n} 条', { n }) }}
    />
  );
}

interface ListProps {
  filter: EnrollmentFilter;
  columns: ColumnKey[];
  onOpen: (enrollment: Enrollment) => void;
  /** Bumped by the page after a change, to read the list again. */
  version?: number;
  testId?: string;
}

/** A server-paged list of enrollments matching a filter. */
export function EnrollmentList({ filter, columns, onOpen, version = 0, testId }: ListProps) {
  const { data, loading, error, reload, page, setPage } = usePagedRequest(filter, (p, signal) => listEnrollments(filter, p.current, p.pageSize, signal), [version]);
  return (
    <Flex vertical gap={12}>
      {error && <ErrorAlert error={error} onRetry={reload} />}
      <EnrollmentTable rows={data?.items ?? []} columns={columns} loading={loading} onOpen={onOpen} testId={testId}
        pagination={{ ...page, total: data?.total ?? 0, onChange: (current, pageSize) => setPage({ current, pageSize }) }} />
    </Flex>
  );
}
