/**
 * Second-generation disability certificate number (第二代残疾人证):
 * the holder's 18-character ID number, then one category digit and one grade digit.
 */
import { parseIdNumber, type IdNumberProblem } from './idcard.js';

export type DisabilityCategoryCode = 1 | 2 | 3 | 4 | 5 | 6 | 7;
export type DisabilityGrade = 1 | 2 | 3 | 4;

export interface DisabilityCategory {
  code: DisabilityCategoryCode;
  zh: string;
  en: string;
}

export const DISABILITY_CATEGORIES: readonly DisabilityCategory[] = Object.freeze([
  { code: 1, zh: '视力残疾', en: 'Visual' },
  { code: 2, zh: '听力残疾', en: 'Hearing' },
  { code: 3, zh: '言语残疾', en: 'Speech' },
  { code: 4, zh: '肢体残疾', en: 'Physical' },
  { code: 5, zh: '智力残疾', en: 'Intellectual' },
  { code: 6, zh: '精神残疾', en: 'Mental' },
  { code: 7, zh: '多重残疾', en: 'Multiple' },
] as const);

export type DisabilityCertificateProblem =
  | 'length'
  | 'id_number'
  | 'category'
  | 'grade'
  | 'mismatch_id'
  | 'mismatch_category'
  | 'mismatch_grade';

export interface DisabilityCertificate {
  certificateNo: string;
  idNumber: string;
  category: DisabilityCategoryCode;
  grade: DisabilityGrade;
}

export type DisabilityCertificateResult =
  | { ok: true; value: DisabilityCertificate }
  | { ok: false; reason: DisabilityCertificateProblem; idNumberProblem?: IdNumberProblem };

/** What the rest of the record says, so a certificate belonging to someone else is caught. */
export interface ExpectedCertificateFields {
  idNumber?: string;
  category?: number;
  grade?: number;
}

export function parseDisabilityCertificate(
  raw: string,
  expected: ExpectedCertificateFields = {},
): DisabilityCertificateResult {
  const certificateNo = normalizeCertificateInput(raw);
  if (certificateNo.length !== 20) return { ok: false, reason: 'length' };

  const id = parseIdNumber(certificateNo.slice(0, 18));
  if (!id.ok) return { ok: false, reason: 'id_number', idNumberProblem: id.reason };

  if (!/^[1-7]$/.test(certificateNo[18])) return { ok: false, reason: 'category' };
  if (!/^[1-4]$/.test(certificateNo[19])) return { ok: false, reason: 'grade' };
  const category = Number(certificateNo[18]) as DisabilityCategoryCode;
  const grade = Number(certificateNo[19]) as DisabilityGrade;

  if (expected.idNumber !== undefined && normalizeCertificateInput(expected.idNumber) !== id.value.idNumber) {
    return { ok: false, reason: 'mismatch_id' };
  }
  if (expected.category !== undefined && expected.category !== category) return { ok: false, reason: 'mismatch_category' };
  if (expected.grade !== undefined && expected.grade !== grade) return { ok: false, reason: 'mismatch_grade' };

  return {
    ok: true,
    value: {
      certificateNo,
      idNumber: id.value.idNumber,
      category,
      grade,
    },
  };
}

export function disabilityCategory(code: number): DisabilityCategory | undefined {
  return DISABILITY_CATEGORIES.find((category) => category.code === code);
}

function normalizeCertificateInput(raw: string): string {
  return String(raw ?? '')
    .trim()
    .replace(/[０-９Ｘｘ]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/x/g, 'X');
}
