/**
 * Checks a person as entered — by a form or a spreadsheet row — and returns either the
 * clean record or every problem found, each naming its field, so the importer can report
 * per cell and the API can report per field with the same messages.
 */
import type { FieldProblem } from '../../kernel/errors.js';
import { ID_NUMBER_PROBLEM_MESSAGES, parseIdNumber } from '../../kernel/validation/idcard.js';
import { normalizePhone } from '../../kernel/validation/phone.js';
import { namePinyin } from '../../kernel/text/pinyin.js';

export interface PersonInput {
  idNumber: string;
  name: string;
  sex?: string | null;
  birthDate?: string | null;
  phone?: string | null;
  address?: string | null;
  regionCode: string;
}

export interface ValidPerson {
  idNumber: string;
  name: string;
  namePinyin: string;
  nameInitials: string;
  sex: 'M' | 'F';
  birthDate: string;
  phone: string | null;
  address: string | null;
  regionCode: string;
}

const ID_PROBLEMS = ID_NUMBER_PROBLEM_MESSAGES;

const SEX_WORDS: Record<string, 'M' | 'F'> = { m: 'M', male: 'M', 男: 'M', f: 'F', female: 'F', 女: 'F' };

export function parseSex(raw: string | null | undefined): 'M' | 'F' | null | 'invalid' {
  const text = (raw ?? '').trim().toLowerCase();
  if (!text) return null;
  return SEX_WORDS[text] ?? 'invalid';
}

/** Accepts 1990-01-02, 1990/1/2, 1990.01.02 and 19900102. */
export function parseDateText(raw: string | null | undefined): string | null | 'invalid' {
  const text = (raw ?? '').trim();
  if (!text) return null;
  const match = /^(\d{4})[-/.年]?(\d{1,2})[-/.月]?(\d{1,2})日?$/.exec(text);
  if (!match) return 'invalid';
  const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return 'invalid';
  return `${match[1]}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

export function validatePerson(input: PersonInput, regionExists: (code: string) => boolean): { value: ValidPerson | null; problems: FieldProblem[] } {
  const problems: FieldProblem[] = [];
  const problem = (field: string, message: string) => problems.push({ field, message });

  const name = (input.name ?? '').trim().replace(/\s+/g, ' ');
  if (!name) problem('name', '姓名必填');
  else if (name.length > 40) problem('name', '姓名过长（最多 40 个字符）');
  else if (/[<>"{}]/.test(name)) problem('name', '姓名含有不允许的字符');

  const id = parseIdNumber(input.idNumber ?? '');
  if (!id.ok) problem('idNumber', ID_PROBLEMS[id.reason]);

  const sex = parseSex(input.sex);
  if (sex === 'invalid') problem('sex', '性别应为“男”或“女”');
  else if (sex && id.ok && sex !== id.value.sex) problem('sex', `性别与身份证号不符（身份证号显示为${id.value.sex === 'M' ? '男' : '女'}）`);

  const birthDate = parseDateText(input.birthDate);
  if (birthDate === 'invalid') problem('birthDate', '出生日期格式不正确，应为 YYYY-MM-DD');
  else if (birthDate && id.ok && birthDate !== id.value.birthDate) problem('birthDate', `出生日期与身份证号不符（身份证号显示为 ${id.value.birthDate}）`);

  let phone: string | null = null;
  if (input.phone && String(input.phone).trim()) {
    const parsed = normalizePhone(String(input.phone));
    if (parsed.ok) phone = parsed.value;
    else problem('phone', '电话号码格式不正确（手机 11 位，或区号-号码）');
  }

  const regionCode = (input.regionCode ?? '').trim();
  if (!regionCode) problem('regionCode', '所属区划必填');
  else if (!regionExists(regionCode)) problem('regionCode', `区划代码 ${regionCode} 不存在`);

  const address = (input.address ?? '').trim() || null;
  if (address && address.length > 200) problem('address', '地址过长（最多 200 个字符）');

  if (problems.length > 0 || !id.ok) return { value: null, problems };
  const pinyin = namePinyin(name);
  return {
    value: {
      idNumber: id.value.idNumber,
      name,
      namePinyin: pinyin.full,
      nameInitials: pinyin.initials,
      sex: id.value.sex,
      birthDate: id.value.birthDate,
      phone,
      address,
      regionCode,
    },
    problems,
  };
}
