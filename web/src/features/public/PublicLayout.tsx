/** The citizen's pages: no sign-in, a plain header with the three things a citizen comes for. */
import { Flex, Layout, Segmented, Typography } from 'antd';
import { Suspense } from 'react';
import { Outlet, useLocation, useNavigate } from 'react-router-dom';
import { LanguageSwitch } from '@/app/HeaderTools';
import { FullPageSpin } from '@/app/guards';
import { useT } from '@/lib/i18n';
import './i18n-en';
import './public.css';

const PAGES = [
  { path: '/appeal', label: '我要反映' },
  { path: '/appeal/status', label: '进度查询' },
  { path: '/digest', label: '诉求回音' },
];

export function PublicLayout() {
  const t = useT();
  const location = useLocation();
  const navigate = useNavigate();
  const current = PAGES.find((p) => p.path === location.pathname)?.path ?? PAGES[0]!.path;
  return (
    <Layout className="public-layout">
      <Layout.Header className="public-header">
        <Flex align="center" justify="space-between" gap={12} wrap>
          <Flex align="center" gap={10}>
            <img src="/favicon.svg" alt="" width={28} height={28} />
            <Typography.Text strong className="public-title">{t('12345 政务服务便民热线 · 网上诉求')}</Typography.Text>
          </Flex>
          <LanguageSwitch />
        </Flex>
      </Layout.Header>
      <Layout.Content className="public-content">
        <Segmented block value={current} onChange={(path) => navigate(String(path))} options={PAGES.map((p) => ({ value: p.path, label: t(p.label) }))} />
        <div className="public-page">
          <Suspense fallback={<FullPageSpin />}>
            <Outlet />
          </Suspense>
        </div>
      </Layout.Content>
      <Layout.Footer className="public-footer">{t('7×24 小时受理 · 也可拨打 12345')}</Layout.Footer>
    </Layout>
  );
}
