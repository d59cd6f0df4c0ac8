/** dayjs configured once: Chinese locale by default, English on request. */
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import 'dayjs/locale/en';
import relativeTime from 'dayjs/plugin/relativeTime';
import type { Language } from './i18n';

dayjs.extend(relativeTime);
dayjs.locale('zh-cn');

export function setDayjsLanguage(language: Language): void {
  dayjs.locale(language === 'en' ? 'en' : 'zh-cn');
}

/** 2026-03-14 14:05 — the way timestamps read in lists. */
export function formatDateTime(value: string | null | undefined): string {
  return value ? dayjs(value).format('YYYY-MM-DD HH:mm') : '';
}

export function today(): string {
  return dayjs().format('YYYY-MM-DD');
}

export { dayjs };
