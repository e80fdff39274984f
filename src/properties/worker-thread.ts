/** One property worker (workers.ts): compiles openapi.json once, then runs each shard it is sent in-process. */
import { parentPort } from 'node:worker_threads';
import { loadContract } from '../contracts/validation.js';
import { runProperties } from './runner.js';
import type { FromWorker, ToWorker } from './workers.js';

const port = parentPort;
if (!port) throw new Error('worker-thread.ts runs inside a worker thread (src/properties/workers.ts)');
const send = (m: FromWorker): void => port.postMessage(m);
const contract = loadContract();
let abort: AbortController | undefined;

port.on('message', (m: ToWorker) => {
  if (m.type === 'abort') return abort?.abort();
  abort = new AbortController();
  runProperties({ ...m.options, contract, signal: abort.signal, onProgress: (progress) => send({ type: 'progress', progress }) })
    .then(({ redact: _redact, ...result }) => send({ type: 'result', result }))
    .catch((e: unknown) => send({ type: 'error', message: e instanceof Error ? e.message : String(e) }));
});
send({ type: 'ready' });
