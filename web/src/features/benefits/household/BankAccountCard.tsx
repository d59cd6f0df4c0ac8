/**
 * The payee's bank account (household benefits are paid to the head): masked, shown in full on
 * request to those allowed (audited), registered or changed by those who edit the registry.
 */
import { EditOutlined, EyeOutlined } from '@ant-design/icons';
import { App, Button, Card, Descriptions, Empty, Form, Input } from 'antd';
import { useState } from 'react';
import type { BankAccount } from '@contracts/benefits';
import { ErrorAlert } from '@/components/ErrorAlert';
import { FormModal } from '@/components/FormModal';
import { useAuth } from '@/lib/auth';
import { useT } from '@/lib/i18n';
import { useRequest } from '@/lib/useRequest';
import { getBankAccount, setBankAccount } from '../benefits.api';
import { ACCOUNT_REVEAL } from '../permissions';

type Values = { bankName: string; accountNumber: string; accountName: string };

export function BankAccountCard({ personId, payeeName }: { personId: number; payeeName: string }) {
  const t = useT();
  const { can } = useAuth();
  const { message } = App.useApp();
  const [editing, setEditing] = useState(false);
  const [shown, setShown] = useState<BankAccount | null>(null);
  const { data: account, error, reload } = useRequest((signal) => getBankAccount(personId, false, signal), [personId]);
  const current = shown ?? account;

  const reveal = async () => {
    try {
      setShown(await getBankAccount(personId, true));
    } catch (e) {
      message.error((e as Error).message);
    }
  };

  return (
    <Card size="small" title={t('收款账户（{name}）', { name: payeeName })} data-testid="bank-account"
      extra={can('registry:write') && <Button type="link" icon={<EditOutlined />} onClick={() => setEditing(true)}>{account ? t('修改') : t('登记账户')}</Button>}>
      {error && <ErrorAlert error={error} onRetry={reload} />}
      {account === null && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('尚未登记收款账户')} />}
      {current && (
        <Descriptions size="small" column={{ xs: 1, sm: 3 }} items={[
          { key: 'bank', label: t('开户行'), children: current.bankName },
          {
            key: 'number', label: t('账号'), children: (
              <>
                <span className="mono">{current.accountNumber}</span>
                {current.masked && can(ACCOUNT_REVEAL) && <Button type="link" size="small" icon={<EyeOutlined />} onClick={reveal}>{t('查看')}</Button>}
              </>
            ),
          },
          { key: 'name', label: t('户名'), children: current.accountName },
        ]} />
      )}
      {editing && (
        <FormModal<Values>
          title={t('收款账户')}
          okText={t('保存')}
          onClose={() => setEditing(false)}
          initialValues={{ bankName: account?.bankName, accountName: account?.accountName ?? payeeName }}
          onSubmit={async (values) => {
            await setBankAccount(personId, { ...values, accountNumber: values.accountNumber.replace(/\s/g, '') });
            setEditing(false);
            setShown(null);
            await reload();
          }}
        >
          <Form.Item name="bankName" label={t('开户行')} rules={[{ required: true, whitespace: true, message: t('请填写开户行') }]}>
            <Input maxLength={100} placeholder={t('如：中国农业银行银川分行')} />
          </Form.Item>
          <Form.Item name="accountNumber" label={t('账号')} rules={[{ required: true, pattern: /^[\d\s]{12,40}$/, message: t('银行账号应为 12 至 30 位数字') }]}>
            <Input inputMode="numeric" maxLength={40} className="mono" />
          </Form.Item>
          <Form.Item name="accountName" label={t('户名')} rules={[{ required: true, whitespace: true, message: t('请填写户名') }]}>
            <Input maxLength={50} />
          </Form.Item>
        </FormModal>
      )}
    </Card>
  );
}
