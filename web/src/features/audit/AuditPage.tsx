/** 审计日志: who did what and when, filtered by action, actor and date; before/after on demand. */
import { AutoComplete, Card, DatePicker, Flex, Input, Table, Tag, type TableColumnsType } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { ErrorAlert } from '@/components/ErrorAlert';
import { PageHeader } from '@/components/PageHeader';
import { formatDateTime } from '@/lib/dayjs';
import { useT, type Translate } from '@/lib/i18n';
import { useRequest } from '@/lib/useRequest';
import { AUDIT_ACTIONS, ENTITY_TYPES, searchAudit, type AuditEntry, type AuditQuery } from './audit.api';
import { AuditDetail } from './AuditDetail';

const actionLabel = (action: string, t: Translate) => (AUDIT_ACTIONS[action] ? `${t(AUDIT_ACTIONS[action])}` : action);

function columns(t: Translate): TableColumnsType<AuditEntry> {
  return [
    { title: t('时间'), dataIndex: 'at', render: formatDateTime, width: 150 },
    { title: t('操作人'), dataIndex: 'actorName' },
    {
      title: t('操作'),
      dataIndex: 'action',
      render: (a: string) => <Tag color={a === 'person.revealed' ? 'orange' : a.startsWith('auth.') ? 'default' : 'blue'}>{actionLabel(a, t)}</Tag>,
    },
    { title: t('对象'), key: 'entity', render: (_, e) => (e.entityType ? `${t(ENTITY_TYPES[e.entityType] ?? e.entityType)} #${e.entityId}` : '—') },
    { title: t('原因'), dataIndex: 'reason', render: (r: string | null) => r ?? '' },
    { title: 'IP', dataIndex: 'ip' },
  ];
}

export function AuditPage() {
  const t = useT();
  const [query, setQuery] = useState<AuditQuery>({ page: 1, pageSize: 20 });
  const [range, setRange] = useState<[Dayjs | null, Dayjs | null] | null>(null);
  const { data, loading, error, reload } = useRequest((signal) => searchAudit(query, signal), [JSON.stringify(query)]);
  const set = (changes: Partial<AuditQuery>) => setQuery((q) => ({ ...q, ...changes, page: changes.page ?? 1 }));

  return (
    <>
      <PageHeader title={t('审计日志')} subtitle={t('所有登记变更、敏感信息查看和登录都记录在此，不可修改。')} />
      <Card>
        <Flex wrap gap={12} className="list-filters" style={{ marginBottom: 16 }}>
          <AutoComplete
            allowClear
            placeholder={t('操作（可输入前缀，如 household.）')}
            options={Object.entries(AUDIT_ACTIONS).map(([value, label]) => ({ value, label: `${t(label)}（${value}）` }))}
            onSelect={(value: string) => set({ action: value })}
            onChange={(value: string) => !value && set({ action: undefined })}
            onBlur={(e) => set({ action: (e.target as HTMLInputElement).value.trim() || undefined })}
            aria-label={t('操作')}
            showSearch={{ filterOption: (input, option) => String(option?.label ?? '').toLowerCase().includes(input.toLowerCase()) }}
          />
          <Input.Search allowClear placeholder={t('操作人姓名')} onSearch={(v) => set({ actor: v.trim() || undefined })} aria-label={t('操作人')} />
          <DatePicker.RangePicker
            value={range}
            onChange={(value) => {
              setRange(value);
              set({ from: value?.[0]?.format('YYYY-MM-DD'), to: value?.[1]?.format('YYYY-MM-DD') });
            }}
          />
        </Flex>
        {error && <ErrorAlert error={error} onRetry={reload} />}
        <Table<AuditEntry>
          rowKey="id"
          columns={columns(t)}
          dataSource={data?.items ?? []}
          loading={loading}
          scroll={{ x: 'max-content' }}
          expandable={{ expandedRowRender: (entry) => <AuditDetail entry={entry} />, rowExpandable: (e) => e.before != null || e.after != null || e.detail != null }}
          pagination={{
            current: query.page,
            pageSize: query.pageSize,
            total: data?.total ?? 0,
            showTotal: (n) => t('共 {n} 条', { n }),
            onChange: (page, pageSize) => set({ page, pageSize }),
          }}
          data-testid="audit-table"
        />
      </Card>
    </>
  );
}
