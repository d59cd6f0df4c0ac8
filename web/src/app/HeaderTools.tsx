/** The right side of the header: language switch and the user menu (change password, sign out). */
import { DownOutlined, KeyOutlined, LogoutOutlined, UserOutlined } from '@ant-design/icons';
import { Avatar, Button, Dropdown, Flex, Segmented, Typography } from 'antd';
import { useNavigate } from 'react-router-dom';
import { useAuth } from '@/lib/auth';
import { useI18n, type Language } from '@/lib/i18n';
import { useIsMobile } from '@/lib/useMedia';

export function LanguageSwitch() {
  const { language, setLanguage } = useI18n();
  return (
    <Segmented<Language>
      size="small"
      value={language}
      onChange={setLanguage}
      options={[
        { label: '中文', value: 'zh' },
        { label: 'EN', value: 'en' },
      ]}
      aria-label="语言 Language"
    />
  );
}

export function UserMenu() {
  const { me, signOut } = useAuth();
  const { t } = useI18n();
  const navigate = useNavigate();
  const mobile = useIsMobile();
  if (!me) return null;
  const items = [
    { key: 'who', label: <Typography.Text type="secondary">{me.displayName}</Typography.Text>, disabled: true },
    { type: 'divider' as const },
    { key: 'password', icon: <KeyOutlined />, label: t('修改密码') },
    { key: 'sign-out', icon: <LogoutOutlined />, label: t('退出登录'), danger: true },
  ];
  const onClick = async ({ key }: { key: string }) => {
    if (key === 'password') navigate('/change-password');
    if (key === 'sign-out') {
      await signOut();
      navigate('/sign-in', { replace: true });
    }
  };
  return (
    <Dropdown menu={{ items, onClick }} trigger={['click']} placement="bottomRight">
      <Button type="text" aria-label={t('用户菜单')} style={{ height: 44 }}>
        <Flex align="center" gap={8}>
          <Avatar size="small" icon={<UserOutlined />} style={{ background: '#1d5bbf' }} />
          {!mobile && <span className="user-name">{me.displayName}</span>}
          <DownOutlined style={{ fontSize: 10 }} />
        </Flex>
      </Button>
    </Dropdown>
  );
}
