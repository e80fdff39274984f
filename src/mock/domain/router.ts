import type { Kind } from './types.js';

/** The operations the stateful core models. */
export type Operation =
  | 'list' | 'create' | 'get' | 'patch' | 'delete' | 'undelete' | 'deploy'
  | 'transfer' | 'accept' | 'cancel' | 'variation' | 'toggle';

/** A path that exists, with the methods it answers (for 405 and `Allow`, DET-12). */
export type Routed = { found: false } | { found: true; methods: Readonly<Record<string, Operation>>; kind: Kind; id: string; variationId: string };

const COLLECTION = { GET: 'list', POST: 'create' } as const;
const ITEM = { GET: 'get', PATCH: 'patch', DELETE: 'delete' } as const;
const ACTIONS: Record<string, Readonly<Record<string, Operation>>> = {
  undelete: { POST: 'undelete' },
  deploy: { POST: 'deploy' },
  'transfer-ownership': { POST: 'transfer' },
};
const TRANSFER_ACTIONS: Record<string, Readonly<Record<string, Operation>>> = {
  accept: { POST: 'accept' },
  cancel: { POST: 'cancel' },
};
const KINDS: Record<string, Kind> = { skills: 'skill', agents: 'agent' };

/** Resolves a path (no query string) to the methods it answers; unknown paths are not found. */
export function route(path: string): Routed {
  const s = path.split('/');
  // ['', 'api', 'v1', kind, id?, action?, sub?]
  if (s.length < 4 || s.length > 7 || s[0] !== '' || s[1] !== 'api' || s[2] !== 'v1') return { found: false };
  // ERR-2: own keys only, so `/api/v1/__proto__` or `/constructor` is an unknown route, not a crash.
  const kind = Object.hasOwn(KINDS, s[3]!) ? KINDS[s[3]!] : undefined;
  if (!kind) return { found: false };
  const id = s[4] ?? '';
  const action = s[5];
  const sub = s[6];
  const at = (methods: Readonly<Record<string, Operation>>, variationId = ''): Routed => ({ found: true, methods, kind, id, variationId });
  if (s.length === 4) return at(COLLECTION);
  if (id === '') return { found: false };
  if (s.length === 5) return at(ITEM);
  if (s.length === 6) {
    if (action && Object.hasOwn(ACTIONS, action)) return at(ACTIONS[action]!);
    if (action === 'toggle' && kind === 'agent') return at({ POST: 'toggle' });
    return { found: false };
  }
  if (action === 'transfer-ownership' && sub && Object.hasOwn(TRANSFER_ACTIONS, sub)) return at(TRANSFER_ACTIONS[sub]!);
  if (action === 'variations' && kind === 'skill' && sub) return at({ GET: 'variation' }, sub);
  return { found: false };
}
