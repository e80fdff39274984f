/** Matching concrete request paths against OpenAPI path templates such as `/api/v1/skills/{id}`. */
const PARAM = /^\{[^/{}]+\}$/;
/** Reduces a URL or a path with query string / fragment to its bare path (`/a/b?x=1` → `/a/b`). */
export function stripQuery(url) {
    const absolute = /^[a-z][a-z0-9+.-]*:\/\//i.test(url) ? new URL(url).pathname : url;
    const cut = absolute.search(/[?#]/);
    return cut === -1 ? absolute : absolute.slice(0, cut);
}
/** Compiles templates into an ordered regex list where literal segments win over parameters. */
export function compilePathMatcher(routes) {
    const compiled = [];
    for (const [template, value] of routes) {
        const segments = template.split('/');
        const pattern = segments.map((s) => (PARAM.test(s) ? '[^/]+' : escapeRegex(s))).join('/');
        compiled.push({ template, segments, regex: new RegExp(`^${pattern}$`), value });
    }
    // `/skills/{id}/deploy` and a hypothetical `/skills/special/{x}` may both match; the
    // earlier literal segment decides, as OpenAPI requires ("concrete paths win").
    compiled.sort(compareSpecificity);
    return {
        match(path) {
            const bare = stripQuery(path);
            const hit = compiled.find((route) => route.regex.test(bare));
            return hit && { template: hit.template, value: hit.value };
        },
    };
}
function compareSpecificity(a, b) {
    const length = Math.min(a.segments.length, b.segments.length);
    for (let i = 0; i < length; i += 1) {
        const aParam = PARAM.test(a.segments[i] ?? '');
        const bParam = PARAM.test(b.segments[i] ?? '');
        if (aParam !== bParam)
            return aParam ? 1 : -1;
    }
    return b.segments.length - a.segments.length;
}
function escapeRegex(text) {
    return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
//# sourceMappingURL=path-match.js.map