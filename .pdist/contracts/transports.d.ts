import type { MockCore } from '../mock/domain/index.js';
import type { Transport } from './client.js';
/** The in-process mock: no sockets, the same core the HTTP server wraps. */
export declare function inProcessTransport(core: MockCore): Transport;
/** HTTP(S) to a base URL, with keep-alive and a 30 s timeout per request. */
export declare function httpTransport(baseUrl: string, timeoutMs?: number): Transport;
