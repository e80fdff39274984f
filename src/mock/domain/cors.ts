/**
 * The API's CORS headers, one table for every adapter (the express app and the MSW handlers): any origin
 * may call the API, so a frontend on another port works. Admin routes have their own (admin-guard.ts).
 */
import { API_METHODS } from '../../api/operations.js';

/** Methods a preflight allows: every method of the operation table, and OPTIONS. */
export const CORS_METHODS = [...API_METHODS, 'OPTIONS'].join(', ');
/** Request headers a preflight allows when the browser names none. */
export const CORS_REQUEST_HEADERS = 'Authorization, Content-Type, Prefer';

/** Headers on every API answer: the caller's origin (or `*`), and the headers a page may read. */
export function corsHeaders(origin: string | null | undefined): Record<string, string> {
  return { 'access-control-allow-origin': origin ?? '*', vary: 'Origin', 'access-control-expose-headers': 'Allow, Content-Type' };
}

/** Headers of the 204 answer to a preflight (`OPTIONS` with `Access-Control-Request-Method`). */
export function preflightHeaders(origin: string | null | undefined, requested: string | null | undefined): Record<string, string> {
  return {
    ...corsHeaders(origin),
    'access-control-allow-methods': CORS_METHODS,
    'access-control-allow-headers': requested ?? CORS_REQUEST_HEADERS,
    'access-control-max-age': '600',
  };
}
