/** Asks why sensitive data is needed before showing it; the reason goes to the audit log. */
import { Alert, Form, Input } from 'antd';
import { FormModal } from '@/components/FormModal';
import { useT } from '@/lib/i18n';

export interface RevealModalProps {
  open: boolean;
  subject: string;
  onCancel: () => void;
  onConfirm: (reason: string) => Promise<void>;
}

export function RevealModal({ open, subject, onCancel, onConfirm }: RevealModalProps) {
  const t = useT();

  return (
    <FormModal<{ reason: string }>
      open={open}
      title={t('查看敏感信息')}
      okText={t('确认查看')}
      onSubmit={({ reason }) => onConfirm(reason.trim())}
      onClose={onCancel}
      submitOnEnter
      notice={<Alert type="info" showIcon style={{ marginBottom: 16 }} title={t('将显示 {subject}。查看记录和原因会写入审计日志。', { subject })} />}
    >
      <Form.Item
        name="reason"
        label={t('查看原因')}
        rules={[
          { required: true, whitespace: true, message: t('请填写查看原因') },
          { min: 2, message: t('请填写查看原因') },
        ]}
      >
        <Input.TextArea rows={3} maxLength={200} showCount placeholder={t('如：核对低保申请材料')} />
      </Form.Item>
    </FormModal>
  );
}
