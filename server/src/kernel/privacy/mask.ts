/** Display masking for personal data shown to people who do not need the full value. */
import { normalizePhone } from '../validation/phone.js';

export function maskIdNumber(value: string | null | undefined): string | null {
  return maskMiddle(value, 4, 4);
}

export function maskCertificate(value: string | null | undefined): string | null {
  return maskMiddle(value, 4, 2);
}

/** Mobiles keep the carrier prefix and last four; landlines keep the area code and last two. */
export function maskPhone(value: string | null | undefined): string | null {
  if (value == null) return null;
  const phone = normalizePhone(value);
  if (!phone.ok) return maskMiddle(value, 0, 2);
  if (phone.kind === 'mobile') return `${phone.value.slice(0, 3)}****${phone.value.slice(7)}`;
  const [areaCode, local] = phone.value.split('-');
  return `${areaCode}-${'*'.repeat(local.length - 2)}${local.slice(-2)}`;
}

/** Keeps the surname initial and, for names of three or more characters, the last character. */
export function maskName(value: string | null | undefined): string | null {
  if (value == null) return null;
  const chars = Array.from(value);
  if (chars.length === 0) return '';
  if (chars.length === 1) return '*';
  if (chars.length === 2) return `${chars[0]}*`;
  return `${chars[0]}${'*'.repeat(chars.length - 2)}${chars[chars.length - 1]}`;
}

function maskMiddle(value: string | null | undefined, keepStart: number, keepEnd: number): string | null {
  if (value == null) return null;
  const chars = Array.from(value);
  // Too short to leave anything visible without revealing most of it.
  if (chars.length <= keepStart + keepEnd) return '*'.repeat(chars.length);
  const hidden = chars.length - keepStart - keepEnd;
  return chars.slice(0, keepStart).join('') + '*'.repeat(hidden) + chars.slice(chars.length - keepEnd).join('');
}
