/** 评估 / 重新评估: the causes of hardship with their severity, the needs found, a summary and the date. */
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Checkbox, DatePicker, Flex, Form, Input, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { FormModal } from '@/components/FormModal';
import { dayjs } from '@/lib/dayjs';
import { useT } from '@/lib/i18n';
import { CAUSE_SEVERITIES, HARDSHIP_CAUSES, HOUSEHOLD_NEEDS, saveAssessment, type Assessment, type AssessedCause, type HouseholdNeed } from './plans.api';

interface Values {
  causes: AssessedCause[];
  needs: HouseholdNeed[];
  summary?: string;
  assessedOn: Dayjs;
}

export function AssessmentModal({ householdId, year, current, onClose, onSaved }: {
  householdId: number; year: number; current: Assessment | null; onClose: () => void; onSaved: () => void;
}) {
  const t = useT();
  const options = (labels: Record<string, string>) => Object.entries(labels).map(([value, label]) => ({ value, label: t(label) }));
  const submit = async (values: Values) => {
    await saveAssessment(householdId, year, {
      causes: values.causes.map((c) => ({ cause: c.cause, severity: c.severity, note: c.note?.trim() || null })),
      needs: values.needs ?? [],
      summary: values.summary?.trim() || null,
      assessedOn: values.assessedOn.format('YYYY-MM-DD'),
    });
    onSaved();
  };
  return (
    <FormModal<Values> title={current ? t('重新评估') : t('评估')} okText={t('保存')} onClose={onClose} onSubmit={submit} width={640}
      notice={current ? <Alert type="info" showIcon style={{ marginBottom: 16 }} title={t('同一年度只保留一次评估：重新评估将替换本年度的评估（原评估留在审计日志中）。')} /> : undefined}
      initialValues={{
        causes: current?.causes ?? [{ cause: undefined as unknown as AssessedCause['cause'], severity: 'moderate' }],
        needs: current?.needs ?? [],
        summary: current?.summary ?? undefined,
        assessedOn: dayjs(),
      }}>
      <Form.List name="causes">
        {(fields, { add, remove }) => (
          <Form.Item label={t('致困原因')} required>
            <Flex vertical gap={8}>
              {fields.map((field) => (
                <Flex key={field.key} gap={8} wrap>
                  <Form.Item name={[field.name, 'cause']} noStyle rules={[{ required: true, message: t('请选择致困原因') }]}>
                    <Select options={options(HARDSHIP_CAUSES)} placeholder={t('致困原因')} aria-label={t('致困原因')} style={{ minWidth: 180 }} />
                  </Form.Item>
                  <Form.Item name={[field.name, 'severity']} noStyle rules={[{ required: true, message: t('请选择困难程度') }]}>
                    <Select options={options(CAUSE_SEVERITIES)} aria-label={t('困难程度')} style={{ width: 100 }} />
                  </Form.Item>
                  <Form.Item name={[field.name, 'note']} noStyle>
                    <Input placeholder={t('说明（可不填）')} maxLength={500} style={{ flex: 1, minWidth: 140 }} />
                  </Form.Item>
                  {fields.length > 1 && <Button type="text" danger icon={<DeleteOutlined />} aria-label={t('删除')} onClick={() => remove(field.name)} />}
                </Flex>
              ))}
              <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ severity: 'moderate' })}>{t('添加原因')}</Button>
            </Flex>
          </Form.Item>
        )}
      </Form.List>
      <Form.Item name="needs" label={t('需求')}>
        <Checkbox.Group options={options(HOUSEHOLD_NEEDS)} />
      </Form.Item>
      <Form.Item name="summary" label={t('评估说明')}>
        <Input.TextArea rows={3} maxLength={2000} />
      </Form.Item>
      <Form.Item name="assessedOn" label={t('评估日期')} rules={[{ required: true }]}>
        <DatePicker style={{ width: '100%' }} disabledDate={(d) => d.year() !== year || d.isAfter(dayjs(), 'day')} />
      </Form.Item>
    </FormModal>
  );
}
