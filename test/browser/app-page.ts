/** The small "frontend app" the browser test serves from its own origin: it calls the mock cross-origin with fetch. */

// Runs in the page. Each step is one fetch with a bearer token; results go to window.__results and a visible list.
const SCRIPT = `
const api = new URL(location.href).searchParams.get('api') + '/api/v1';
const token = 'tok_alice_owner';
const log = document.getElementById('log');
async function call(method, path, body, extraHeaders) {
  const headers = { Authorization: 'Bearer ' + token, ...extraHeaders };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  const res = await fetch(api + path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  const text = await res.text();
  const step = { method, path, status: res.status, contentType: res.headers.get('content-type'), body: text ? JSON.parse(text) : null };
  const li = document.createElement('li');
  li.textContent = method + ' ' + path + ' -> ' + res.status + ' ' + text.slice(0, 160);
  li.className = res.ok ? 'ok' : 'err';
  log.appendChild(li);
  return step;
}
async function run() {
  const steps = {};
  steps.list = await call('GET', '/skills?pageSize=100');
  steps.create = await call('POST', '/skills', { name: 'Browser skill', description: 'made in Chromium' });
  const id = steps.create.body.id;
  steps.patch = await call('PATCH', '/skills/' + id, { description: 'patched in Chromium' });
  steps.deploy = await call('POST', '/skills/' + id + '/deploy', {});
  steps.invalid = await call('PATCH', '/skills/' + id, { managerId: null, name: 'both' });
  steps.missing = await call('GET', '/skills/999999');
  steps.fault = await call('GET', '/agents', undefined, { Prefer: 'code=503' });
  steps.xss = await call('POST', '/skills', { name: '<img src=x onerror="window.__xss=1">' });
  steps.remove = await call('DELETE', '/skills/' + id);
  steps.gone = await call('GET', '/skills/' + id);
  return steps;
}
run().then(
  (steps) => { window.__results = steps; document.title = 'done'; },
  (e) => { window.__results = { failed: String(e) }; document.title = 'failed'; },
);
`;

/** The page's HTML; the mock's origin comes in the `api` query parameter. */
export const APP_PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>running</title>
<style>body{font:14px system-ui;margin:1.5rem} .ok{color:#17803d} .err{color:#c0262d} li{font-family:monospace;margin:.2rem 0}</style>
</head><body>
<h1>Frontend app talking to modus-mock (another origin)</h1>
<ol id="log"></ol>
<script>${SCRIPT}</script>
</body></html>`;
