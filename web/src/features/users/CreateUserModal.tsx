/** Creating a user: the server generates the first password, shown here once. */
import { Alert, Form, Input, Modal, Select, Typography } from 'antd';
import { useState } from 'react';
import { FormModal } from '@/components/FormModal';
import { OrganisationTreeSelect } from '@/components/OrganisationTreeSelect';
import { RegionTreeSelect } from '@/components/RegionTreeSelect';
import { useT } from '@/lib/i18n';
import { createUser, type NewUser, type Role } from './users.api';

export function CreateUserModal({ roles, onClose, onCreated }: { roles: Role[]; onClose: () => void; onCreated: () => void }) {
  const t = useT();
  const [created, setCreated] = useState<{ username: string; password: string | null } | null>(null);

  const submit = async (values: NewUser) => {
    const result = await createUser({ ...values, username: values.username.trim(), regionCode: values.regionCode || null });
    setCreated({ username: values.username.trim(), password: result.generatedPassword });
    onCreated();
  };

  if (created) {
    return (
      <Modal open title={t('用户已创建')} onOk={onClose} onCancel={onClose} okText={t('我已记下')} cancelButtonProps={{ style: { display: 'none' } }}>
        <Alert type="warning" showIcon title={t('初始密码只显示这一次，请转交用户；首次登录须修改密码。')} style={{ marginBottom: 16 }} />
        <Typography.Paragraph>
          {t('用户名')}：<Typography.Text strong>{created.username}</Typography.Text>
        </Typography.Paragraph>
        <Typography.Paragraph>
          {t('初始密码')}：
          <Typography.Text strong copyable className="mono" data-testid="generated-password">
            {created.password ?? ''}
          </Typography.Text>
        </Typography.Paragraph>
      </Modal>
    );
  }

  return (
    <FormModal<NewUser> title={t('新增用户')} okText={t('创建')} onSubmit={submit} onClose={onClose}>
      <Form.Item name="username" label={t('用户名')} extra={t('2-32 位字母、数字或 _.-')} rules={[{ required: true, message: t('请输入用户名') }, { pattern: /^[A-Za-z0-9_.-]{2,32}$/, message: t('2-32 位字母、数字或 _.-') }]}>
        <Input autoComplete="off" />
      </Form.Item>
      <Form.Item name="displayName" label={t('姓名')} rules={[{ required: true, whitespace: true, message: t('请输入姓名') }]}>
        <Input maxLength={40} />
      </Form.Item>
      <Form.Item name="orgId" label={t('所属组织')} rules={[{ required: true, message: t('请选择组织') }]}>
        <OrganisationTreeSelect />
      </Form.Item>
      <Form.Item name="roleCodes" label={t('角色')} rules={[{ required: true, message: t('请选择角色') }]}>
        <Select mode="multiple" options={roles.map((r) => ({ value: r.code, label: r.name }))} placeholder={t('请选择')} />
      </Form.Item>
      <Form.Item name="regionCode" label={t('负责区划（网格员等）')} extra={t('选填：此区划内的记录也在其数据范围内')}>
        <RegionTreeSelect />
      </Form.Item>
    </FormModal>
  );
}
