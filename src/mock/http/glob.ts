/** A compiled path glob of a fault rule: `*` within one segment, a `**` segment across any number of segments. */
export interface PathGlob {
  test(path: string): boolean;
}

/** The longest glob a fault rule may hold; with the path length this bounds one match (see compileGlob). */
export const MAX_GLOB_CHARS = 1024;

/**
 * Whether one path segment matches one glob segment whose only wildcard is `*` (a `**` inside a segment
 * counts as `*`). Two pointers with one backtrack point: at most segment x pattern steps, never exponential.
 */
export function matchSegment(pattern: string, text: string): boolean {
  let p = 0;
  let t = 0;
  let star = -1;
  let mark = 0;
  while (t < text.length) {
    if (p < pattern.length && pattern[p] !== '*' && pattern[p] === text[t]) {
      p++;
      t++;
    } else if (p < pattern.length && pattern[p] === '*') {
      star = p++;
      mark = t;
    } else if (star >= 0) {
      p = star + 1;
      t = ++mark;
    } else return false;
  }
  while (p < pattern.length && pattern[p] === '*') p++;
  return p === pattern.length;
}

/** Marks every state reachable from a set one through `**` segments (which may match zero segments). */
function close(states: Uint8Array, segments: readonly string[]): void {
  for (let i = 0; i < segments.length; i++) if (states[i] && segments[i] === '**') states[i + 1] = 1;
}

/**
 * Compiles a glob into a matcher that walks the path segment by segment over the set of glob positions
 * it may be at (an NFA, not a backtracking regex): the cost is path segments x glob segments, so a rule
 * such as `/api/**\/**\/**\/**\/x` against a 1,600-character path answers in microseconds (issue 11).
 */
export function compileGlob(glob: string): PathGlob {
  const segments = glob.split('/');
  return {
    test(path: string): boolean {
      // A trailing slash on the path is ignored, as the core's router ignores it.
      const trimmed = path.length > 1 && path.endsWith('/') ? path.slice(0, -1) : path;
      let states = new Uint8Array(segments.length + 1);
      states[0] = 1;
      close(states, segments);
      for (const part of trimmed.split('/')) {
        const next = new Uint8Array(segments.length + 1);
        let any = false;
        for (let i = 0; i < segments.length; i++) {
          if (!states[i]) continue;
          if (segments[i] === '**') next[i] = 1;
          else if (matchSegment(segments[i]!, part)) next[i + 1] = 1;
          else continue;
          any = true;
        }
        if (!any) return false;
        close(next, segments);
        states = next;
      }
      return states[segments.length] === 1;
    },
  };
}
