/** Route guards: signed in (and past the forced password change), and holding a permission. */
import { Button, Flex, Result, Spin } from 'antd';
import type { ReactNode } from 'react';
import { Link, Navigate, useLocation } from 'react-router-dom';
import { useAuth, type Permission } from '@/lib/auth';
import { useT } from '@/lib/i18n';

export function FullPageSpin() {
  return (
    <Flex align="center" justify="center" style={{ minHeight: '60vh' }}>
      <Spin size="large" />
    </Flex>
  );
}

export function RequireSignedIn({ children, allowPasswordChangePending }: { children: ReactNode; allowPasswordChangePending?: boolean }) {
  const { me, loading } = useAuth();
  const location = useLocation();
  if (loading) return <FullPageSpin />;
  if (!me) {
    const next = location.pathname + location.search;
    return <Navigate to={next === '/' ? '/sign-in' : `/sign-in?next=${encodeURIComponent(next)}`} replace />;
  }
  if (me.mustChangePassword && !allowPasswordChangePending) return <Navigate to="/change-password" replace />;
  return <>{children}</>;
}

export function RequirePermission({ permission, children }: { permission: Permission; children: ReactNode }) {
  const { can } = useAuth();
  const t = useT();
  if (can(permission)) return <>{children}</>;
  return (
    <Result
      status="403"
      title={t('没有权限')}
      subTitle={t('您的账号没有访问此页面的权限，如需开通请联系系统管理员。')}
      extra={
        <Link to="/">
          <Button type="primary">{t('返回首页')}</Button>
        </Link>
      }
    />
  );
}
