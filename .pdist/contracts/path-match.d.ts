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
/** Reduces a URL or a path with query string / fragment to its bare path (`/a/b?x=1` → `/a/b`). */
export declare function stripQuery(url: string): string;
/** Compiles templates into an ordered regex list where literal segments win over parameters. */
export declare function compilePathMatcher<T>(routes: Iterable<readonly [template: string, value: T]>): PathMatcher<T>;
