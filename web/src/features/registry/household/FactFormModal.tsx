/**
 * Recording a fact for the household (低保/特困/低保边缘, special family) or one member
 * (disability, illness, employment, school stage, elderly alone, incapacity).
 */
import { DatePicker, Form, Input, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { FormModal } from '@/components/FormModal';
import { dayjs } from '@/lib/dayjs';
import { useT } from '@/lib/i18n';
import { FACT_KINDS, type FactKind } from '../labels';
import { recordHouseholdFact, recordPersonFact, type Person } from '../registry.api';
import { FactValueFields, factValueFromForm } from './FactValueFields';

const HOUSEHOLD = 'household';

interface Values {
  subject: string;
  kind: FactKind;
  value?: Record<string, unknown>;
  source: string;
  validFrom: Dayjs;
  validTo?: Dayjs | null;
}

export function FactFormModal({ householdId, members, onClose, onSaved }: { householdId: number; members: Person[]; onClose: () => void; onSaved: () => void }) {
  const t = useT();
  const [form] = Form.useForm<Values>();
  const subject = Form.useWatch('subject', form);
  const kind = Form.useWatch('kind', form);
  const subjectType = subject === HOUSEHOLD ? 'household' : 'person';
  const kinds = (Object.entries(FACT_KINDS) as [FactKind, (typeof FACT_KINDS)[FactKind]][]).filter(([, spec]) => spec.subject === subjectType);

  const submit = async (values: Values) => {
    const fact = {
      kind: values.kind,
      value: factValueFromForm(values.kind, values.value),
      source: values.source.trim(),
      validFrom: values.validFrom.format('YYYY-MM-DD'),
      validTo: values.validTo ? values.validTo.format('YYYY-MM-DD') : null,
    };
    if (values.subject === HOUSEHOLD) await recordHouseholdFact(householdId, fact);
    else await recordPersonFact(Number(values.subject), fact);
    onSaved();
  };

  return (
    <FormModal<Values>
      form={form}
      title={t('记录信息')}
      okText={t('保存')}
      onSubmit={submit}
      onClose={onClose}
      width={560}
      initialValues={{ subject: HOUSEHOLD, validFrom: dayjs() }}
      formProps={{
        onValuesChange: (changed) => {
          if ('subject' in changed) form.setFieldsValue({ kind: undefined, value: undefined });
          if ('kind' in changed) form.setFieldsValue({ value: undefined });
        },
      }}
    >
      <Form.Item name="subject" label={t('记录对象')} rules={[{ required: true }]}>
        <Select
          options={[
            { value: HOUSEHOLD, label: t('本户（家庭）') },
            ...members.map((m) => ({ value: String(m.id), label: m.name })),
          ]}
        />
      </Form.Item>
      <Form.Item name="kind" label={t('信息类别')} rules={[{ required: true, message: t('请选择信息类别') }]}>
        <Select options={kinds.map(([value, spec]) => ({ value, label: t(spec.label) }))} placeholder={t('请选择')} />
      </Form.Item>
      <FactValueFields kind={kind} />
      <Form.Item name="source" label={t('信息来源')} rules={[{ required: true, whitespace: true, message: t('请填写信息来源') }]}>
        <Input maxLength={60} placeholder={t('如：银川市民政局低保名册、入户核查')} />
      </Form.Item>
      <Form.Item name="validFrom" label={t('生效日期')} rules={[{ required: true, message: t('请选择生效日期') }]}>
        <DatePicker style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item name="validTo" label={t('失效日期')} extra={t('长期有效可不填')}>
        <DatePicker style={{ width: '100%' }} />
      </Form.Item>
    </FormModal>
  );
}
