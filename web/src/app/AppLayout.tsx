/**
 * The frame of every page: a side menu on wide screens, a menu drawer under 768 px, and a
 * header with the language switch and the user menu.
 */
import { MenuOutlined } from '@ant-design/icons';
import { Button, Drawer, Flex, Layout } from 'antd';
import { Suspense, useState } from 'react';
import { Outlet } from 'react-router-dom';
import { NotificationBell } from '@/features/notifications/NotificationBell';
import { useT } from '@/lib/i18n';
import { useIsMobile } from '@/lib/useMedia';
import { Brand } from './Brand';
import { FullPageSpin } from './guards';
import { LanguageSwitch, UserMenu } from './HeaderTools';
import { NavigationMenu } from './menu';

export function AppLayout() {
  const t = useT();
  const mobile = useIsMobile();
  const [collapsed, setCollapsed] = useState(false);
  const [drawerOpen, setDrawerOpen] = useState(false);

  return (
    <Layout className="app-layout">
      {!mobile && (
        <Layout.Sider width={224} collapsible collapsed={collapsed} onCollapse={setCollapsed} className="app-sider">
          <div className="sider-brand">
            <Brand dark compact={collapsed} />
          </div>
          <NavigationMenu />
        </Layout.Sider>
      )}
      <Layout>
        <Layout.Header className="app-header">
          {mobile && (
            <Flex align="center" gap={8}>
              <Button type="text" size="large" icon={<MenuOutlined />} aria-label={t('打开菜单')} onClick={() => setDrawerOpen(true)} />
              <Brand />
            </Flex>
          )}
          <Flex align="center" gap={12} style={{ marginInlineStart: 'auto' }}>
            <NotificationBell />
            <LanguageSwitch />
            <UserMenu />
          </Flex>
        </Layout.Header>
        <Layout.Content className="app-content">
          <Suspense fallback={<FullPageSpin />}>
            <Outlet />
          </Suspense>
        </Layout.Content>
      </Layout>
      {mobile && (
        <Drawer
          open={drawerOpen}
          onClose={() => setDrawerOpen(false)}
          placement="left"
          size={264}
          title={<Brand dark />}
          className="nav-drawer"
          styles={{ body: { padding: 0, background: '#0f2a4f' }, header: { background: '#0f2a4f' } }}
        >
          <NavigationMenu onNavigate={() => setDrawerOpen(false)} />
        </Drawer>
      )}
    </Layout>
  );
}
