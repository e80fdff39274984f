import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { MockCore, MockCoreOptions, StateExport } from './domain/index.js';
import { coreFromFiles } from './fixture-core.js';
import { answerMalformedRequests, createApp, type AppOptions } from './http/index.js';
import { openStateFile } from './persistence.js';

/** Options to start a mock server. */
export interface StartOptions extends Omit<AppOptions, 'core'> {
  port?: number;
  host?: string;
  principalsFile?: string;
  seedFile?: string;
  core?: Partial<MockCoreOptions>;
  /** Restart-safe state: load this file if it exists (else write it) and persist every acknowledged write. */
  stateFile?: string;
  /** An OpenAPI document whose operations the stateful core does not model are answered by prism-http. */
  specFile?: string;
  /** Check every response against the spec (`--validate`) and report each violation here. */
  onViolation?: (line: string) => void;
}

/** A running mock server. */
export interface RunningMock {
  url: string;
  core: MockCore;
  server: Server;
  close(): Promise<void>;
}

/** Wraps `onExchange` with the run-time self-check of `--validate`: every API response against the spec. */
async function withValidation(options: StartOptions): Promise<AppOptions['onExchange']> {
  const { onViolation, onExchange } = options;
  if (!onViolation) return onExchange;
  // Loaded on demand: ajv compiling the whole spec costs start-up time a plain `npm start` should not pay.
  const { loadContract } = await import('../contracts/validation.js');
  const contract = loadContract(options.specFile);
  return (request, response) => {
    onExchange?.(request, response);
    if (!contract.matchOperation(request.method, request.url)) return; // unknown routes: the 404/405 is the answer, nothing to check
    const result = contract.validateResponse({ method: request.method, path: request.url, status: response.status, headers: response.headers, body: response.body });
    for (const v of result.violations) onViolation(`contract violation ${v.rule} [${v.tag}]: ${request.method} ${request.url.split('?')[0]} ${response.status} ${v.jsonPath} ${v.keyword}: ${v.message}`);
  };
}

/** Starts the mock on `host:port` (127.0.0.1 and an ephemeral port by default). */
export async function startMock(options: StartOptions = {}): Promise<RunningMock> {
  const build = (state?: StateExport): MockCore =>
    coreFromFiles(options.principalsFile, options.seedFile, state ? { ...options.core, state } : options.core);
  const opened = options.stateFile ? openStateFile(options.stateFile, build) : undefined;
  const core = opened?.core ?? build();
  const host = options.host ?? '127.0.0.1';
  let server: Server;
  try {
    // prism-http takes over a second to load: only with --spec.
    const fallback = options.specFile ? await (await import('./http/prism-fallback.js')).createPrismFallback(options.specFile) : undefined;
    const admin = { ...options.admin, host: options.admin?.host ?? host };
    const app = createApp({ ...options, admin, core, fallback, onExchange: await withValidation(options) });
    // requireHostHeader off: Node's own check answers a bare 400; the app answers the ERR-1 JSON one instead.
    server = createServer({ requireHostHeader: false }, app);
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(options.port ?? 0, host, () => {
        server.off('error', reject);
        resolve();
      });
    });
  } catch (e) {
    opened?.release();
    throw e;
  }
  server.keepAliveTimeout = 65_000;
  answerMalformedRequests(server);
  const { port } = server.address() as AddressInfo;
  const shownHost = host.includes(':') ? `[${host}]` : host;
  return {
    url: `http://${shownHost}:${port}`,
    core,
    server,
    close: () => new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => {
        opened?.release();
        resolve();
      });
    }),
  };
}
