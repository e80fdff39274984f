import type { Server } from 'node:http';
/**
 * ERR-1/ERR-2: answers what Node's HTTP parser rejects before express runs (unknown methods such as
 * `FOO`, broken headers) and `CONNECT` with the JSON error body, instead of a bare 400 or a dropped socket.
 */
export declare function answerMalformedRequests(server: Server): void;
