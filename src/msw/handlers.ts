import { http, HttpResponse, type HttpHandler } from 'msw';
import { corsHeaders, createMockCore, preflightHeaders, type DeterministicOptions, type MockCore, type MockCoreOptions, type Principal, type SeedFile, type StateExport } from '../mock/domain/index.js';
import principalsDoc from '../../fixtures/principals.json' with { type: 'json' };
import seedDoc from '../../fixtures/seed.json' with { type: 'json' };

/** Options of `modusHandlers`; every field is optional. */
export interface ModusHandlersOptions {
  /** Principals (tokens); the bundled fixtures/principals.json by default. */
  principals?: readonly Principal[];
  /** Seed (v1, v2, or a `GET /__mock/state` export) applied at start and on every reset; the bundled fixtures/seed.json by default. */
  seed?: SeedFile | StateExport;
  /** Origin the handlers answer for, e.g. `https://api.modus.example`; any origin by default. */
  baseUrl?: string;
  /**
   * Snapshot-stable data: timestamps from a fixed clock that steps per write and variation uuids from a
   * seeded sequence, replayed from the start by `reset()`; `true` for the defaults (the same as `modus-mock --deterministic`).
   */
  deterministic?: boolean | DeterministicOptions;
  /** Extra core options (clock, limits). */
  core?: Omit<Partial<MockCoreOptions>, 'principals' | 'seed'>;
}

/** MSW handlers around their own mock core. */
export interface ModusHandlers {
  handlers: HttpHandler[];
  /** Back to the seed (call it in `afterEach`). */
  reset(): void;
  core: MockCore;
}

/** The bundled principals (fixture tokens such as `tok_alice_owner`). */
export const bundledPrincipals: readonly Principal[] = principalsDoc.principals;
/** The bundled seed fixtures. */
export const bundledSeed: SeedFile = seedDoc as SeedFile;

/** CORS preflight answer, as the HTTP mock gives it (a service worker may still see one). */
function preflight(request: Request): Response {
  return new HttpResponse(null, { status: 204, headers: preflightHeaders(request.headers.get('origin'), request.headers.get('access-control-request-headers')) });
}

/** Builds MSW handlers for `/api/v1/*` that call the same pure core as the HTTP mock, with their own state. */
export function modusHandlers(options: ModusHandlersOptions = {}): ModusHandlers {
  const core = createMockCore({
    ...options.core,
    ...(options.deterministic ? { deterministic: options.deterministic === true ? {} : options.deterministic } : {}),
    principals: options.principals ?? bundledPrincipals,
    seed: options.seed ?? bundledSeed,
  });
  const base = (options.baseUrl ?? '*').replace(/\/+$/, '');
  const handler = http.all(`${base}/api/v1/*`, async ({ request }) => {
    if (request.method === 'OPTIONS' && request.headers.has('access-control-request-method')) return preflight(request);
    const url = new URL(request.url);
    const headers: Record<string, string> = {};
    request.headers.forEach((value, name) => {
      headers[name] = value;
    });
    const text = await request.text();
    const out = core.handle({ method: request.method, url: url.pathname + url.search, headers, body: text === '' ? undefined : text });
    return new HttpResponse(out.body === undefined ? null : JSON.stringify(out.body), { status: out.status, headers: { ...corsHeaders(request.headers.get('origin')), ...out.headers } });
  });
  return { handlers: [handler], reset: () => core.reset(), core };
}
