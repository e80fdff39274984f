import { http, HttpResponse } from 'msw';
import { createMockCore } from '../mock/domain/index.js';
import principalsDoc from '../../fixtures/principals.json' with { type: 'json' };
import seedDoc from '../../fixtures/seed.json' with { type: 'json' };
/** The bundled principals (fixture tokens such as `tok_alice_owner`). */
export const bundledPrincipals = principalsDoc.principals;
/** The bundled seed fixtures. */
export const bundledSeed = seedDoc;
/** CORS preflight answer, as the HTTP mock gives it (a service worker may still see one). */
function preflight(request) {
    return new HttpResponse(null, {
        status: 204,
        headers: {
            'access-control-allow-origin': request.headers.get('origin') ?? '*',
            'access-control-allow-methods': 'GET, POST, PATCH, PUT, DELETE, OPTIONS',
            'access-control-allow-headers': request.headers.get('access-control-request-headers') ?? 'Authorization, Content-Type',
        },
    });
}
/** Builds MSW handlers for `/api/v1/*` that call the same pure core as the HTTP mock, with their own state. */
export function modusHandlers(options = {}) {
    const core = createMockCore({
        ...options.core,
        principals: options.principals ?? bundledPrincipals,
        seed: options.seed ?? bundledSeed,
    });
    const base = (options.baseUrl ?? '*').replace(/\/+$/, '');
    const handler = http.all(`${base}/api/v1/*`, async ({ request }) => {
        if (request.method === 'OPTIONS' && request.headers.has('access-control-request-method'))
            return preflight(request);
        const url = new URL(request.url);
        const headers = {};
        request.headers.forEach((value, name) => {
            headers[name] = value;
        });
        const text = await request.text();
        const out = core.handle({ method: request.method, url: url.pathname + url.search, headers, body: text === '' ? undefined : text });
        return new HttpResponse(out.body === undefined ? null : JSON.stringify(out.body), { status: out.status, headers: out.headers });
    });
    return { handlers: [handler], reset: () => core.reset(), core };
}
//# sourceMappingURL=handlers.js.map