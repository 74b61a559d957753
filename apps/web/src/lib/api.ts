import type { ErrorBody, ErrorCode, FieldIssue, MessageCode, MessageParams } from '@dx/contracts';
// The default i18next instance (initialised by lib/i18n.ts at start-up): the client's own messages follow the
// language switch like every screen's words (locales/common.*.ts).
import i18n from 'i18next';

/** Minimal JSON client for /api: sends the CSRF header on writes and turns error bodies into ApiError. */

let csrfToken: string | null = null;

/** Remember the CSRF token issued with the session (sign-in and /auth/me return it). */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** One problem with one field; `message` in the reader's language (worded from `reason` when the server sent one). */
export type { FieldIssue };

/**
 * The reader's words for a sentence the server sent by code (locales/messages.ts: vi and en for every code), or null
 * when the catalogue has none (a server newer than this page).
 */
export function wordsOf(reason: string | undefined, params?: MessageParams): string | null {
  if (!reason) return null;
  // Codes hold dots ('plan.notFound'): looked up whole, not as a path.
  const options = { ns: 'messages', keySeparator: false as const, ...params };
  return i18n.exists(reason, options) ? i18n.t(reason, options) : null;
}

/** A code the server answers with (the union in @dx/contracts), or NETWORK when it could not be reached. */
export type ApiErrorCode = ErrorCode | 'NETWORK';

/** An error answered by the server as {error:{code,message,details}}; `status` 0 = network failure. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: ApiErrorCode;
  readonly details: Record<string, unknown> | undefined;
  /** The sentence's code the message was worded from, if the server sent one. */
  readonly reason: MessageCode | undefined;
  readonly params: MessageParams | undefined;
  constructor(
    status: number,
    code: ApiErrorCode,
    message: string,
    details?: Record<string, unknown>,
    said?: { reason?: MessageCode; params?: MessageParams },
  ) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.details = details;
    this.reason = said?.reason;
    this.params = said?.params;
  }

  /** Field issues with the 'body'/'querystring' prefix removed, e.g. ['grants', 0, 'unitId']. */
  get issues(): FieldIssue[] {
    const raw = (this.details?.issues ?? []) as FieldIssue[];
    return raw.map((i) => ({
      ...i,
      message: wordsOf(i.reason, i.params) ?? i.message,
      path:
        i.path[0] === 'body' || i.path[0] === 'querystring' || i.path[0] === 'params'
          ? i.path.slice(1)
          : i.path,
    }));
  }

  /** Field errors keyed by dotted path ("grants.0.unitId"); '' holds errors not tied to a field. */
  get fieldErrors(): Record<string, string> {
    const out: Record<string, string> = {};
    for (const i of this.issues) {
      const key = i.path.join('.');
      out[key] ??= i.message;
    }
    return out;
  }
}

type Query = Record<string, string | number | boolean | undefined | null | (string | number)[]>;

/** Builds "?a=1&b=2" skipping empty values; arrays repeat the key. */
export function toQuery(params: Query): string {
  const sp = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) {
    if (v === undefined || v === null || v === '') continue;
    if (Array.isArray(v)) for (const x of v) sp.append(k, String(x));
    else sp.append(k, String(v));
  }
  const s = sp.toString();
  return s ? `?${s}` : '';
}

/**
 * The words of an error the server answered with, in the reader's language (issue 18: the server sends codes, the
 * web translates them): the catalogue's sentence for `reason` (locales/messages.ts), else its word for the code
 * (locales/common.*.ts errors, complete for every ErrorCode: catalogue.test.ts). The server's own sentence only when
 * it sent no reason the catalogue knows and the reader reads Vietnamese (its default language).
 */
function messageOf(e: Partial<ErrorBody['error']> | undefined, status: number): string {
  const code = e?.code ?? 'INTERNAL';
  const worded = wordsOf(e?.reason, e?.params);
  if (worded) return worded;
  if (e?.message && (i18n.language ?? 'vi').startsWith('vi')) return e.message;
  const key = `errors.${code}`;
  if (i18n.exists(key)) return i18n.t(key);
  return e?.message ?? i18n.t('common.serverError', { status });
}

/** The error a failed answer stands for. */
function apiErrorOf(status: number, data: Partial<ErrorBody> | null): ApiError {
  const e = data?.error;
  return new ApiError(status, e?.code ?? 'INTERNAL', messageOf(e, status), e?.details, {
    reason: e?.reason,
    params: e?.params,
  });
}

/** Calls the API; resolves with the JSON body (undefined for 204) or throws ApiError. */
export async function api<T>(method: string, path: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (body !== undefined) headers['content-type'] = 'application/json';
  return send<T>(method, path, headers, body === undefined ? undefined : JSON.stringify(body));
}

/** Uploads one file as multipart (field "file"), the way imports take files; answers like `api`. */
export async function postFile<T>(path: string, file: File): Promise<T> {
  const form = new FormData();
  form.append('file', file, file.name);
  return send<T>('POST', path, { accept: 'application/json' }, form);
}

async function send<T>(
  method: string,
  path: string,
  headers: Record<string, string>,
  body: string | FormData | undefined,
): Promise<T> {
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;
  let res: Response;
  try {
    res = await fetch(`/api${path}`, { method, headers, body, credentials: 'same-origin' });
  } catch {
    throw new ApiError(0, 'NETWORK', i18n.t('common.network'));
  }
  if (res.status === 204) return undefined as T;
  const data = (await res.json().catch(() => null)) as Partial<ErrorBody> | null;
  if (!res.ok) throw apiErrorOf(res.status, data);
  return data as T;
}

export const get = <T>(path: string, query?: Query) => api<T>('GET', `${path}${query ? toQuery(query) : ''}`);
export const post = <T>(path: string, body?: unknown) => api<T>('POST', path, body ?? {});
export const patch = <T>(path: string, body: unknown) => api<T>('PATCH', path, body);
export const del = <T>(path: string) => api<T>('DELETE', path);

/**
 * Sends one file as multipart (field "file") and resolves with the JSON answer; `onProgress` hears the share sent
 * (0–1) so a long upload over a slow connection shows how far it is (issue 12). XMLHttpRequest, since fetch reports
 * no upload progress.
 */
export function upload<T>(path: string, file: File, onProgress?: (sent: number) => void): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `/api${path}`);
    xhr.setRequestHeader('accept', 'application/json');
    if (csrfToken) xhr.setRequestHeader('x-csrf-token', csrfToken);
    xhr.withCredentials = true;
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable && e.total > 0) onProgress?.(e.loaded / e.total);
    };
    xhr.upload.onload = () => onProgress?.(1);
    xhr.onerror = () => reject(new ApiError(0, 'NETWORK', i18n.t('common.network')));
    xhr.onload = () => {
      let data: (Partial<ErrorBody> & T) | null = null;
      try {
        data = JSON.parse(xhr.responseText);
      } catch {
        data = null;
      }
      if (xhr.status >= 200 && xhr.status < 300) resolve(data as T);
      else reject(apiErrorOf(xhr.status, data));
    };
    const form = new FormData();
    form.append('file', file, file.name);
    xhr.send(form);
  });
}
