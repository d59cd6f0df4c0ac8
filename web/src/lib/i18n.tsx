/**
 * Chinese first, English second. UI strings are written in Chinese in the code and looked up
 * in a small English dictionary when English is chosen: `t('家庭台账')`, `t('共 {n} 户', { n })`.
 */
import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import { EN } from './i18n-en';

export type Language = 'zh' | 'en';
export type Translate = (text: string, vars?: Record<string, string | number>) => string;

const STORAGE_KEY = 'huimin.language';

export function initialLanguage(): Language {
  try {
    return localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'zh';
  } catch {
    return 'zh';
  }
}

export function translate(language: Language, text: string, vars?: Record<string, string | number>): string {
  const template = language === 'en' ? (EN[text] ?? text) : text;
  if (!vars) return template;
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => (key in vars ? String(vars[key]) : whole));
}

interface I18n {
  language: Language;
  setLanguage: (language: Language) => void;
  t: Translate;
}

const I18nContext = createContext<I18n>({ language: 'zh', setLanguage: () => {}, t: (text, vars) => translate('zh', text, vars) });

export function I18nProvider({ language: initial, onChange, children }: { language: Language; onChange?: (l: Language) => void; children: ReactNode }) {
  const [language, setState] = useState<Language>(initial);
  const setLanguage = useCallback(
    (next: Language) => {
      try {
        localStorage.setItem(STORAGE_KEY, next);
      } catch {
        // private browsing: the choice lasts for this page only
      }
      setState(next);
      onChange?.(next);
    },
    [onChange],
  );
  const t = useCallback<Translate>((text, vars) => translate(language, text, vars), [language]);
  const value = useMemo(() => ({ language, setLanguage, t }), [language, setLanguage, t]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export const useI18n = () => useContext(I18nContext);
export const useT = () => useContext(I18nContext).t;
