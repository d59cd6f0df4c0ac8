/** Ending a fact on a date (it stays in the history). */
import { Alert, DatePicker, Form } from 'antd';
import type { Dayjs } from 'dayjs';
import { FormModal } from '@/components/FormModal';
import { dayjs } from '@/lib/dayjs';
import { useT } from '@/lib/i18n';
import { endFact, type Fact } from '../registry.api';

export function EndFactModal({ fact, onClose, onSaved }: { fact: Fact; onClose: () => void; onSaved: () => void }) {
  const t = useT();

  const submit = async ({ validTo }: { validTo: Dayjs }) => {
    await endFact(fact.id, validTo.format('YYYY-MM-DD'));
    onSaved();
  };

  return (
    <FormModal
      title={t('结束信息')}
      okText={t('确认结束')}
      onSubmit={submit}
      onClose={onClose}
      initialValues={{ validTo: dayjs() }}
      notice={<Alert type="info" showIcon style={{ marginBottom: 16 }} title={t('“{label}”将于所选日期失效，历史记录会保留。', { label: fact.label })} />}
    >
      <Form.Item name="validTo" label={t('失效日期')} rules={[{ required: true, message: t('请选择失效日期') }]}>
        <DatePicker style={{ width: '100%' }} />
      </Form.Item>
    </FormModal>
  );
}
