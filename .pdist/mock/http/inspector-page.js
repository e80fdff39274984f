/** Escapes text for HTML element content and quoted attribute values. */
export function escapeHtml(text) {
    return text.replace(/[&<>"'`]/g, (c) => `&#${c.charCodeAt(0)};`);
}
const STYLE = `
body { font: 14px/1.4 system-ui, sans-serif; margin: 1.5rem; color: #1d2330; }
h1 { font-size: 1.3rem; } h2 { font-size: 1.05rem; margin-top: 1.6rem; }
table { border-collapse: collapse; width: 100%; margin-top: .4rem; }
th, td { border-bottom: 1px solid #dde1e8; padding: .25rem .5rem; text-align: left; vertical-align: top; }
th { background: #f3f5f8; } code, pre { font: 12px ui-monospace, monospace; }
pre { white-space: pre-wrap; word-break: break-all; margin: .2rem 0; background: #f7f7f9; padding: .4rem; }
.s2 { color: #17803d; } .s4 { color: #b35c00; } .s5 { color: #c0262d; } .muted { color: #6b7280; }
`;
// Runs in the browser. Every user-supplied value goes through textContent, never innerHTML (names are user input).
const SCRIPT = `
const open = new Set();
function cell(tr, value, cls) {
  const td = document.createElement('td');
  td.textContent = value === null || value === undefined ? '' : String(value);
  if (cls) td.className = cls;
  tr.appendChild(td);
  return td;
}
function fillResources(id, rows) {
  const body = document.getElementById(id);
  body.replaceChildren(...rows.map((r) => {
    const tr = document.createElement('tr');
    for (const v of [r.id, r.name, r.status, r.owner, r.pendingOwner ? 'to ' + r.pendingOwner : '', r.visibility, r.orgUuid]) cell(tr, v);
    return tr;
  }));
}
function show(value) {
  return value === undefined ? '(none)' : typeof value === 'string' ? value : JSON.stringify(value, null, 2);
}
function fillRequests(rows) {
  const body = document.getElementById('requests');
  body.replaceChildren(...rows.map((r) => {
    const tr = document.createElement('tr');
    cell(tr, r.time.slice(11, 23), 'muted');
    cell(tr, r.method);
    cell(tr, r.url);
    cell(tr, r.status, 's' + String(r.status)[0]);
    cell(tr, r.ms + ' ms');
    const details = document.createElement('details');
    details.open = open.has(r.seq);
    details.addEventListener('toggle', () => (details.open ? open.add(r.seq) : open.delete(r.seq)));
    const summary = document.createElement('summary');
    summary.textContent = 'bodies';
    const pre = document.createElement('pre');
    pre.textContent = 'authorization: ' + (r.requestHeaders.authorization || '(none)') +
      '\\n> ' + show(r.requestBody) + '\\n< ' + show(r.responseBody);
    details.append(summary, pre);
    cell(tr, '').appendChild(details);
    return tr;
  }));
}
async function getJson(path) {
  const res = await fetch(path, { cache: 'no-store' });
  if (!res.ok) throw new Error(path + ' answered ' + res.status);
  return res.json();
}
async function refresh() {
  const status = document.getElementById('updated');
  try {
    const [overview, recent] = await Promise.all([getJson('/__mock/overview'), getJson('/__mock/requests?limit=50')]);
    fillResources('skills', overview.skills);
    fillResources('agents', overview.agents);
    fillRequests(recent.requests);
    status.textContent = 'updated ' + new Date().toLocaleTimeString();
  } catch (e) {
    status.textContent = 'mock unreachable: ' + e.message;
  }
}
refresh();
setInterval(refresh, 2000);
`;
const RESOURCE_HEAD = '<tr><th>id</th><th>name</th><th>status</th><th>owner</th><th>pending transfer</th><th>visibility</th><th>org</th></tr>';
/** The self-contained inspector page (no external assets): principals server-side, state and requests refreshed every 2 s. */
export function renderInspectorPage(principals, nonce) {
    // Local-only dev page: showing fixture tokens is the point (a developer copies them into their app).
    const rows = principals
        .map((p) => `<tr><td><code>${escapeHtml(p.token)}</code></td><td>${escapeHtml(p.userId)}</td><td>${escapeHtml(p.email)}</td>`
        + `<td>${escapeHtml(p.orgUuid)}</td><td>${escapeHtml(p.groups.join(', '))}</td></tr>`)
        .join('\n');
    const n = escapeHtml(nonce);
    return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>modus-mock inspector</title>
<style nonce="${n}">${STYLE}</style>
</head>
<body>
<h1>modus-mock inspector <small class="muted" id="updated">loading…</small></h1>
<p class="muted">Send <code>Authorization: Bearer &lt;token&gt;</code> to <code>/api/v1/…</code>. Admin: <code>POST /__mock/reset</code>, <code>GET /__mock/state</code>, <code>/__mock/faults</code>, <code>/__mock/requests</code>.</p>
<h2>Principals</h2>
<table><thead><tr><th>token</th><th>userId</th><th>email</th><th>org</th><th>groups</th></tr></thead>
<tbody id="principals">
${rows}
</tbody></table>
<h2>Skills</h2>
<table><thead>${RESOURCE_HEAD}</thead><tbody id="skills"></tbody></table>
<h2>Agents</h2>
<table><thead>${RESOURCE_HEAD}</thead><tbody id="agents"></tbody></table>
<h2>Recent requests <small class="muted">(newest first)</small></h2>
<table><thead><tr><th>time</th><th>method</th><th>url</th><th>status</th><th>ms</th><th></th></tr></thead>
<tbody id="requests"></tbody></table>
<script nonce="${n}">${SCRIPT}</script>
</body>
</html>
`;
}
//# sourceMappingURL=inspector-page.js.map