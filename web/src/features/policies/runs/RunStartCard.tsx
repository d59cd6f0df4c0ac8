/** Starting a run: which active policies (all when none is chosen) over which regions (all in the user's scope). */
import { PlayCircleOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Form, Select } from 'antd';
import { useState } from 'react';
import { applyApiError } from '@/lib/form-errors';
import { useT } from '@/lib/i18n';
import { useRequest } from '@/lib/useRequest';
import { listPolicies, startRun, type PolicyRun } from '../policies.api';
import { RegionsPicker } from '../RegionsPicker';

interface Values {
  policyCodes: string[];
  regionCodes: string[];
}

export function RunStartCard({ initialPolicy, onStarted }: { initialPolicy?: string; onStarted: (run: PolicyRun) => void }) {
  const t = useT();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const { data: policies, loading } = useRequest((signal) => listPolicies(signal), []);
  const runnable = (policies ?? []).filter((p) => p.activeVersion !== null);

  const start = async (values: Values) => {
    setBusy(true);
    setProblem(null);
    try {
      onStarted(await startRun({ policyCodes: values.policyCodes ?? [], regionCodes: values.regionCodes ?? [] }));
    } catch (error) {
      setProblem(applyApiError(form, error));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card title={t('运行政策找人')} className="page-section">
      {problem && <Alert type="error" showIcon title={problem} style={{ marginBottom: 16 }} />}
      <Form<Values> form={form} layout="vertical" onFinish={start} initialValues={{ policyCodes: initialPolicy ? [initialPolicy] : [], regionCodes: [] }}>
        <Form.Item name="policyCodes" label={t('政策')} extra={t('不选则运行全部已启用的政策')}>
          <Select
            mode="multiple"
            allowClear
            loading={loading}
            placeholder={t('全部已启用政策')}
            options={runnable.map((p) => ({ value: p.code, label: p.nameZh }))}
            showSearch={{ optionFilterProp: 'label' }}
          />
        </Form.Item>
        <Form.Item name="regionCodes" label={t('区划')} extra={t('只在您的数据范围内查找')}>
          <RegionsPicker />
        </Form.Item>
        <Button type="primary" htmlType="submit" icon={<PlayCircleOutlined />} loading={busy} size="large">
          {t('开始运行')}
        </Button>
      </Form>
    </Card>
  );
}
