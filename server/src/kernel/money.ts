/**
 * Money is integer fen everywhere; these are the only ways it turns into yuan and back — as
 * text ("1234.50", for files and messages), as a spreadsheet number, in SQL, and from typed text
 * (at most two decimals, never through a float).
 */
import { sql, type RawBuilder } from 'kysely';

/** 123450 → "1234.50"; -5 → "-0.05". */
export const yuanText = (fen: number): string =>
  `${fen < 0 ? '-' : ''}${Math.floor(Math.abs(fen) / 100)}.${String(Math.abs(fen) % 100).padStart(2, '0')}`;

/** A spreadsheet cell in yuan (a number, so sums work in Excel); null stays empty. */
export function yuanCell(fen: number): number;
export function yuanCell(fen: number | null): number | null;
export function yuanCell(fen: number | null): number | null {
  return fen === null ? null : Number((fen / 100).toFixed(2));
}

/** The same text as yuanText, computed by the database for a fen expression. */
export const yuanSql = (fen: RawBuilder<unknown>) => sql<string>`to_char(${fen} / 100.0, 'FM999999999990.00')`;

/** "1,234.5" → 123450; null when it is not a number with at most two decimals. */
export function yuanToFen(text: string): number | null {
  const match = /^(-?)(\d{1,12})(?:\.(\d{1,2}))?$/.exec(text.replace(/[,，\s]/g, ''));
  if (!match) return null;
  const fen = Number(match[2]) * 100 + Number((match[3] ?? '').padEnd(2, '0'));
  return match[1] ? -fen : fen;
}
