// The one place the dashboard talks HTTP: adds the session's CSRF token and the workspace header,
// and turns RFC 9457 problem+json answers into ApiError.

export interface FieldError {
  /** Dotted path in its part of the request: `email`, `fields.0.name`. */
  field: string;
  /** Which part: body, querystring, params or headers. */
  in?: string;
  /** Plain English that follows the field's name: "is required". */
  message: string;
}

export class ApiError extends Error {
  readonly status: number;
  readonly title: string;
  readonly detail: string | null;
  readonly errors: FieldError[];
  /** Seconds from a Retry-After header (429), when the server sent one. */
  readonly retryAfter: number | null;

  constructor(init: {
    status: number;
    title: string;
    detail: string | null;
    errors: FieldError[];
    retryAfter: number | null;
  }) {
    super(init.detail ?? init.title);
    this.name = 'ApiError';
    this.status = init.status;
    this.title = init.title;
    this.detail = init.detail;
    this.errors = init.errors;
    this.retryAfter = init.retryAfter;
  }
}

let csrfToken: string | null = null;
let onUnauthorized: () => void = () => window.location.assign('/login');

/** Called with the token from login or /api/auth/me; sent on every non-GET request. */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** The app routes the user to /login through this when a request comes back 401. */
export function setUnauthorizedHandler(handler: () => void): void {
  onUnauthorized = handler;
}

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  body?: unknown;
  /** A body sent as it is (a CSV file), with this Content-Type, instead of JSON. */
  raw?: { body: Blob | string; type: string };
  /** Slug of the workspace being viewed; required by every /api/v1 route. */
  workspace?: string;
  /** Off for calls where 401 is an answer, not an expired session (login, the session probe). */
  redirectOn401?: boolean;
}

export async function apiRequest<T>(path: string, options: RequestOptions = {}): Promise<T> {
  return (await apiResponse<T>(path, options)).body;
}

async function send(path: string, options: RequestOptions): Promise<Response> {
  const method = options.method ?? 'GET';
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (options.body !== undefined) headers['Content-Type'] = 'application/json';
  if (options.raw) headers['Content-Type'] = options.raw.type;
  if (method !== 'GET' && csrfToken) headers['X-CSRF-Token'] = csrfToken;
  if (options.workspace) headers['X-Inflow-Workspace'] = options.workspace;
  try {
    return await fetch(path, {
      method,
      headers,
      credentials: 'same-origin',
      body: options.raw ? options.raw.body : options.body === undefined ? undefined : JSON.stringify(options.body),
    });
  } catch {
    throw new ApiError({
      status: 0,
      title: 'Network error',
      detail: 'Could not reach the Inflow server. Check your connection and try again.',
      errors: [],
      retryAfter: null,
    });
  }
}

/** Like apiRequest, with the status too: for answers where 200 and 201 mean different things. */
export async function apiResponse<T>(path: string, options: RequestOptions = {}): Promise<{ status: number; body: T }> {
  const response = await send(path, options);
  if (response.ok) {
    if (response.status === 204) return { status: 204, body: undefined as T };
    const text = await response.text();
    return { status: response.status, body: (text ? JSON.parse(text) : undefined) as T };
  }

  const error = await problemFrom(response);
  if (response.status === 401 && options.redirectOn401 !== false) onUnauthorized();
  throw error;
}

async function problemFrom(response: Response): Promise<ApiError> {
  let body: { title?: unknown; detail?: unknown; errors?: unknown } = {};
  try {
    body = (await response.json()) as typeof body;
  } catch {
    // Not JSON (a proxy's HTML error page, say): fall back to the status line.
  }
  const retryAfter = Number.parseInt(response.headers.get('Retry-After') ?? '', 10);
  return new ApiError({
    status: response.status,
    title: typeof body.title === 'string' ? body.title : response.statusText || 'Request failed',
    detail: typeof body.detail === 'string' ? body.detail : null,
    errors: Array.isArray(body.errors) ? (body.errors as FieldError[]) : [],
    retryAfter: Number.isFinite(retryAfter) ? retryAfter : null,
  });
}

/** Follows `next_cursor` until the end: for short lists (members, keys) shown whole. */
export async function fetchAllPages<T>(path: string, workspace: string): Promise<T[]> {
  const items: T[] = [];
  let cursor: string | null = null;
  for (let page = 0; page < 50; page++) {
    const url: string = cursor ? `${path}?cursor=${encodeURIComponent(cursor)}` : path;
    const result: { data: T[]; next_cursor: string | null } = await apiRequest(url, { workspace });
    items.push(...result.data);
    cursor = result.next_cursor;
    if (!cursor) break;
  }
  return items;
}

/**
 * Sends a file as the raw body of a POST, reporting how much of it has gone (fetch cannot tell
 * upload progress, XMLHttpRequest can). Answers and errors as apiRequest.
 */
export function uploadFile<T>(path: string, file: Blob, workspace: string, onProgress: (sent: number, total: number) => void): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', path);
    xhr.setRequestHeader('Accept', 'application/json');
    xhr.setRequestHeader('Content-Type', file.type || 'application/octet-stream');
    xhr.setRequestHeader('X-Inflow-Workspace', workspace);
    if (csrfToken) xhr.setRequestHeader('X-CSRF-Token', csrfToken);
    xhr.upload.onprogress = (event) => onProgress(event.loaded, event.lengthComputable ? event.total : file.size);
    xhr.onerror = () => reject(new ApiError({ status: 0, title: 'Network error', detail: 'The upload stopped: the connection to the Inflow server was lost.', errors: [], retryAfter: null }));
    xhr.onload = () => {
      const response = new Response(xhr.status === 204 ? null : xhr.responseText, { status: xhr.status, statusText: xhr.statusText });
      if (xhr.status >= 200 && xhr.status < 300) return resolve(JSON.parse(xhr.responseText) as T);
      if (xhr.status === 401) onUnauthorized();
      void problemFrom(response).then(reject);
    };
    xhr.send(file);
  });
}

/**
 * Fetches a file the API builds (a CSV export, an error report) and hands it to the browser as a
 * download. A plain link cannot carry the workspace header, hence the detour through a Blob.
 * With a body, the file is asked for by POST (ticked rows: too many ids for a URL).
 */
export async function downloadFile(path: string, workspace: string, fallbackName: string, body?: unknown): Promise<void> {
  const response = await send(path, { workspace, method: body === undefined ? 'GET' : 'POST', body });
  if (!response.ok) {
    const error = await problemFrom(response);
    if (response.status === 401) onUnauthorized();
    throw error;
  }
  const name = /filename="([^"]+)"/.exec(response.headers.get('Content-Disposition') ?? '')?.[1] ?? fallbackName;
  const url = URL.createObjectURL(await response.blob());
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  // Give the browser a moment to start the download before the Blob goes.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
