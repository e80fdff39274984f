import { readFileSync } from 'node:fs';
import { type Server, createServer } from 'node:http';
import { pathToFileURL } from 'node:url';
import express from 'express';

/** One canned answer: the status and the exact body text our mock gave for that request. */
export interface CannedAnswer {
  status: number;
  body: string;
}

/** Canned answers keyed by `METHOD url` (url with its query string), as written to the temp file. */
export type CannedFile = Record<string, CannedAnswer>;

interface Prepared {
  status: number;
  body: Buffer;
}

const NOT_FOUND: Prepared = { status: 404, body: Buffer.from('{"error":{"code":404,"message":"not canned"}}') };

function prepare(file: CannedFile): Map<string, Prepared> {
  return new Map(Object.entries(file).map(([key, a]) => [key, { status: a.status, body: Buffer.from(a.body) }]));
}

/** The upper limit: bare node:http, a Map lookup and a pre-encoded body. */
export function createRawCannedServer(file: CannedFile): Server {
  const answers = prepare(file);
  return createServer((req, res) => {
    const answer = answers.get(`${req.method} ${req.url}`) ?? NOT_FOUND;
    req.resume(); // read (and drop) any request body before answering, as a real server must
    req.on('end', () => {
      res.writeHead(answer.status, { 'content-type': 'application/json', 'content-length': answer.body.length });
      res.end(answer.body);
    });
  });
}

/** The floor of our stack: express 5 with a body parser (as the mock has) answering the same bytes. */
export function createExpressCannedServer(file: CannedFile): express.Express {
  const answers = prepare(file);
  const app = express();
  app.disable('x-powered-by');
  app.set('etag', false);
  app.use(express.raw({ type: () => true, limit: '1mb' }));
  app.use((req, res) => {
    const answer = answers.get(`${req.method} ${req.originalUrl}`) ?? NOT_FOUND;
    res.status(answer.status);
    res.setHeader('content-type', 'application/json');
    res.end(answer.body);
  });
  return app;
}

/** Child-process entry: `canned-server.ts raw|express PORT FILE` listens on 127.0.0.1:PORT. */
function main(argv: string[]): void {
  const [kind, port, path] = argv;
  if ((kind !== 'raw' && kind !== 'express') || !port || !path) {
    console.error('usage: canned-server.ts raw|express PORT CANNED_JSON_FILE');
    process.exit(2);
  }
  const file = JSON.parse(readFileSync(path, 'utf8')) as CannedFile;
  const server = kind === 'raw' ? createRawCannedServer(file) : createExpressCannedServer(file);
  const listening = server.listen(Number(port), '127.0.0.1');
  const stop = (): void => {
    listening.closeAllConnections();
    listening.close(() => process.exit(0));
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) main(process.argv.slice(2));
