/** Changing one's password; the first sign-in with a generated password lands here and cannot leave. */
import { Alert, Button, Card, Flex, Form, Input, Typography, App } from 'antd';
import { useNavigate } from 'react-router-dom';
import { useAuth } from '@/lib/auth';
import { applyApiError } from '@/lib/form-errors';
import { useT } from '@/lib/i18n';
import { Brand } from './Brand';

interface Passwords {
  currentPassword: string;
  newPassword: string;
  confirm: string;
}

export function ChangePasswordPage() {
  const t = useT();
  const { me, changePassword, signOut } = useAuth();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [form] = Form.useForm<Passwords>();
  const forced = !!me?.mustChangePassword;

  const submit = async (values: Passwords) => {
    try {
      await changePassword(values.currentPassword, values.newPassword);
      message.success(t('密码已修改'));
      navigate('/', { replace: true });
    } catch (error) {
      const rest = applyApiError(form, error);
      if (rest) message.error(rest);
    }
  };

  return (
    <div className="sign-in-page">
      <Card className="sign-in-card" variant="borderless">
        <Flex vertical align="center" style={{ marginBottom: 16 }}>
          <Brand />
          <Typography.Title level={4} style={{ marginTop: 16, marginBottom: 0 }}>
            {t('修改密码')}
          </Typography.Title>
        </Flex>
        {forced && <Alert type="warning" showIcon title={t('首次登录须先修改密码')} style={{ marginBottom: 16 }} />}
        <Form<Passwords> form={form} layout="vertical" onFinish={submit} requiredMark={false} size="large">
          <Form.Item name="currentPassword" label={t('当前密码')} rules={[{ required: true, message: t('请输入当前密码') }]}>
            <Input.Password autoComplete="current-password" />
          </Form.Item>
          <Form.Item
            name="newPassword"
            label={t('新密码')}
            extra={t('至少 10 位，须包含字母和数字')}
            rules={[
              { required: true, message: t('请输入新密码') },
              { min: 10, message: t('至少 10 位，须包含字母和数字') },
              { pattern: /(?=.*[A-Za-z])(?=.*\d)/, message: t('至少 10 位，须包含字母和数字') },
            ]}
          >
            <Input.Password autoComplete="new-password" />
          </Form.Item>
          <Form.Item
            name="confirm"
            label={t('确认新密码')}
            dependencies={['newPassword']}
            rules={[
              { required: true, message: t('请再次输入新密码') },
              ({ getFieldValue }) => ({
                validator: (_, value) => (!value || value === getFieldValue('newPassword') ? Promise.resolve() : Promise.reject(new Error(t('两次输入的密码不一致')))),
              }),
            ]}
          >
            <Input.Password autoComplete="new-password" />
          </Form.Item>
          <Flex vertical gap={8}>
            <Button type="primary" htmlType="submit" block>
              {t('确认修改')}
            </Button>
            {forced ? (
              <Button block onClick={() => signOut().then(() => navigate('/sign-in', { replace: true }))}>
                {t('退出登录')}
              </Button>
            ) : (
              <Button block onClick={() => navigate(-1)}>
                {t('返回')}
              </Button>
            )}
          </Flex>
        </Form>
      </Card>
    </div>
  );
}
