/**
 * Errors are values: a code, an HTTP status and a message in Chinese and English, defined
 * once here. Services throw AppError; the HTTP layer turns it into
 * `{ error: { code, message, field?, details? } }` in the caller's language.
 */

export interface FieldProblem {
  field: string;
  message: string;
  row?: number;
  column?: string;
}

const catalogue = {
  validation_failed: { status: 400, zh: '输入有误', en: 'Invalid input' },
  body_too_large: { status: 413, zh: '请求内容过大', en: 'Request body too large' },
  malformed_json: { status: 400, zh: '请求内容不是合法的 JSON', en: 'Request body is not valid JSON' },
  unauthenticated: { status: 401, zh: '请先登录', en: 'Please sign in' },
  bad_credentials: { status: 401, zh: '用户名或密码错误', en: 'Wrong user name or password' },
  account_locked: { status: 423, zh: '登录失败次数过多，账号已临时锁定，请稍后再试', en: 'Too many failed sign-ins; the account is locked for a while' },
  account_disabled: { status: 403, zh: '账号已停用', en: 'The account is disabled' },
  password_change_required: { status: 403, zh: '首次登录须先修改密码', en: 'You must change your password first' },
  weak_password: { status: 400, zh: '新密码至少 10 位，且须包含字母和数字', en: 'The new password needs at least 10 characters with letters and digits' },
  csrf_failed: { status: 403, zh: '页面已过期，请刷新后重试（CSRF 校验失败）', en: 'CSRF check failed; reload the page' },
  forbidden: { status: 403, zh: '没有权限执行此操作', en: 'You do not have permission for this' },
  not_found: { status: 404, zh: '记录不存在或不在您的数据范围内', en: 'Not found' },
  conflict: { status: 409, zh: '数据冲突', en: 'Conflict' },
  id_number_taken: { status: 409, zh: '该身份证号已登记', en: 'This ID number is already registered' },
  already_in_household: { status: 409, zh: '此人已是其他家庭的成员', en: 'This person already belongs to another household' },
  rate_limited: { status: 429, zh: '请求过于频繁，请稍后再试', en: 'Too many requests' },
  file_too_large: { status: 413, zh: '文件超过大小限制', en: 'The file exceeds the size limit' },
  bad_file: { status: 400, zh: '文件无法读取', en: 'The file cannot be read' },
  rule_invalid: { status: 400, zh: '政策规则有误', en: 'The policy rule is invalid' },
  run_in_progress: { status: 409, zh: '已有运行中的测算，请等待完成或取消后再试', en: 'A run is already in progress' },
  invalid_state: { status: 409, zh: '当前状态不允许此操作', en: 'Not allowed in the current state' },
  separation_of_duties: { status: 403, zh: '同一人不能既办理又审批', en: 'The same person cannot both prepare and approve' },
  internal: { status: 500, zh: '服务器内部错误', en: 'Internal server error' },
} as const;

export type ErrorCode = keyof typeof catalogue;

export class AppError extends Error {
  readonly status: number;
  constructor(
    readonly code: ErrorCode,
    readonly detail?: { zh?: string; en?: string; field?: string; problems?: FieldProblem[]; data?: unknown },
  ) {
    super(detail?.en ?? catalogue[code].en);
    this.status = catalogue[code].status;
  }

  messageIn(lang: Language): string {
    const base = catalogue[this.code][lang];
    const extra = this.detail?.[lang];
    return extra ? `${base}：${extra}` : base;
  }
}

export type Language = 'zh' | 'en';

export function languageOf(acceptLanguage: string | undefined): Language {
  return acceptLanguage && /^en\b/i.test(acceptLanguage.trim()) ? 'en' : 'zh';
}

/** Shorthand for a single field's validation problem. */
export function invalidField(field: string, zh: string, en: string): AppError {
  return new AppError('validation_failed', { zh: `${zh}`, en, field, problems: [{ field, message: zh }] });
}

/** A text the user must give (a reason, a reply, minutes): trimmed, or an error on its field. */
export function requireText(value: string | null | undefined, field: string, what: string): string {
  const text = value?.trim();
  if (!text) throw invalidField(field, `请填写${what}`, `${field} is required`);
  return text;
}

export function notFound(): AppError {
  return new AppError('not_found');
}

export function forbidden(): AppError {
  return new AppError('forbidden');
}
