/**
 * Guards exported spreadsheets (CSV/XLSX) against formula injection: a cell that
 * Excel or WPS would evaluate is turned into text with a leading apostrophe.
 */

const FORMULA_TRIGGER = /^[=+\-@\t\r]/;

export function neutralizeFormula(value: string): string;
export function neutralizeFormula<T>(value: T): T | string;
export function neutralizeFormula(value: unknown): unknown {
  if (typeof value !== 'string' || !FORMULA_TRIGGER.test(value)) return value;
  return `'${value}`;
}
