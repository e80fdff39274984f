/**
 * The bug classes the property suite must find, each as a test-side mutant of the mock: a core whose answers
 * (or requests) are rewritten to break one rule of shared/modus-contract.md. Used by the mutant tests and
 * by bench/catch-rate.ts.
 */
import type { MockCore, MockResponse } from '../../src/mock/domain/index.js';
import { codePoints, editBody, errorAnswer, mutateCore, withBody, type Interceptor } from './mutant-kit.js';

type Json = Record<string, unknown>;

/** One bug class: the rules whose failure shows it, and whether it breaks only an [A] rule (found with --strict). */
export interface Mutant {
  rules: string[];
  strict?: boolean;
  intercept: Interceptor;
}

/** Rows remembered per issued page token (list mutants). */
const lastRows = new WeakMap<object, Map<string, unknown>>();

/** Every bug class, by name. */
export const MUTANTS: Record<string, Mutant> = {
  // A hidden resource answers 403 instead of the missing id's 404.
  'hidden-answers-403': {
    rules: ['HIDE-1', 'HIDE-2', 'HIDE-5', 'AUTH-3'],
    intercept: (req, t) => {
      const res = t.next(req);
      const r = t.record();
      return res.status === 404 && r && r.status !== 'deleted' && !t.parsed.action.startsWith('variations') ? errorAnswer(403, 'forbidden') : res;
    },
  },
  // PATCH {managerId, name}: the other fields are written instead of 422.
  'manager-mixed-accepted': {
    rules: ['UPD-1'],
    intercept: (req, t) => {
      const b = t.parsed.body;
      if (req.method !== 'PATCH' || t.parsed.kind !== 'skills' || !b || !('managerId' in b) || Object.keys(b).length < 2) return t.next(req);
      const { managerId, ...rest } = b;
      void managerId;
      return t.next(withBody(req, rest));
    },
  },
  // Deploy answers hasUnpublishedChanges: true.
  'deploy-keeps-unpublished': {
    rules: ['LIFE-7'],
    intercept: (req, t) => {
      const res = t.next(req);
      if (t.parsed.action !== 'deploy' || res.status !== 200) return res;
      return editBody(res, (b) => ((b['skill'] ?? b['agent']) as Json)['hasUnpublishedChanges'] = true);
    },
  },
  // DELETE of a deleted resource: 404 instead of 204.
  'delete-not-idempotent': {
    rules: ['DEL-2'],
    intercept: (req, t) => {
      const before = req.method === 'DELETE' ? t.record()?.status : undefined;
      const res = t.next(req);
      return before === 'deleted' && res.status === 204 ? errorAnswer(404, 'not found') : res;
    },
  },
  // Each page after the first repeats the previous page's last row.
  'list-repeats-rows': {
    rules: ['LIST-1', 'LIST-2', 'LIST-4'],
    intercept: (req, t) => listRows(req, t, (rows, prev) => (prev === undefined ? rows : [prev, ...rows])),
  },
  // Each page after the first skips its first row.
  'list-skips-boundary': {
    rules: ['LIST-4', 'LIST-2'],
    intercept: (req, t) => listRows(req, t, (rows, prev) => (prev === undefined ? rows : rows.slice(1))),
  },
  // Anyone who can use the resource accepts a transfer offered to someone else (it goes through as the recipient).
  'accept-by-anyone': {
    rules: ['XFER-3'],
    intercept: (req, t) => acceptAnyway(req, t, () => true),
  },
  // A manager who is not the recipient accepts; use-only members still get 403.
  'accept-by-manager': {
    rules: ['XFER-3'],
    intercept: (req, t) => acceptAnyway(req, t, (r) => t.rights(t.caller, r).manage),
  },
  // The owner's cancel answers 403 and the transfer stays pending; the recipient can still decline (StrykerJS's
  // transfer.ts:81 survivor, a [D] break the suite let through).
  'cancel-by-owner-refused': {
    rules: ['XFER-4'],
    intercept: (req, t) => {
      const r = t.parsed.action === 'transfer-ownership/cancel' ? t.record() : undefined;
      const owner = r && t.caller && r.pendingOwnershipTransfer && r.accessConfig.ownerUserId === t.caller.userId;
      return owner ? errorAnswer(403, 'only the recipient can decline the transfer') : t.next(req);
    },
  },
  // Toggle answers 200 but isEnabled does not move.
  'toggle-ignored': {
    rules: ['LIFE-12'],
    intercept: (req, t) => {
      const res = t.next(req);
      return t.parsed.action === 'toggle' && res.status === 200 ? t.next(req) : res;
    },
  },
  // Undelete answers 200 but the resource stays deleted.
  'undelete-keeps-deleted': {
    rules: ['DEL-3'],
    intercept: (req, t) => {
      const was = t.parsed.action === 'undelete' ? t.record()?.status : undefined;
      const res = t.next(req);
      if (was !== 'deleted' || res.status !== 200) return res;
      t.next({ ...req, method: 'DELETE', url: req.url.replace(/\/undelete$/, ''), body: undefined });
      return editBody(res, (b) => Object.assign(b, { status: 'deleted', deletedAt: new Date().toISOString() }));
    },
  },
  // A later deploy of an agent that was turned off turns it on again.
  'redeploy-enables': {
    rules: ['LIFE-12'],
    intercept: (req, t) => {
      const r = t.parsed.kind === 'agents' && t.parsed.action === 'deploy' ? t.record() : undefined;
      const res = t.next(req);
      if (!r || res.status !== 200 || !r.deployed || r.isEnabled !== false) return res;
      t.next({ ...req, url: req.url.replace(/\/deploy$/, '/toggle'), body: '{}' });
      return editBody(res, (b) => ((b['agent'] as Json)['isEnabled'] = true));
    },
  },
  // A name of 201 code points or more is cut to 200 and accepted.
  'name-201-accepted': {
    rules: ['UPD-4'],
    intercept: (req, t) => {
      const name = t.parsed.body?.['name'];
      if (typeof name !== 'string' || codePoints(name) <= 200 || t.parsed.id === undefined && req.method !== 'POST') return t.next(req);
      return t.next(withBody(req, { ...t.parsed.body, name: [...name].slice(0, 200).join('') }));
    },
  },
  // Names are counted in UTF-16 units: 200 astral characters are refused.
  'name-counts-code-units': {
    rules: ['UPD-4'],
    intercept: (req, t) => {
      const name = t.parsed.body?.['name'];
      if (typeof name !== 'string' || name.length <= 200 || codePoints(name) > 200) return t.next(req);
      const r = t.record();
      const allowed = req.method === 'POST' && t.parsed.id === undefined ? !!t.caller : req.method === 'PATCH' && r && r.status !== 'deleted' && t.rights(t.caller, r).manage;
      return allowed ? errorAnswer(422, 'name must be 1 to 200 characters') : t.next(req);
    },
  },
  // An expectedMainShaOverride of exactly 200 characters is refused (off by one).
  'sha-200-refused': {
    rules: ['LIFE-9'],
    intercept: (req, t) => {
      const sha = t.parsed.body?.['expectedMainShaOverride'];
      const r = t.parsed.action === 'deploy' && typeof sha === 'string' && sha.length === 200 ? t.record() : undefined;
      // The length check runs where the real one does: after the resource and access checks (DET-3).
      return r && r.status !== 'deleted' && t.rights(t.caller, r).manage ? errorAnswer(422, 'expectedMainShaOverride too long') : t.next(req);
    },
  },
  // A body that is not JSON answers 500.
  'malformed-json-500': {
    rules: ['ERR-2'],
    strict: true, // ERR-2 is [A]: a 5xx is drift unless --strict
    intercept: (req, t) => {
      if (req.body && req.headers['authorization'] && t.parsed.body === undefined && !isJson(req.body)) return errorAnswer(500, 'Unexpected token');
      return t.next(req);
    },
  },
  // A request without Authorization is served as the first principal.
  'no-auth-as-owner': {
    rules: ['AUTH-1'],
    intercept: (req, t) => (req.headers['authorization'] ? t.next(req) : t.next(t.as(t.core.principals[0]!.userId))),
  },
  // Another org's caller reads a resource as if it were its owner.
  'other-org-sees': {
    rules: ['AUTH-3'],
    intercept: (req, t) => {
      const r = req.method === 'GET' ? t.record() : undefined;
      if (!r || !t.caller || r.orgUuid === t.caller.orgUuid || r.status === 'deleted') return t.next(req);
      return t.next(t.as(r.accessConfig.ownerUserId));
    },
  },
  // The 404 of a hidden resource says it exists (ERR-1 [A]: found with --strict).
  'hidden-404-reveals': {
    rules: ['ERR-1'],
    strict: true,
    intercept: (req, t) => {
      const res = t.next(req);
      const r = t.record();
      return res.status === 404 && r && !t.parsed.action.startsWith('variations') ? errorAnswer(404, `${t.parsed.kind} ${r.id} exists but you cannot see it`) : res;
    },
  },
  // Unknown top-level body fields are ignored instead of 400 (UPD-4 [A]: --strict).
  'unknown-field-ignored': {
    rules: ['UPD-4'],
    strict: true,
    intercept: (req, t) => {
      const b = t.parsed.body;
      if (!b || !('unexpectedField' in b)) return t.next(req);
      const { unexpectedField, ...rest } = b;
      void unexpectedField;
      return t.next(withBody(req, rest));
    },
  },
  // ACC-3 [D]: an accessConfig change that leaves a manager who is not the owner use but not manage is applied, not 422.
  'access-drops-own-manage': {
    rules: ['ACC-3'],
    intercept: (req, t) => {
      const r = req.method === 'PATCH' && t.parsed.action === '' && t.parsed.body && 'accessConfig' in t.parsed.body ? t.record() : undefined;
      const res = t.next(req);
      if (!r || !t.caller || res.status !== 422) return res;
      // Made as the owner (whom ACC-3 never refuses); kept only when the caller is left use without manage.
      const saved = { accessConfig: r.accessConfig, updatedAt: r.updatedAt };
      const applied = t.next(t.as(r.accessConfig.ownerUserId));
      const after = t.rights(t.caller, r);
      if (applied.status === 200 && after.use && !after.manage) {
        return t.parsed.kind === 'agents' ? editBody(applied, (b) => Object.assign(b, { canManage: false, canUse: true })) : applied; // ACC-6: the caller's
      }
      Object.assign(r, saved); // not this bug: as it was, updatedAt included
      return res;
    },
  },
  // GET ?showDeleted=true answers as without it: the deleted rows a manager may list are left out (DEL-5).
  'show-deleted-ignored': {
    rules: ['DEL-5'],
    strict: true,
    intercept: (req, t) => t.next(req.method === 'GET' && req.url.includes('showDeleted=true') ? { ...req, url: req.url.replace(/[?&]showDeleted=true/, (m) => (m[0] === '?' ? '?' : '')) } : req),
  },
};

function isJson(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

/** A list page rewritten with the previous page's last row known (undefined on the first page). */
function listRows(req: Parameters<Interceptor>[0], t: Parameters<Interceptor>[1], change: (rows: unknown[], prev: unknown) => unknown[]): MockResponse {
  const res = t.next(req);
  const { kind, id, query } = t.parsed;
  if (req.method !== 'GET' || !kind || id !== undefined || t.parsed.action || res.status !== 200) return res;
  let seen = lastRows.get(t.core);
  if (!seen) lastRows.set(t.core, (seen = new Map()));
  const body = res.body as Json;
  const rows = body[kind] as unknown[];
  const next = body['nextPageToken'];
  if (typeof next === 'string' && rows.length) seen.set(next, rows[rows.length - 1]);
  const token = query.get('pageToken');
  return { ...res, body: { ...body, [kind]: change(rows, token === null ? undefined : seen.get(token)) } };
}

/** Accept by a non-recipient that `allowed` lets through: it is sent again as the recipient. */
function acceptAnyway(req: Parameters<Interceptor>[0], t: Parameters<Interceptor>[1], allowed: (r: NonNullable<ReturnType<Parameters<Interceptor>[1]['record']>>) => boolean): MockResponse {
  const res = t.next(req);
  if (!t.parsed.action.endsWith('transfer-ownership/accept') || res.status !== 403) return res;
  const r = t.record();
  const to = r?.pendingOwnershipTransfer?.pendingOwnerUserId;
  return r && to && allowed(r) ? t.next(t.as(to)) : res;
}

/** A fresh mock core with the named mutant. */
export function mutantCore(name: string): MockCore {
  const m = MUTANTS[name];
  if (!m) throw new Error(`no mutant ${name}`);
  return mutateCore(m.intercept);
}

/** The property suite's target spec for a mutant. */
export function mutantTarget(name: string): { core: MockCore; name: string } {
  return { core: mutantCore(name), name: `in-process (mutant: ${name})` };
}
