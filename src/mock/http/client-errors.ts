import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { errorBody } from '../domain/index.js';

const REASONS: Record<number, string> = { 400: 'Bad Request', 405: 'Method Not Allowed', 408: 'Request Timeout', 431: 'Request Header Fields Too Large' };

/** A whole raw HTTP/1.1 answer carrying the ERR-1 JSON error body, for sockets express never sees. */
function rawAnswer(code: number, message: string, extra = ''): string {
  const body = JSON.stringify(errorBody(code, message));
  return `HTTP/1.1 ${code} ${REASONS[code] ?? 'Error'}\r\nContent-Type: application/json\r\n${extra}` +
    `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`;
}

function clientErrorCode(err: NodeJS.ErrnoException): number {
  if (err.code === 'HPE_HEADER_OVERFLOW') return 431;
  if (err.code === 'ERR_HTTP_REQUEST_TIMEOUT') return 408;
  return 400;
}

/**
 * ERR-1/ERR-2: answers what Node's HTTP parser rejects before express runs (unknown methods such as
 * `FOO`, broken headers) and `CONNECT` with the JSON error body, instead of a bare 400 or a dropped socket.
 */
export function answerMalformedRequests(server: Server): void {
  server.on('clientError', (err: NodeJS.ErrnoException, socket: Duplex) => {
    if (err.code === 'ECONNRESET' || !socket.writable) {
      socket.destroy();
      return;
    }
    const code = clientErrorCode(err);
    socket.end(rawAnswer(code, `malformed HTTP request: ${err.code ?? err.message}`));
  });
  server.on('connect', (_req: IncomingMessage, socket: Duplex) => {
    socket.resume(); // read (and drop) the rest, so the client's FIN is seen and the socket closes
    socket.end(rawAnswer(405, 'CONNECT is not allowed on this server', 'Allow: GET, POST, PATCH, PUT, DELETE, OPTIONS\r\n'));
  });
}
