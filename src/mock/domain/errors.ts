import type { DomainError, MockResponse, Result } from './types.js';

/** DET-2: the status name each HTTP error code carries in the error body. */
export const STATUS_NAMES: Readonly<Record<number, string>> = {
  400: 'INVALID_ARGUMENT',
  401: 'UNAUTHENTICATED',
  403: 'PERMISSION_DENIED',
  404: 'NOT_FOUND',
  405: 'METHOD_NOT_ALLOWED',
  408: 'DEADLINE_EXCEEDED',
  409: 'FAILED_PRECONDITION',
  413: 'INVALID_ARGUMENT',
  415: 'INVALID_ARGUMENT',
  422: 'UNPROCESSABLE_ENTITY',
  429: 'RESOURCE_EXHAUSTED',
  431: 'INVALID_ARGUMENT',
  500: 'INTERNAL',
  502: 'UNAVAILABLE',
  503: 'UNAVAILABLE',
  504: 'DEADLINE_EXCEEDED',
};

/** DET-2: the status name of `code`; a code the catalogue does not list (a forced 418) is UNKNOWN, which openapi.json lists too. */
export function statusName(code: number): string {
  return STATUS_NAMES[code] ?? 'UNKNOWN';
}

/** ERR-1: the one JSON error body every adapter sends. */
export function errorBody(code: number, message: string): { error: { code: number; status: string; message: string } } {
  return { error: { code, status: statusName(code), message } };
}

/** ERR-1: the one error answer (status, JSON content type, error body) every adapter sends; `headers` add to it (Allow). */
export function errorAnswer(code: number, message: string, headers?: Record<string, string>): MockResponse {
  return { status: code, headers: { 'content-type': 'application/json', ...headers }, body: errorBody(code, message) };
}

/** Builds a failed result. */
export function fail<T = never>(code: number, message: string, headers?: Record<string, string>): Result<T> {
  const error: DomainError = headers ? { code, message, headers } : { code, message };
  return { ok: false, error };
}

/** Builds a successful result. */
export function ok<T>(value: T): Result<T> {
  return { ok: true, value };
}

/** HIDE-1/ERR-1: the single not-found message, so a hidden resource reads exactly like a missing one. */
export function notFound(kind: string, id: string | number): Result<never> {
  return fail(404, `${kind} ${id} not found`);
}
