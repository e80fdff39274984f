/** Matching concrete request paths against OpenAPI path templates such as `/api/v1/skills/{id}`. */

/** A template that matched, with the value registered for it. */
export interface PathMatch<T> {
  template: string;
  value: T;
}

/** Finds the template a concrete path belongs to; built once, matched many times. */
export interface PathMatcher<T> {
  match(path: string): PathMatch<T> | undefined;
}

interface CompiledRoute<T> {
  template: string;
  segments: string[];
  regex: RegExp;
  value: T;
}

const PARAM = /^\{[^/{}]+\}$/;

/** Reduces a URL or a path with query string / fragment to its bare path (`/a/b?x=1` → `/a/b`). */
export function stripQuery(url: string): string {
  const absolute = /^[a-z][a-z0-9+.-]*:\/\//i.test(url) ? new URL(url).pathname : url;
  const cut = absolute.search(/[?#]/);
  return cut === -1 ? absolute : absolute.slice(0, cut);
}

/** Compiles templates into an ordered regex list where literal segments win over parameters. */
export function compilePathMatcher<T>(routes: Iterable<readonly [template: string, value: T]>): PathMatcher<T> {
  const compiled: CompiledRoute<T>[] = [];
  for (const [template, value] of routes) {
    const segments = template.split('/');
    const pattern = segments.map((s) => (PARAM.test(s) ? '[^/]+' : escapeRegex(s))).join('/');
    compiled.push({ template, segments, regex: new RegExp(`^${pattern}$`), value });
  }
  // `/skills/{id}/deploy` and a hypothetical `/skills/special/{x}` may both match; the
  // earlier literal segment decides, as OpenAPI requires ("concrete paths win").
  compiled.sort(compareSpecificity);
  // A suite matches the same few hundred paths over and over (its resources' ids, an id that never exists): each
  // path's route is found once. Query strings are stripped first, so page tokens never reach the cache.
  const seen = new Map<string, CompiledRoute<T> | null>();
  return {
    match(path) {
      const bare = stripQuery(path);
      let hit = seen.get(bare);
      if (hit === undefined) {
        if (seen.size >= MATCH_MEMO_SIZE) seen.clear();
        hit = compiled.find((route) => route.regex.test(bare)) ?? null;
        seen.set(bare, hit);
      }
      return hit ? { template: hit.template, value: hit.value } : undefined;
    },
  };
}

/** Distinct paths a matcher keeps the route of before it starts over. */
const MATCH_MEMO_SIZE = 10_000;

function compareSpecificity(a: CompiledRoute<unknown>, b: CompiledRoute<unknown>): number {
  const length = Math.min(a.segments.length, b.segments.length);
  for (let i = 0; i < length; i += 1) {
    const aParam = PARAM.test(a.segments[i] ?? '');
    const bParam = PARAM.test(b.segments[i] ?? '');
    if (aParam !== bParam) return aParam ? 1 : -1;
  }
  return b.segments.length - a.segments.length;
}

function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
