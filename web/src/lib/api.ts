/**
 * The one way the web app talks to the server: same-origin cookies, the CSRF token on every
 * state-changing request, the UI language in Accept-Language, and the server's error body
 * `{ error: { code, message, field, problems } }` turned into an ApiError.
 */
import type { Language } from './i18n';

export interface FieldProblem {
  field: string;
  message: string;
  row?: number;
  column?: string;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly problems: FieldProblem[] = [],
    readonly field?: string,
    readonly data?: unknown,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export type Query = Record<string, string | number | boolean | null | undefined>;

let csrfToken: string | null = null;
let language: Language = 'zh';
const authListeners = new Set<(error: ApiError) => void>();

export const setCsrfToken = (token: string | null) => void (csrfToken = token);
export const setApiLanguage = (value: Language) => void (language = value);

/** Called when the server says the session is gone or the password must be changed first. */
export function onAuthProblem(listener: (error: ApiError) => void): () => void {
  authListeners.add(listener);
  return () => void authListeners.delete(listener);
}

export function withQuery(path: string, query?: Query): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `${path}?${text}` : path;
}

function headers(method: string, json: boolean): Record<string, string> {
  const result: Record<string, string> = { Accept: 'application/json', 'Accept-Language': language === 'en' ? 'en' : 'zh-CN' };
  if (json) result['Content-Type'] = 'application/json';
  if (method !== 'GET' && csrfToken) result['x-csrf-token'] = csrfToken;
  return result;
}

function networkError(): ApiError {
  return new ApiError(0, 'network', language === 'en' ? 'Cannot reach the server; try again' : '无法连接服务器，请稍后重试');
}

async function errorOf(response: Response): Promise<ApiError> {
  let body: any = null;
  try {
    body = await response.json();
  } catch {
    // not JSON (a proxy's error page): fall through to the status text
  }
  const e = body?.error;
  const error = e
    ? new ApiError(response.status, e.code ?? 'error', e.message ?? response.statusText, e.problems ?? [], e.field, e.data)
    : new ApiError(response.status, 'http_' + response.status, `${response.status} ${response.statusText}`);
  if (error.code === 'unauthenticated' || error.code === 'password_change_required') authListeners.forEach((l) => l(error));
  return error;
}

async function send<T>(method: string, path: string, body?: unknown, query?: Query, signal?: AbortSignal, extraHeaders: Record<string, string> = {}): Promise<T> {
  let response: Response;
  try {
    response = await fetch(withQuery(path, query), {
      method,
      credentials: 'same-origin',
      headers: { ...headers(method, body !== undefined), ...extraHeaders },
      body: body !== undefined ? JSON.stringify(body) : undefined,
      signal,
    });
  } catch (error) {
    if ((error as Error).name === 'AbortError') throw error;
    throw networkError();
  }
  if (!response.ok) throw await errorOf(response);
  if (response.status === 204) return undefined as T;
  return (await response.json()) as T;
}

export const api = {
  get: <T>(path: string, query?: Query, signal?: AbortSignal) => send<T>('GET', path, undefined, query, signal),
  /** `headers`: e.g. an Idempotency-Key, so a retried submission is stored once. */
  post: <T>(path: string, body: unknown = {}, options: { headers?: Record<string, string> } = {}) => send<T>('POST', path, body, undefined, undefined, options.headers),
  put: <T>(path: string, body: unknown) => send<T>('PUT', path, body),
  delete: <T>(path: string) => send<T>('DELETE', path),
};

function fileNameOf(response: Response, fallback: string): string {
  const header = response.headers.get('content-disposition') ?? '';
  const encoded = /filename\*=UTF-8''([^;]+)/i.exec(header);
  if (encoded) return decodeURIComponent(encoded[1]);
  const plain = /filename="?([^";]+)"?/i.exec(header);
  return plain ? plain[1] : fallback;
}

/** Downloads a file (an export, a template, an error workbook) and saves it under the server's name. */
export async function download(path: string, query: Query | undefined, fallbackName: string): Promise<string> {
  let response: Response;
  try {
    response = await fetch(withQuery(path, query), { credentials: 'same-origin', headers: headers('GET', false) });
  } catch {
    throw networkError();
  }
  if (!response.ok) throw await errorOf(response);
  const name = fileNameOf(response, fallbackName);
  const url = URL.createObjectURL(await response.blob());
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
  return name;
}

/** Uploads one file as multipart field `file`, reporting progress (fetch cannot). */
export function upload<T>(path: string, file: Blob & { name?: string }, onProgress?: (percent: number) => void, fields: Record<string, string> = {}, extraHeaders: Record<string, string> = {}): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', path);
    xhr.withCredentials = true;
    for (const [key, value] of Object.entries({ ...headers('POST', false), ...extraHeaders })) xhr.setRequestHeader(key, value);
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable && onProgress) onProgress(Math.round((event.loaded / event.total) * 100));
    };
    xhr.onerror = () => reject(networkError());
    xhr.onload = async () => {
      const response = new Response(xhr.responseText, { status: xhr.status, statusText: xhr.statusText, headers: { 'content-type': 'application/json' } });
      if (xhr.status >= 200 && xhr.status < 300) resolve((await response.json()) as T);
      else reject(await errorOf(response));
    };
    const form = new FormData();
    // Fields before the file: the server reads them as it reaches the file.
    for (const [name, value] of Object.entries(fields)) form.append(name, value);
    form.append('file', file, file.name ?? 'upload.xlsx');
    xhr.send(form);
  });
}
