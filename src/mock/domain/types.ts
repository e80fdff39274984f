/** Shared value types of the pure mock core: requests in, responses out, state in between. */

/** A request as any adapter (express, supertest, MSW, in-process) hands it to `handle`. */
export interface MockRequest {
  method: string;
  /** Path with optional query string, e.g. `/api/v1/skills?pageSize=10`. */
  url: string;
  /** Header names in lower case. */
  headers: Readonly<Record<string, string | undefined>>;
  /** Raw body text, exactly as received; undefined or '' when there is none. */
  body?: string;
  /**
   * Set by an adapter that could not read the body (over 1 MiB: 413, not UTF-8: 400). The core answers
   * it at the body step, so 401 / 404 / 405 still come first (DET-3).
   */
  bodyError?: { code: 400 | 413; message: string };
}

/** What the core answers; `body` is a JSON value, absent for 204. */
export interface MockResponse {
  status: number;
  headers: Record<string, string>;
  body?: unknown;
}

/** AUTH-2: who is calling. */
export interface Principal {
  token: string;
  userId: string;
  email: string;
  orgUuid: string;
  groups: string[];
}

export type Kind = 'skill' | 'agent';
export type Status = 'draft' | 'active' | 'deleted';
export type Visibility = 'private' | 'shared' | 'org';

export interface Permission {
  use: boolean;
  manage: boolean;
}

export interface SharedWithEntry extends Permission {
  userId: string;
}

/** ACC-1: the access configuration stored on a resource. */
export interface AccessConfig {
  visibility: Visibility;
  groupPermissions: Record<string, Permission>;
  sharedWith: SharedWithEntry[];
  /** Skills only. */
  guardrails?: unknown[];
  ownerUserId: string;
  ownerEmail: string;
}

export interface PendingOwnershipTransfer {
  pendingOwnerUserId: string;
  requestedByUserId: string;
  requestedAt: string;
  pendingOwnerEmail: string;
}

/** LIFE-4: the drafted content of a resource; keys depend on the kind. */
export type Content = Record<string, unknown>;

/** One skill or agent as the mock stores it (also the state export row). */
export interface ResourceRecord {
  kind: Kind;
  id: number;
  slug: string;
  orgUuid: string;
  status: Status;
  /** DEL-3: whether it was ever deployed, so undelete knows which status to restore. */
  deployed: boolean;
  createdAt: string;
  updatedAt: string;
  deletedAt: string | null;
  accessConfig: AccessConfig;
  activeVariationId: string | null;
  draftVariationId: string | null;
  /** Every variation the resource ever had, by id (LIFE-11 reads historic ones). */
  variations: Record<string, Content>;
  /** LIFE-6, cached on every write. */
  hasUnpublishedChanges: boolean;
  pendingOwnershipTransfer?: PendingOwnershipTransfer;
  /** UPD-2: skills only. */
  managerId?: number | null;
  /** LIFE-12: agents only. */
  isEnabled?: boolean;
}

/** The whole mock state as `GET /__mock/state` exports it and `PUT /__mock/state` imports it. */
export interface StateExport {
  version: 1;
  nextId: { skill: number; agent: number };
  skills: ResourceRecord[];
  agents: ResourceRecord[];
}

/** Domain results: a plain union, no exceptions for expected outcomes (a parse may carry a plain message as its error). */
export type Result<T, E = DomainError> = { ok: true; value: T } | { ok: false; error: E };

export interface DomainError {
  code: number;
  message: string;
  /** Extra headers the error answer must carry (e.g. `Allow` for 405). */
  headers?: Record<string, string>;
}
