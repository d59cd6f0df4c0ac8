/** Chinese resident identity number, GB 11643-1999. */

export type IdNumberProblem = 'empty' | 'length' | 'format' | 'birth_date' | 'checksum';

export type Sex = 'M' | 'F';

/** What to tell a person about each problem, wherever an ID number is typed or imported. */
export const ID_NUMBER_PROBLEM_MESSAGES: Record<IdNumberProblem, string> = {
  empty: '身份证号必填',
  length: '身份证号应为 18 位',
  format: '身份证号格式不正确（前 17 位为数字，末位为数字或 X）',
  birth_date: '身份证号中的出生日期无效',
  checksum: '身份证号校验位不正确',
};

export interface IdNumberParts {
  idNumber: string;
  regionCode: string;
  birthDate: string;
  sex: Sex;
}

export type IdNumberResult =
  | { ok: true; value: IdNumberParts }
  | { ok: false; reason: IdNumberProblem };

export interface ParseIdNumberOptions {
  /** Defaults to now; injectable so "born in the future" can be tested deterministically. */
  today?: Date;
}

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK_CHARS = ['1', '0', 'X', '9', '8', '7', '6', '5', '4', '3', '2'];
const EARLIEST_BIRTH_YEAR = 1890;
const CHINA_UTC_OFFSET_MS = 8 * 60 * 60 * 1000;

export function checkDigit(first17: string): string {
  if (!/^\d{17}$/.test(first17)) {
    throw new RangeError(`checkDigit needs exactly 17 digits, got "${first17}"`);
  }
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += (first17.charCodeAt(i) - 48) * WEIGHTS[i];
  return CHECK_CHARS[sum % 11];
}

export function parseIdNumber(raw: string, options: ParseIdNumberOptions = {}): IdNumberResult {
  const idNumber = normalizeIdInput(raw);
  if (idNumber === '') return { ok: false, reason: 'empty' };
  if (idNumber.length !== 18) return { ok: false, reason: 'length' };
  if (!/^\d{17}[\dX]$/.test(idNumber)) return { ok: false, reason: 'format' };

  const birthDate = `${idNumber.slice(6, 10)}-${idNumber.slice(10, 12)}-${idNumber.slice(12, 14)}`;
  if (!isPlausibleBirthDate(birthDate) || birthDate > chinaDate(options.today ?? new Date())) {
    return { ok: false, reason: 'birth_date' };
  }
  if (checkDigit(idNumber.slice(0, 17)) !== idNumber[17]) return { ok: false, reason: 'checksum' };

  return {
    ok: true,
    value: {
      idNumber,
      regionCode: idNumber.slice(0, 6),
      birthDate,
      sex: Number(idNumber[16]) % 2 === 1 ? 'M' : 'F',
    },
  };
}

/**
 * Builds a valid number for synthetic data. The sequence's last digit carries the sex,
 * so it is nudged by one when its parity disagrees with `sex`.
 */
export function makeIdNumber(regionCode: string, birthDate: string, sequence: number, sex: Sex): string {
  if (!/^\d{6}$/.test(regionCode)) throw new RangeError(`regionCode must be 6 digits, got "${regionCode}"`);
  if (!isPlausibleBirthDate(birthDate)) throw new RangeError(`birthDate must be a real date YYYY-MM-DD from ${EARLIEST_BIRTH_YEAR}, got "${birthDate}"`);
  if (!Number.isInteger(sequence) || sequence < 0 || sequence > 999) {
    throw new RangeError(`sequence must be an integer 0..999, got ${sequence}`);
  }
  const wantOdd = sex === 'M';
  // XOR 1 flips parity and stays within 0..999 because 0 and 999 map to 1 and 998.
  const adjusted = (sequence % 2 === 1) === wantOdd ? sequence : sequence ^ 1;
  const first17 = regionCode + birthDate.replace(/-/g, '') + String(adjusted).padStart(3, '0');
  return first17 + checkDigit(first17);
}

function normalizeIdInput(raw: string): string {
  return String(raw ?? '')
    .trim()
    .replace(/[０-９Ｘｘ]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/x/g, 'X');
}

function isPlausibleBirthDate(date: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (year < EARLIEST_BIRTH_YEAR || month < 1 || month > 12 || day < 1) return false;
  return day <= daysInMonth(year, month);
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Today's calendar date in China, where the people being registered were born. */
function chinaDate(now: Date): string {
  return new Date(now.getTime() + CHINA_UTC_OFFSET_MS).toISOString().slice(0, 10);
}
