import { timingSafeEqual } from 'node:crypto';
import { networkInterfaces } from 'node:os';
import type { NextFunction, Request, Response } from 'express';
import { errorAnswer } from '../domain/index.js';
import { sendAnswer } from './stages.js';

/** Who may reach `/__mock/*` (docs/decisions/004-security-model.md). */
export interface AdminAccess {
  /** The address the server binds (`--host`): its name passes the Host check. */
  host?: string | undefined;
  /** Origins (`--allow-origin`) whose pages may call the admin routes; their host names pass the Host check. */
  allowOrigins?: readonly string[] | undefined;
  /** When set (`--admin-token`), every admin route needs `Authorization: Bearer <it>` or Basic with it as password. */
  adminToken?: string | undefined;
}

const WILDCARD_HOSTS = new Set(['', '0.0.0.0', '::', '[::]']);
/** Methods that only read; every other admin call must say it sends JSON, which no form and no CORS-simple request can. */
const READ_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Normalises an origin for comparison (`HTTP://Localhost:5173/` -> `http://localhost:5173`); undefined if not one. */
export function normalizeOrigin(text: string): string | undefined {
  try {
    const url = new URL(text);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined;
    return url.origin;
  } catch {
    return undefined;
  }
}

/** The host name of a Host header value, lower case, without port or IPv6 brackets. */
export function hostName(header: string): string {
  const h = header.trim().toLowerCase();
  if (h.startsWith('[')) return h.slice(1, h.indexOf(']') < 0 ? undefined : h.indexOf(']'));
  const colon = h.lastIndexOf(':');
  return colon < 0 ? h : h.slice(0, colon);
}

/** Loopback names and addresses: `localhost`, `*.localhost` (RFC 6761), 127.0.0.0/8 and ::1. */
export function isLoopbackName(name: string): boolean {
  return name === 'localhost' || name.endsWith('.localhost') || /^127(\.\d{1,3}){3}$/.test(name) || name === '::1' || name === '0:0:0:0:0:0:0:1';
}

/** The host names that pass the Host check besides loopback ones (DNS rebinding needs a name we do not list). */
function allowedNames(access: AdminAccess): Set<string> {
  const names = new Set<string>();
  const bound = (access.host ?? '127.0.0.1').trim().toLowerCase().replace(/^\[(.*)\]$/, '$1'); // an address, not a Host header: no port
  if (WILDCARD_HOSTS.has(bound)) {
    // Bound to every interface: this machine's own addresses are how a teammate reaches it.
    for (const list of Object.values(networkInterfaces())) for (const a of list ?? []) names.add(a.address.toLowerCase());
  } else names.add(bound);
  for (const origin of access.allowOrigins ?? []) names.add(new URL(origin).hostname.replace(/^\[|\]$/g, ''));
  return names;
}

/** The ERR-1 answer of a refused admin call, never cached. */
function refuse(res: Response, code: number, message: string, headers: Record<string, string> = {}): void {
  sendAnswer(res, errorAnswer(code, message, { ...headers, 'cache-control': 'no-store' }));
}

function sameText(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** Whether the request carries the admin token, as a Bearer token or as the password of Basic auth (what a browser prompt sends). */
function hasToken(req: Request, token: string): boolean {
  const header = req.headers['authorization'] ?? '';
  const bearer = /^Bearer\s+(\S+)\s*$/i.exec(header);
  if (bearer) return sameText(bearer[1]!, token);
  const basic = /^Basic\s+([A-Za-z0-9+/=]+)\s*$/i.exec(header);
  if (!basic) return false;
  const decoded = Buffer.from(basic[1]!, 'base64').toString('utf8');
  return sameText(decoded.slice(decoded.indexOf(':') + 1), token);
}

function isJson(req: Request): boolean {
  const type = (req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
  return type === 'application/json' || /^application\/[a-z0-9.+-]+\+json$/.test(type);
}

/**
 * The gate in front of `/__mock/*`: a foreign Host (DNS rebinding) or a foreign Origin (any other web page)
 * answers 403, writes need a JSON content type (so no form and no CORS-simple request gets through), and
 * `--admin-token` is checked when set. Allowed cross origins get CORS; nobody else does.
 */
export function createAdminGuard(access: AdminAccess = {}) {
  const names = allowedNames(access);
  const origins = new Set((access.allowOrigins ?? []).map((o) => normalizeOrigin(o) ?? o));
  return (req: Request, res: Response, next: NextFunction): void => {
    const host = req.headers.host;
    const name = host === undefined ? '' : hostName(host);
    if (!isLoopbackName(name) && !names.has(name)) {
      return refuse(res, 403, `the admin API answers only to this machine's names; Host ${JSON.stringify(host ?? '')} is not one (see --allow-origin)`);
    }
    const origin = req.headers.origin;
    const cors: Record<string, string> = {};
    if (origin !== undefined) {
      const normal = normalizeOrigin(origin);
      const sameOrigin = normal !== undefined && normal === normalizeOrigin(`http://${host ?? ''}`);
      if (normal === undefined || (!sameOrigin && !origins.has(normal))) {
        return refuse(res, 403, `pages from ${JSON.stringify(origin)} may not use the admin API (start the mock with --allow-origin ${origin} to allow it)`);
      }
      if (!sameOrigin) Object.assign(cors, { 'access-control-allow-origin': normal, vary: 'Origin', 'access-control-expose-headers': 'Content-Type' });
      for (const [k, v] of Object.entries(cors)) res.setHeader(k, v);
    }
    if (req.method === 'OPTIONS' && req.headers['access-control-request-method']) {
      res.writeHead(204, {
        ...cors, 'access-control-allow-methods': 'GET, POST, PUT, DELETE, OPTIONS',
        'access-control-allow-headers': 'Authorization, Content-Type', 'access-control-max-age': '600',
      }).end();
      return;
    }
    if (access.adminToken !== undefined && !hasToken(req, access.adminToken)) {
      return refuse(res, 401, 'the admin API needs the --admin-token: Authorization: Bearer <token> (or Basic auth with it as password)',
        { ...cors, 'www-authenticate': 'Basic realm="modus-mock admin", charset="UTF-8"' });
    }
    if (!READ_METHODS.has(req.method) && !isJson(req)) {
      return refuse(res, 415, `admin ${req.method} requests need Content-Type: application/json, got ${JSON.stringify(req.headers['content-type'] ?? 'none')}`, cors);
    }
    next();
  };
}
