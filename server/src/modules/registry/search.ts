/**
 * What a search box query means: an 18-character ID number is matched exactly, a phone
 * exactly, Latin letters as pinyin initials or full pinyin (张三丰 ← "zsf", "zhangsan"),
 * anything else as the start of a name. Each form uses its own index.
 */
import { sql, type RawBuilder } from 'kysely';
import { escapeLike } from '../../kernel/auth/scope.js';
import { normalizePhone } from '../../kernel/validation/phone.js';

export type SearchForm = 'id_number' | 'phone' | 'pinyin' | 'name';

export function classifyQuery(raw: string): { form: SearchForm; text: string } {
  const text = raw.trim().replace(/\s+/g, '');
  if (/^\d{17}[\dXx]$/.test(text)) return { form: 'id_number', text: text.toUpperCase() };
  const phone = normalizePhone(text);
  if (/^[\d+\-\s]+$/.test(text) && phone.ok) return { form: 'phone', text: phone.value };
  if (/^[a-zA-Z]+$/.test(text)) return { form: 'pinyin', text: text.toLowerCase() };
  return { form: 'name', text };
}

/**
 * Specific text — two or more characters of a name, three or more pinyin initials ("wxl"),
 * pinyin of two syllables or more — matches few rows (hundreds in a million). Those are
 * collected first through their own index, so the caller's data scope and "newest first,
 * 20 per page" apply to them alone. Left as a plain condition, the planner may instead walk
 * the whole id index backwards looking for 20 rows that pass a scope few of them pass
 * (measured on 1,000,000 persons: 200–400 ms for a county caseworker, see bench/README.md).
 * Broad text (one character, two initials, one syllable like "wang") matches tens of
 * thousands: collecting them all would cost more than walking the id index, which finds the
 * newest 20 quickly because they are everywhere.
 */
export function isSpecific(form: 'pinyin' | 'name', text: string): boolean {
  if (form === 'name') return [...text].length >= 2;
  // The longest single syllables (zhuang, chuang, shuang) have six letters.
  return /^[b-df-hj-np-tw-z]{3,}$/.test(text) || text.length >= 7;
}

/** The condition on a persons table alias (columns id, id_number, phone, name, name_pinyin, name_initials). */
export function personMatches(alias: string, raw: string): RawBuilder<boolean> {
  const { form, text } = classifyQuery(raw);
  const col = (name: string) => sql.ref(`${alias}.${name}`);
  switch (form) {
    case 'id_number':
      return sql<boolean>`${col('id_number')} = ${text}`;
    case 'phone':
      return sql<boolean>`${col('phone')} = ${text}`;
    case 'pinyin':
    case 'name': {
      const pattern = `${escapeLike(text)}%`;
      const matches = (a: string) =>
        form === 'name'
          ? sql<boolean>`${sql.ref(`${a}.name`)} like ${pattern}`
          : sql<boolean>`(${sql.ref(`${a}.name_initials`)} like ${pattern} or ${sql.ref(`${a}.name_pinyin`)} like ${pattern})`;
      if (!isSpecific(form, text)) return matches(alias);
      // An uncorrelated sub-select: run once, through the name/pinyin index, before the outer scan.
      return sql<boolean>`${col('id')} = any(array(select search_match.id from persons search_match where ${matches('search_match')}))`;
    }
  }
}
