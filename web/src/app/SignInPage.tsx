/** Sign-in: user name and password; a first password must be changed before anything else. */
import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { Link, Navigate, useNavigate, useSearchParams } from 'react-router-dom';
import { useAuth } from '@/lib/auth';
import { useT } from '@/lib/i18n';
import { Brand } from './Brand';
import { FullPageSpin } from './guards';
import { LanguageSwitch } from './HeaderTools';

interface Credentials {
  username: string;
  password: string;
}

/** Only same-site paths: never bounce to another origin after signing in. */
function safeNext(next: string | null): string {
  return next && next.startsWith('/') && !next.startsWith('//') ? next : '/';
}

export function SignInPage() {
  const t = useT();
  const { me, loading, signIn } = useAuth();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  if (loading) return <FullPageSpin />;
  if (me) return <Navigate to={me.mustChangePassword ? '/change-password' : safeNext(params.get('next'))} replace />;

  const submit = async ({ username, password }: Credentials) => {
    setBusy(true);
    setError(null);
    try {
      const user = await signIn(username.trim(), password);
      navigate(user?.mustChangePassword ? '/change-password' : safeNext(params.get('next')), { replace: true });
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="sign-in-page">
      <div className="sign-in-tools">
        <LanguageSwitch />
      </div>
      <Card className="sign-in-card" variant="borderless">
        <div style={{ textAlign: 'center', marginBottom: 24 }}>
          <div style={{ display: 'inline-block' }}>
            <Brand />
          </div>
          <Typography.Title level={4} style={{ marginTop: 16, marginBottom: 0 }}>
            {t('登录')}
          </Typography.Title>
        </div>
        {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} role="alert" />}
        <Form<Credentials> layout="vertical" onFinish={submit} requiredMark={false} size="large">
          <Form.Item name="username" label={t('用户名')} rules={[{ required: true, message: t('请输入用户名') }]}>
            <Input prefix={<UserOutlined />} autoComplete="username" autoFocus />
          </Form.Item>
          <Form.Item name="password" label={t('密码')} rules={[{ required: true, message: t('请输入密码') }]}>
            <Input.Password prefix={<LockOutlined />} autoComplete="current-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={busy}>
            {t('登录')}
          </Button>
        </Form>
        <Typography.Paragraph type="secondary" style={{ marginTop: 16, marginBottom: 0, textAlign: 'center' }}>
          {t('市民反映问题、查询进度，请到')} <Link to="/appeal">{t('网上诉求')}</Link>
        </Typography.Paragraph>
      </Card>
    </div>
  );
}
