/**
 * 新建发放批次: a month (monthly benefits and one-off grants) or a year (yearly benefits),
 * optionally only some policies. Building takes a few seconds: a progress dialog shows
 * meanwhile. Asking again for the same period and policies returns the run already made.
 */
import { Alert, DatePicker, Flex, Form, Input, Modal, Progress, Segmented, Select, Spin, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { FormModal } from '@/components/FormModal';
import { dayjs } from '@/lib/dayjs';
import { useT } from '@/lib/i18n';
import { useRequest } from '@/lib/useRequest';
import { listPolicies } from '@/features/policies/policies.api';
import { buildsInProgress, createRun, type BuildProgress, type PaymentRun } from './payments.api';

/**
 * The build's stage, polled while the request runs. On a PostgreSQL server the answer comes at
 * once; the embedded database has one connection, held by the build, so there the poll waits
 * and the dialog shows only the spinner.
 */
function useBuildProgress(period: string | null): BuildProgress | null {
  const [progress, setProgress] = useState<BuildProgress | null>(null);
  useEffect(() => {
    if (!period) return setProgress(null);
    let stopped = false;
    const poll = async () => {
      while (!stopped) {
        const builds = await buildsInProgress().catch(() => []);
        if (!stopped) setProgress(builds.find((b) => b.period === period) ?? null);
        await new Promise((resolve) => setTimeout(resolve, 500));
      }
    };
    void poll();
    return () => {
      stopped = true;
    };
  }, [period]);
  return progress;
}

type Kind = 'monthly' | 'yearly';

interface Values {
  kind: Kind;
  month?: Dayjs;
  year?: Dayjs;
  policyCodes?: string[];
  note?: string;
}

export function NewRunModal({ onClose, onCreated }: { onClose: () => void; onCreated: (run: PaymentRun, created: boolean) => void }) {
  const t = useT();
  const [form] = Form.useForm<Values>();
  const kind = Form.useWatch('kind', form) ?? 'monthly';
  const [building, setBuilding] = useState<string | null>(null);
  const busy = building !== null;
  const progress = useBuildProgress(building);
  const { data: policies, loading } = useRequest((signal) => listPolicies(signal), []);
  const payable = (policies ?? []).filter((p) => p.activeVersion !== null && (kind === 'monthly' ? p.period !== 'yearly' : p.period === 'yearly'));

  const submit = async (values: Values) => {
    const period = values.kind === 'monthly' ? values.month!.format('YYYY-MM') : values.year!.format('YYYY');
    setBuilding(period);
    try {
      const result = await createRun({ period, policyCodes: values.policyCodes?.length ? values.policyCodes : undefined, note: values.note?.trim() || null });
      onCreated(result.run, result.created);
    } finally {
      setBuilding(null);
    }
  };

  return (
    <>
      <FormModal<Values> title={t('新建发放批次')} okText={t('生成')} form={form} onClose={onClose} onSubmit={submit} width={520}
        initialValues={{ kind: 'monthly', month: dayjs().startOf('month'), year: dayjs().startOf('year'), policyCodes: [] }}
        notice={<Alert type="info" showIcon style={{ marginBottom: 16 }} title={t('同一期间、同一组政策只生成一次；已发放的不会重复发放，补发和追回一并计入。')} />}>
        <Form.Item name="kind" label={t('发放方式')}>
          <Segmented<Kind> options={[{ value: 'monthly', label: t('月度') }, { value: 'yearly', label: t('年度') }]}
            onChange={() => form.setFieldValue('policyCodes', [])} />
        </Form.Item>
        {kind === 'monthly' ? (
          <Form.Item name="month" label={t('发放月份')} rules={[{ required: true, message: t('请选择月份') }]} extra={t('按月发放的待遇和当月的一次性救助')}>
            <DatePicker picker="month" style={{ width: '100%' }} />
          </Form.Item>
        ) : (
          <Form.Item name="year" label={t('发放年度')} rules={[{ required: true, message: t('请选择年度') }]} extra={t('按年发放的待遇')}>
            <DatePicker picker="year" style={{ width: '100%' }} />
          </Form.Item>
        )}
        <Form.Item name="policyCodes" label={t('政策')} extra={t('不选则包括全部按此方式发放的政策')}>
          <Select mode="multiple" allowClear loading={loading} placeholder={t('全部')} showSearch={{ optionFilterProp: 'label' }}
            options={payable.map((p) => ({ value: p.code, label: p.nameZh }))} />
        </Form.Item>
        <Form.Item name="note" label={t('备注（可不填）')}>
          <Input maxLength={500} />
        </Form.Item>
      </FormModal>
      <Modal open={busy} closable={false} footer={null} centered width={320} maskClosable={false}>
        <Flex vertical align="center" gap={12} style={{ padding: 16 }} data-testid="run-building">
          <Spin size="large" />
          <Typography.Text>{t('正在生成发放批次…')}</Typography.Text>
          {progress && (
            <>
              <Progress percent={Math.round((progress.done / progress.total) * 100)} size="small" style={{ width: 240 }} />
              <Typography.Text type="secondary" data-testid="run-building-stage">{t(progress.stage)}</Typography.Text>
            </>
          )}
        </Flex>
      </Modal>
    </>
  );
}
