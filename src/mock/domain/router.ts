/**
 * Routes a request path to the operations it answers, read from the one operation table (src/api/operations.ts):
 * the paths, the methods a path answers (405 and `Allow`, DET-12) and the core's name for each.
 */
import { OPERATIONS, type ApiOperation, type Stem } from '../../api/operations.js';
import type { Kind } from './types.js';

/** The operations the stateful core models: the table's stems. */
export type Operation = Stem;

/** A path that exists, with the operations it answers by method. */
export type Routed =
  | { found: false }
  | { found: true; methods: Readonly<Record<string, ApiOperation>>; kind: Kind; id: string; variationId: string };

/** One level of the path tree: literal segments, then a `{param}` segment; the operations a path ending here answers. */
interface PathNode {
  literal: Map<string, PathNode>;
  param?: PathNode;
  methods?: Record<string, ApiOperation>;
  /** The kind of the operations a path ending here answers (one path, one kind). */
  kind?: Kind;
}

const node = (): PathNode => ({ literal: new Map() });

function buildTree(): PathNode {
  const root = node();
  for (const op of Object.values(OPERATIONS)) {
    let at = root;
    for (const segment of op.path.split('/').slice(1)) {
      if (segment.startsWith('{')) at = at.param ??= node();
      else at = at.literal.get(segment) ?? at.literal.set(segment, node()).get(segment)!;
    }
    (at.methods ??= {})[op.method] = op;
    at.kind = KINDS[op.kind];
  }
  return root;
}

const KINDS: Readonly<Record<string, Kind>> = { skills: 'skill', agents: 'agent' };
const TREE = buildTree();

/** Resolves a path (no query string) to the operations it answers; unknown paths are not found. */
export function route(path: string): Routed {
  if (!path.startsWith('/')) return { found: false };
  const segments = path.split('/');
  const params: string[] = [];
  let at: PathNode | undefined = TREE;
  // ERR-2: a Map of literals, so `/api/v1/__proto__` or `/constructor` is an unknown route, not a crash.
  for (let i = 1; at && i < segments.length; i++) {
    const segment = segments[i]!;
    const literal: PathNode | undefined = at.literal.get(segment);
    if (literal) at = literal;
    else if (at.param && segment !== '') {
      params.push(segment);
      at = at.param;
    } else at = undefined;
  }
  if (!at?.methods || !at.kind) return { found: false };
  return { found: true, methods: at.methods, kind: at.kind, id: params[0] ?? '', variationId: params[1] ?? '' };
}
