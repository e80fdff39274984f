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
}

/** A running mock server. */
export interface RunningMock {
  url: string;
  core: MockCore;
  server: Server;
  close(): Promise<void>;
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
    const app = createApp({ ...options, admin, core, fallback });
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
