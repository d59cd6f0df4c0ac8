/** Language (Chinese by default), antd locale and theme, the antd App context, and the signed-in user. */
import { App as AntApp, ConfigProvider } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import { useCallback, useState, type ReactNode } from 'react';
import { setApiLanguage } from '@/lib/api';
import { AuthProvider } from '@/lib/auth';
import { setDayjsLanguage } from '@/lib/dayjs';
import { I18nProvider, initialLanguage, type Language } from '@/lib/i18n';
import { useIsMobile } from '@/lib/useMedia';

const FONTS = `-apple-system, BlinkMacSystemFont, "Segoe UI", "PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "Noto Sans CJK SC", "Noto Sans SC", "Helvetica Neue", Arial, sans-serif`;

function applyLanguage(language: Language): void {
  setApiLanguage(language);
  setDayjsLanguage(language);
  document.documentElement.lang = language === 'en' ? 'en' : 'zh-CN';
}

export function AppProviders({ children }: { children: ReactNode }) {
  const [language, setLanguage] = useState<Language>(() => {
    const initial = initialLanguage();
    applyLanguage(initial);
    return initial;
  });
  const onChange = useCallback((next: Language) => {
    applyLanguage(next);
    setLanguage(next);
  }, []);
  const mobile = useIsMobile();

  return (
    <I18nProvider language={language} onChange={onChange}>
      <ConfigProvider
        locale={language === 'en' ? enUS : zhCN}
        componentSize={mobile ? 'large' : 'middle'}
        theme={{
          token: { colorPrimary: '#1d5bbf', colorLink: '#1d5bbf', borderRadius: 6, fontFamily: FONTS },
          components: { Layout: { siderBg: '#0f2a4f', headerBg: '#ffffff', headerPadding: '0 16px' }, Menu: { darkItemBg: '#0f2a4f', darkSubMenuItemBg: '#0b2242' } },
        }}
      >
        <AntApp>
          <AuthProvider>{children}</AuthProvider>
        </AntApp>
      </ConfigProvider>
    </I18nProvider>
  );
}
