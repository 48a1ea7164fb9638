/** What went wrong, as a stable code; each maps to one HTTP status in one place (http/errors.ts). */
export const ERROR_KINDS = {
  invalid_input: { status: 400, title: 'Invalid input' },
  malformed_body: { status: 400, title: 'Malformed request body' },
  unauthenticated: { status: 401, title: 'Authentication required' },
  forbidden: { status: 403, title: 'Forbidden' },
  csrf_failed: { status: 403, title: 'CSRF token missing or wrong' },
  not_found: { status: 404, title: 'Not found' },
  method_not_allowed: { status: 405, title: 'Method not allowed' },
  conflict: { status: 409, title: 'Conflict' },
  gone: { status: 410, title: 'Gone' },
  payload_too_large: { status: 413, title: 'Request body too large' },
  unsupported_media_type: { status: 415, title: 'Unsupported media type' },
  range_not_satisfiable: { status: 416, title: 'Range not satisfiable' },
  rate_limited: { status: 429, title: 'Too many requests' },
  internal: { status: 500, title: 'Internal error' },
  storage_full: { status: 507, title: 'Insufficient storage' },
  unavailable: { status: 503, title: 'Service unavailable' },
} as const;

export type ErrorKind = keyof typeof ERROR_KINDS;

export interface FieldError {
  /** Dotted path of the field in its part of the request, e.g. `email` or `fields.0.name`. */
  field: string;
  /** Where the field was: body, querystring, params or headers. */
  in?: string;
  message: string;
}

/** A failure a caller can act on. Services throw these; the HTTP layer renders them. */
export class AppError extends Error {
  constructor(
    readonly kind: ErrorKind,
    detail: string,
    readonly fields: readonly FieldError[] = [],
    readonly headers: Readonly<Record<string, string>> = {},
  ) {
    super(detail);
    this.name = 'AppError';
  }
}

export const notFound = (what: string) => new AppError('not_found', `${what} not found`);
export const forbidden = (detail: string) => new AppError('forbidden', detail);
export const conflict = (detail: string, fields: FieldError[] = []) => new AppError('conflict', detail, fields);
export const invalid = (detail: string, fields: FieldError[] = []) => new AppError('invalid_input', detail, fields);
