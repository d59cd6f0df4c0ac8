/** Mainland China phone numbers: mobiles and fixed lines. */

export type PhoneKind = 'mobile' | 'landline';

export type PhoneResult = { ok: true; value: string; kind: PhoneKind } | { ok: false };

// Only Beijing (010) and the 02x metropolitan codes are this short; every other area code is 0 + 3 digits.
const SHORT_AREA_CODE = /^0(10|2\d)/;

export function normalizePhone(raw: string | null | undefined): PhoneResult {
  const compact = toAsciiDigits(String(raw ?? '').trim()).replace(/[\s\-()]/g, '');

  const mobile = /^(?:\+86|0086|86)?(1[3-9]\d{9})$/.exec(compact);
  if (mobile) return { ok: true, value: mobile[1], kind: 'mobile' };

  if (!/^0\d{9,11}$/.test(compact)) return { ok: false };
  const areaCodeLength = SHORT_AREA_CODE.test(compact) ? 3 : 4;
  const areaCode = compact.slice(0, areaCodeLength);
  const local = compact.slice(areaCodeLength);
  // A local part starting with 0 means the trunk prefix was typed twice or the split is wrong.
  if (!/^[1-9]\d{6,7}$/.test(local)) return { ok: false };
  return { ok: true, value: `${areaCode}-${local}`, kind: 'landline' };
}

function toAsciiDigits(text: string): string {
  return text.replace(/[０-９＋－（）　]/g, (c) => String.fromCharCode(c === '　' ? 0x20 : c.charCodeAt(0) - 0xfee0));
}
