/**
 * Puts the server's field problems under the form fields they name: `members.1.idNumber`
 * → Form field ['members', 1, 'idNumber']. Returns what could not be placed on a field,
 * for a message at the top of the form.
 */
import type { FormInstance } from 'antd';
import { ApiError, type FieldProblem } from './api';

export type NamePath = (string | number)[];

export function namePathOf(field: string): NamePath {
  return field.split('.').map((part) => (/^\d+$/.test(part) ? Number(part) : part));
}

const key = (path: NamePath) => path.join('.');

export function applyApiError(
  form: FormInstance,
  error: unknown,
  rename: (field: string) => string = (field) => field,
): string | null {
  if (!(error instanceof ApiError)) return error instanceof Error ? error.message : String(error);
  const registered = new Set(form.getFieldsError().map((f) => key(f.name as NamePath)));
  const byField = new Map<string, { name: NamePath; errors: string[] }>();
  const unplaced: FieldProblem[] = [];
  const problems = error.problems.length > 0 ? error.problems : error.field ? [{ field: error.field, message: error.message }] : [];
  for (const problem of problems) {
    const name = namePathOf(rename(problem.field));
    if (!registered.has(key(name))) {
      unplaced.push(problem);
      continue;
    }
    const entry = byField.get(key(name)) ?? { name, errors: [] };
    entry.errors.push(problem.message);
    byField.set(key(name), entry);
  }
  form.setFields([...byField.values()]);
  if (byField.size > 0) {
    const first = [...byField.values()][0].name;
    form.scrollToField(first, { block: 'center' });
  }
  if (problems.length === 0) return error.message;
  return unplaced.length > 0 ? unplaced.map((p) => p.message).join('；') : null;
}

/** The form's values when they pass the form's own rules, else null (the fields already show why). */
export async function validValues<T>(form: FormInstance<T>): Promise<T | null> {
  try {
    return await form.validateFields();
  } catch {
    return null;
  }
}
