/**
 * One dialog for every "from a date, because …" step: stop, suspend, resume, recompute, reject,
 * approve with a remark, decline a correction. The date is shown only when asked for; the
 * reason is required unless said otherwise. Server problems land under the fields they name.
 */
import { Alert, DatePicker, Form, Input } from 'antd';
import type { Dayjs } from 'dayjs';
import type { ReactNode } from 'react';
import { FormModal } from '@/components/FormModal';
import { dayjs } from '@/lib/dayjs';
import { useT } from '@/lib/i18n';

export interface ReasonValues {
  date?: string;
  reason: string | null;
}

interface Props {
  title: string;
  okText?: string;
  /** The date field's label (停发日期, 暂停日期 …); no date field without it. */
  dateLabel?: string;
  /** The server's field name for the date, so its problems land under it. */
  dateField?: string;
  defaultDate?: string;
  reasonLabel?: string;
  reasonRequired?: boolean;
  placeholder?: string;
  /** Shown above the fields: what is being acted on. */
  subject?: ReactNode;
  extra?: ReactNode;
  onSubmit: (values: ReasonValues) => Promise<void>;
  onClose: () => void;
}

export function ReasonModal({
  title, okText, dateLabel, dateField = 'date', defaultDate, reasonLabel, reasonRequired = true, placeholder, subject, extra, onSubmit, onClose,
}: Props) {
  const t = useT();
  const submit = async (values: Record<string, unknown>) => {
    const date = values[dateField] as Dayjs | undefined;
    const reason = String(values.reason ?? '').trim() || null;
    await onSubmit({ date: date ? date.format('YYYY-MM-DD') : undefined, reason });
  };
  return (
    <FormModal<Record<string, unknown>>
      title={title}
      okText={okText ?? t('确定')}
      onClose={onClose}
      onSubmit={submit}
      initialValues={dateLabel ? { [dateField]: defaultDate ? dayjs(defaultDate) : dayjs() } : {}}
      notice={subject ? <Alert type="info" showIcon style={{ marginBottom: 16 }} title={subject} /> : undefined}
    >
      {dateLabel && (
        <Form.Item name={dateField} label={dateLabel} rules={[{ required: true, message: t('请选择日期') }]}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
      )}
      {extra}
      <Form.Item
        name="reason"
        label={reasonLabel ?? (reasonRequired ? t('原因') : t('备注（可不填）'))}
        rules={reasonRequired ? [{ required: true, whitespace: true, message: t('请填写原因') }] : []}
      >
        <Input.TextArea rows={3} maxLength={500} showCount placeholder={placeholder} />
      </Form.Item>
    </FormModal>
  );
}
