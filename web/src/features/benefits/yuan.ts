/**
 * Money typed in yuan becomes integer fen exactly: the text is parsed digit by digit, never
 * through a float (0.29 yuan is 29 fen, not 28.999…). Shown back with formatYuan (policies/money.ts).
 */
import type { FormRule as Rule } from 'antd';
import type { Translate } from '@/lib/i18n';

const YUAN = /^(\d{1,12})(?:\.(\d{0,2}))?$/;

/** '1,234.5' → 123450; null when it is not a non-negative amount with at most two decimals. */
export function parseYuan(text: string | number | null | undefined): number | null {
  if (text === null || text === undefined) return null;
  const match = YUAN.exec(String(text).trim().replace(/[,，\s]/g, ''));
  if (!match) return null;
  return Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0'));
}

/** 123450 → '1234.50', for a yuan field's initial value. */
export const fenToYuanText = (fen: number) => `${Math.trunc(fen / 100)}.${String(Math.abs(fen) % 100).padStart(2, '0')}`;

/** A form rule for a yuan amount: a number with at most two decimals, above zero unless zero is allowed. */
export function yuanRule(t: Translate, { required = true, allowZero = false } = {}): Rule {
  return {
    validator: async (_, value: string | undefined) => {
      if (value === undefined || value === null || String(value).trim() === '') {
        if (required) throw new Error(t('请填写金额'));
        return;
      }
      const fen = parseYuan(value);
      if (fen === null) throw new Error(t('金额应为最多两位小数的数字'));
      if (fen === 0 && !allowZero) throw new Error(t('金额应大于 0'));
    },
  };
}
