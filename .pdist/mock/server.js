import { fileURLToPath } from 'node:url';
import { createMockCore } from './domain/index.js';
import { loadPrincipals, loadSeed } from './fixtures.js';
import { createApp } from './http/index.js';
import { openStateFile } from './persistence.js';
import { answerMalformedRequests } from './http/client-errors.js';
/** The fixtures bundled with the package. */
export const DEFAULT_PRINCIPALS = fileURLToPath(new URL('../../fixtures/principals.json', import.meta.url));
export const DEFAULT_SEED = fileURLToPath(new URL('../../fixtures/seed.json', import.meta.url));
/** Builds a core from fixture files (bundled ones by default); throws FixtureError/SeedError on bad files. */
export function coreFromFiles(principalsFile = DEFAULT_PRINCIPALS, seedFile = DEFAULT_SEED, extra = {}) {
    const principals = loadPrincipals(principalsFile);
    const seed = loadSeed(seedFile);
    try {
        return createMockCore({ principals, seed, ...extra });
    }
    catch (e) {
        throw new Error(`${seedFile}: ${e.message}`);
    }
}
/** Starts the mock on `host:port` (127.0.0.1 and an ephemeral port by default). */
export async function startMock(options = {}) {
    const build = (state) => coreFromFiles(options.principalsFile, options.seedFile, state ? { ...options.core, state } : options.core);
    const core = options.stateFile ? openStateFile(options.stateFile, build) : build();
    const app = createApp({ ...options, core });
    const host = options.host ?? '127.0.0.1';
    const server = await new Promise((resolve, reject) => {
        const s = app.listen(options.port ?? 0, host, (err) => (err ? reject(err) : resolve(s)));
        s.once('error', reject);
    });
    server.keepAliveTimeout = 65_000;
    answerMalformedRequests(server);
    const { port } = server.address();
    const shownHost = host.includes(':') ? `[${host}]` : host;
    return {
        url: `http://${shownHost}:${port}`,
        core,
        server,
        close: () => new Promise((resolve) => {
            server.closeAllConnections();
            server.close(() => resolve());
        }),
    };
}
//# sourceMappingURL=server.js.map