/**
 * --diff: every request a run sends to the target also goes to a fresh in-process mock; answers that differ
 * (status, or body once ids, uuids, timestamps, slugs and principals are normalised) are grouped by
 * operation and rule: the report that keeps the mock honest.
 */
import type { ApiRequest, Exchange } from '../contracts/client.js';
import { ROLES, type Role, type TargetPrincipal } from '../contracts/target-file.js';
import { tagOf, type RuleTag, type RuleId } from '../api/rules.js';
import type { ContractValidator } from '../contracts/validation.js';
import type { Session } from './targets.js';
import { OPERATIONS } from '../api/operations.js';
import type { Json } from '../api/types.js';

/** One kind of difference, with its first example. */
export interface DiffGroup {
  /** The rule that constrains what differs, and its tag: a [D] rule is a bug in one side, an [A] one the mock's assumption. */
  rule: RuleId;
  tag: RuleTag;
  operation: string;
  /** Rules the operation's answers rest on. */
  rules: string;
  what: string;
  count: number;
  label: string;
  request: string;
  target: string;
  mock: string;
}

// The rule that constrains a body field, by its last path segment (most fields); SHAPE-3 when one side lacks it.
const RULE_OF_FIELD: Record<string, RuleId> = {
  id: 'DEL-6', slug: 'DEL-6', status: 'LIFE-1', orgUuid: 'AUTH-3', hasUnpublishedChanges: 'LIFE-6', activeVariationId: 'LIFE-7',
  draftVariationId: 'LIFE-5', deletedAt: 'DEL-1', createdAt: 'UPD-6', updatedAt: 'UPD-6', isEnabled: 'LIFE-12', canUse: 'ACC-6',
  canManage: 'ACC-6', pendingOwnershipTransfer: 'XFER-2', pendingOwnerUserId: 'XFER-2', requestedByUserId: 'XFER-2',
  pendingOwnerEmail: 'XFER-2', ownerUserId: 'ACC-2', ownerEmail: 'ACC-2', visibility: 'ACC-1', groupPermissions: 'DET-8',
  sharedWith: 'DET-8', guardrails: 'ACC-1', name: 'LIFE-3', description: 'LIFE-3', type: 'DET-1', code: 'ERR-1',
  supervisionSubordinateIds: 'UPD-2', deployedAt: 'LIFE-7', nextPageToken: 'LIST-1',
};

/** The rule a body difference at `where` rests on: the field's own rule, SHAPE-3 for a field only one side has, SHAPE-2 for another type. */
function ruleOfField(where: string, a: unknown, b: unknown): RuleId {
  const path = where.split('/').filter(Boolean);
  const read = (v: unknown): unknown => path.reduce<unknown>((n, k) => (n && typeof n === 'object' ? (n as Json)[k] : undefined), v);
  const [x, y] = [read(a), read(b)];
  if (x === undefined || y === undefined) return 'SHAPE-3';
  if (path[0] === 'error' && path[1] === 'status') return 'DET-2';
  if (path[0] === 'variation') return 'LIFE-4';
  const field = [...path].reverse().find((k) => !/^\d+$/.test(k)) ?? '';
  const rule = RULE_OF_FIELD[field] ?? 'SHAPE-4';
  if (rule !== 'SHAPE-4' && (x === null) !== (y === null)) return x === null || y === null ? 'SHAPE-2' : rule;
  return rule;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}/;
const ID_PATH = /^(\/api\/v1\/(skills|agents)\/)(\d+)/;

/** Mirrors each target exchange on the mock and records where the answers differ. */
export class DiffMirror {
  private readonly ids = new Map<string, number>();
  private readonly uuids = new Map<string, string>();
  readonly groups = new Map<string, DiffGroup>();

  constructor(
    private readonly shadow: Session,
    private readonly contract: ContractValidator,
    private readonly target: Record<Role, TargetPrincipal>,
  ) {}

  /** A new run: a fresh mock and no id correspondences. */
  reset(): void {
    this.shadow.begin(true);
    this.ids.clear();
    this.uuids.clear();
  }

  /** Sends the same request (ids translated) to the mock and compares the answers. */
  async mirror(request: ApiRequest, e: Exchange, label: string): Promise<void> {
    const s = await this.shadow.client.call(this.translate(request));
    this.learn(request, e, s);
    const op = this.contract.matchOperation(request.method, request.path)?.operationId ?? `${request.method} ${request.path}`;
    const isList = /^list/.test(op);
    const constrains = OPERATIONS[op]?.rules ?? [];
    const rules = constrains.join(', ');
    let what: string | undefined;
    let rule: RuleId = constrains[0] ?? 'SHAPE-4';
    if (e.response.status !== s.response.status) what = `status ${e.response.status} (target) vs ${s.response.status} (mock)`;
    else if (!isList) {
      // Lists hold other rows on a real target: only their status is compared.
      const kind = /^\/api\/v1\/(skills|agents)/.exec(request.path)?.[1] ?? '';
      const [a, b] = [this.normalise(e.response.body, 'target', kind), this.normalise(s.response.body, 'mock', kind)];
      const where = firstDifference(a, b, '');
      if (where !== undefined) {
        what = `body differs at ${where || '/'}`;
        rule = ruleOfField(where, a, b);
      }
    }
    if (what === undefined) return;
    const key = `${rule} ${op} ${what}`;
    const seen = this.groups.get(key);
    if (seen) return void seen.count++;
    this.groups.set(key, {
      rule, tag: tagOf(rule), operation: op, rules, what, count: 1, label, request: `${request.method} ${request.path} as ${request.role}`,
      target: `${e.response.status} ${cut(e.response.body)}`, mock: `${s.response.status} ${cut(s.response.body)}`,
    });
  }

  private translate(request: ApiRequest): ApiRequest {
    let path = request.path.replace(ID_PATH, (all, head: string, kind: string, id: string) => {
      const mapped = this.ids.get(`${kind}/${id}`);
      return mapped === undefined ? all : `${head}${mapped}`;
    });
    path = path.replace(/\/variations\/([^/?]+)/, (all, v: string) => `/variations/${this.uuids.get(v) ?? v}`);
    // Page tokens are opaque and the target's own: use the token the mock gave for the same page.
    path = path.replace(/pageToken=([^&]+)/, (all, t: string) => {
      const mapped = this.uuids.get(`token:${decodeURIComponent(t)}`);
      return mapped === undefined ? all : `pageToken=${encodeURIComponent(mapped)}`;
    });
    const out: ApiRequest = { ...request, path };
    if (request.body && typeof request.body === 'object') {
      const body = { ...(request.body as Json) };
      if (typeof body['managerId'] === 'number') body['managerId'] = this.ids.get(`skills/${body['managerId']}`) ?? body['managerId'];
      if (typeof body['newOwnerUserId'] === 'string') {
        const role = ROLES.find((r) => this.target[r].userId === body['newOwnerUserId']);
        if (role) body['newOwnerUserId'] = this.shadow.client.principal(role).userId;
      }
      out.body = body;
    }
    return out;
  }

  private learn(request: ApiRequest, e: Exchange, s: Exchange): void {
    const m = /^\/api\/v1\/(skills|agents)$/.exec(request.path);
    const t = e.response.body as Json | undefined;
    const sh = s.response.body as Json | undefined;
    if (m && request.method === 'POST' && ok(e.response.status) && ok(s.response.status)) {
      this.ids.set(`${m[1]}/${String(t?.['id'])}`, sh?.['id'] as number);
    }
    if (typeof t?.['nextPageToken'] === 'string' && typeof sh?.['nextPageToken'] === 'string') {
      this.uuids.set(`token:${t['nextPageToken']}`, sh['nextPageToken']);
    }
    for (const [a, b] of [[t, sh], [t?.['skill'], sh?.['skill']], [t?.['agent'], sh?.['agent']]] as Array<[Json | undefined, Json | undefined]>) {
      for (const k of ['activeVariationId', 'draftVariationId']) {
        if (typeof a?.[k] === 'string' && typeof b?.[k] === 'string') this.uuids.set(a[k] as string, b[k] as string);
      }
    }
  }

  /** Ids and uuids translated to the mock's (others blanked), principals by role, times, slugs, tokens and numbers in messages blanked. */
  private normalise(value: unknown, side: 'target' | 'mock', kind: string, key = ''): unknown {
    if (Array.isArray(value)) return value.map((v) => this.normalise(v, side, kind, key));
    if (value && typeof value === 'object') {
      const out: Json = {};
      for (const k of Object.keys(value).sort()) out[k] = this.normalise((value as Json)[k], side, kind, k);
      return out;
    }
    if (key === 'id' || key === 'managerId' || key === 'supervisionSubordinateIds') {
      const of = key === 'id' ? kind : 'skills';
      return this.sameId(of, Number(value), side);
    }
    if (typeof value !== 'string') return value;
    const principals = side === 'target' ? this.target : this.shadow.client.config.principals;
    for (const role of ROLES) {
      const p = principals[role];
      if (value === p.userId || value === p.email) return `<${role}>`;
      if (value === p.orgUuid) return `<org of ${role}>`;
    }
    if (key === 'slug') return '<slug>';
    if (key === 'nextPageToken') return '<token>';
    // Free text no rule constrains (ERR-1 fixes only the shape): error messages never count as a difference.
    if (key === 'message') return '<message>';
    if (UUID.test(value)) {
      if (side === 'target') return this.uuids.get(value) ?? '<uuid>';
      return this.shadowUuids().has(value) ? value : '<uuid>';
    }
    if (TIME.test(value)) return '<time>';
    return value;
  }

  /** An id as the mock's id of the same resource, or `<id>` when the run did not create it. */
  private sameId(kind: string, id: number, side: 'target' | 'mock'): string {
    if (side === 'target') {
      const mapped = this.ids.get(`${kind}/${id}`);
      return mapped === undefined ? '<id>' : `${kind}/${mapped}`;
    }
    for (const [k, v] of this.ids) if (v === id && k.startsWith(`${kind}/`)) return `${kind}/${v}`;
    return '<id>';
  }

  private shadowUuids(): Set<string> {
    return new Set(this.uuids.values());
  }
}

/** The JSON pointer of the first place two normalised values differ; undefined when equal. */
function firstDifference(a: unknown, b: unknown, at: string): string | undefined {
  if (a === b) return undefined;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null || Array.isArray(a) !== Array.isArray(b)) return at;
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  for (const k of keys) {
    const d = firstDifference((a as Json)[k], (b as Json)[k], `${at}/${k}`);
    if (d !== undefined) return d;
  }
  return undefined;
}

function cut(body: unknown, limit = 300): string {
  const s = body === undefined ? '' : JSON.stringify(body);
  return s.length > limit ? `${s.slice(0, limit)}… (${s.length} chars)` : s;
}

function ok(status: number): boolean {
  return status >= 200 && status < 300;
}
