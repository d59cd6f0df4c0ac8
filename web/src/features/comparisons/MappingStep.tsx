/**
 * 列对应: for each item the kind of roll needs, the column of the uploaded file that holds it
 * (guessed from the headers, changeable), the area the roll covers, and for an enrollment list
 * the policy to compare with; the first rows of the file show what each column holds.
 */
import { Alert, Button, Card, Form, Select, Table, Tag } from 'antd';
import { useMemo, useState } from 'react';
import type { PolicySummary } from '@contracts/policies';
import { RegionTreeSelect } from '@/components/RegionTreeSelect';
import { api } from '@/lib/api';
import { useAuth } from '@/lib/auth';
import { useT } from '@/lib/i18n';
import { useRequest } from '@/lib/useRequest';
import { ROLL_FIELD_LABELS, ROLL_FIELDS, startComparison, type ColumnMapping, type ComparisonRun, type RollField } from './comparisons.api';

interface Values {
  mapping: Record<RollField, number | undefined>;
  regionCode?: string;
  policyCode?: string;
}

export function MappingStep({ run, onStarted }: { run: ComparisonRun; onStarted: (run: ComparisonRun) => void }) {
  const t = useT();
  const { can } = useAuth();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const { headers, sampleRows, missing } = run.preview;
  const fields = ROLL_FIELDS[run.kind];
  const mapping = Form.useWatch('mapping', form) ?? {};
  const policies = useRequest((signal) => api.get<PolicySummary[]>('/api/policies', undefined, signal), [], run.kind === 'enrollment' && can('policy:read'));

  const options = headers.map((h) => ({ value: h.index, label: `${h.letter} 列${h.text ? `：${h.text}` : ''}` }));
  const fieldOfColumn = useMemo(() => {
    const byColumn = new Map<number, RollField>();
    for (const [field, index] of Object.entries(mapping)) if (typeof index === 'number') byColumn.set(index, field as RollField);
    return byColumn;
  }, [mapping]);

  const submit = async (values: Values) => {
    setBusy(true);
    setProblem(null);
    try {
      const chosen: ColumnMapping = {};
      for (const f of fields) if (typeof values.mapping?.[f.field] === 'number') chosen[f.field] = values.mapping[f.field];
      onStarted(await startComparison(run.id, { mapping: chosen, regionCode: values.regionCode ?? null, policyCode: values.policyCode ?? null }));
    } catch (error) {
      setProblem((error as Error).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card title={t('列对应')} className="page-section" data-testid="mapping-step">
      {missing.length > 0 && (
        <Alert type="warning" showIcon style={{ marginBottom: 16 }}
          title={t('未能自动识别：{fields}，请选择它们所在的列', { fields: missing.map((f) => t(ROLL_FIELD_LABELS[f])).join('、') })} />
      )}
      <Form<Values> form={form} layout="vertical" onFinish={submit} initialValues={{ mapping: { ...(run.mapping ?? run.preview.mapping) }, regionCode: run.options.regionCode ?? undefined, policyCode: run.options.policyCode ?? undefined }}>
        <div className="mapping-fields" style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(220px, 1fr))', columnGap: 16 }}>
          {fields.map((f) => (
            <Form.Item key={f.field} name={['mapping', f.field]} label={t(ROLL_FIELD_LABELS[f.field])}
              rules={f.required ? [{ required: true, message: t('请选择“{field}”所在的列', { field: t(ROLL_FIELD_LABELS[f.field]) }) }] : []}>
              <Select allowClear={!f.required} options={options} placeholder={f.required ? t('请选择') : t('（无此列）')} aria-label={t(ROLL_FIELD_LABELS[f.field])} />
            </Form.Item>
          ))}
        </div>
        <div style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(260px, 1fr))', columnGap: 16 }}>
          <Form.Item name="regionCode" label={t('名册覆盖区域')} extra={t('台账中此区域内、名册里没有的记录列为“应退出”；不选则为本单位所在区划')}>
            <RegionTreeSelect placeholder={t('本单位所在区划')} />
          </Form.Item>
          {run.kind === 'enrollment' && (
            <Form.Item name="policyCode" label={t('与哪项政策比对')} extra={t('不选则与全部享受记录比对')}>
              <Select allowClear loading={policies.loading} placeholder={t('全部政策')} aria-label={t('与哪项政策比对')}
                options={(policies.data ?? []).map((p) => ({ value: p.code, label: p.nameZh }))} />
            </Form.Item>
          )}
        </div>
        {problem && <Alert type="error" showIcon title={problem} style={{ marginBottom: 16 }} />}
        <Button type="primary" htmlType="submit" loading={busy}>{t('开始比对')}</Button>
      </Form>
      <Table<string[]> style={{ marginTop: 16 }} size="small" pagination={false} scroll={{ x: 'max-content' }} rowKey={(_, i) => String(i)}
        dataSource={sampleRows} caption={t('文件前 {n} 行', { n: sampleRows.length })}
        columns={headers.map((h) => ({
          key: h.index,
          title: (
            <span>
              {h.letter} {h.text}
              {fieldOfColumn.has(h.index) && <Tag color="blue" style={{ marginLeft: 6 }}>{t(ROLL_FIELD_LABELS[fieldOfColumn.get(h.index)!])}</Tag>}
            </span>
          ),
          render: (_: unknown, row: string[]) => row[h.index] ?? '',
        }))} />
    </Card>
  );
}
