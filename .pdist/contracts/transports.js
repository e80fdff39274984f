import { Agent } from 'node:http';
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
/** The in-process mock: no sockets, the same core the HTTP server wraps. */
export function inProcessTransport(core) {
    return {
        async send(method, path, headers, body) {
            const res = core.handle({ method, url: path, headers, body });
            return { status: res.status, headers: res.headers, text: res.body === undefined ? '' : JSON.stringify(res.body) };
        },
    };
}
/** HTTP(S) to a base URL, with keep-alive and a 30 s timeout per request. */
export function httpTransport(baseUrl, timeoutMs = 30_000) {
    const base = new URL(baseUrl);
    const secure = base.protocol === 'https:';
    const agent = secure ? undefined : new Agent({ keepAlive: true, maxSockets: 32 });
    const prefix = base.pathname.replace(/\/+$/, '');
    return {
        send(method, path, headers, body) {
            return new Promise((resolve, reject) => {
                const req = (secure ? httpsRequest : httpRequest)({ protocol: base.protocol, hostname: base.hostname, port: base.port, method, path: prefix + path, headers, agent, timeout: timeoutMs }, (res) => {
                    const chunks = [];
                    res.on('data', (c) => chunks.push(c));
                    res.on('end', () => {
                        const out = {};
                        for (const [k, v] of Object.entries(res.headers))
                            if (v !== undefined)
                                out[k] = Array.isArray(v) ? v.join(', ') : v;
                        resolve({ status: res.statusCode ?? 0, headers: out, text: Buffer.concat(chunks).toString('utf8') });
                    });
                    res.on('error', reject);
                });
                req.on('timeout', () => req.destroy(new Error(`${method} ${path} timed out after ${timeoutMs} ms`)));
                req.on('error', reject);
                req.end(body);
            });
        },
    };
}
//# sourceMappingURL=transports.js.map