/** Money is integer fen in the API and yuan with two decimals on screen; shares are basis points and percent. */
import type { PolicyPeriod } from '@contracts/policies';
import type { Translate } from '@/lib/i18n';

const yuanFormat = new Intl.NumberFormat('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

export const fenToYuan = (fen: number) => fen / 100;
/** Rounds to the fen: 12.345 yuan typed is 1235 fen, never a fraction the server would refuse. */
export const yuanToFen = (yuan: number) => Math.round(yuan * 100);
export const bpToPercent = (bp: number) => bp / 100;
export const percentToBp = (percent: number) => Math.round(percent * 100);

/** ¥1,234.50 */
export function formatYuan(fen: number | null | undefined): string {
  return fen === null || fen === undefined ? '—' : `¥${yuanFormat.format(fen / 100)}`;
}

const PER: Record<PolicyPeriod, string> = { monthly: '/月', yearly: '/年', once: '（一次性）' };

/** ¥500.00/年 */
export function formatAmount(fen: number | null | undefined, period: PolicyPeriod, t: Translate): string {
  return fen === null || fen === undefined ? '—' : `${formatYuan(fen)}${t(PER[period])}`;
}
