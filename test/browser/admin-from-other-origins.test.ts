/**
 * Issue 11, finding 1, in a real Chromium: a page on another origin (and a file:// page) still uses the API through
 * CORS, but can neither read /__mock/state, /__mock/requests or the inspector, nor drive faults, reset or import.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMock, type RunningMock } from '../../src/mock/server.js';
import { launchChromium } from '../helpers/browser.js';

// Runs in the page: each attempt records what the page could see ('blocked' = fetch rejected by CORS).
const SCRIPT = `
const mock = new URL(location.href).searchParams.get('mock') || document.body.dataset.mock;
async function attempt(path, init) {
  try {
    const res = await fetch(mock + path, init);
    if (res.type === 'opaque') return { outcome: 'opaque' };
    return { outcome: 'read', status: res.status, text: (await res.text()).slice(0, 300) };
  } catch (e) {
    return { outcome: 'blocked' };
  }
}
async function run() {
  const auth = { Authorization: 'Bearer tok_alice_owner' };
  const out = {};
  out.apiList = await attempt('/api/v1/skills?pageSize=1', { headers: auth });
  out.apiCreate = await attempt('/api/v1/skills', { method: 'POST', headers: { ...auth, 'Content-Type': 'application/json' }, body: JSON.stringify({ name: 'made by the page' }) });
  out.readState = await attempt('/__mock/state');
  out.readRequests = await attempt('/__mock/requests');
  out.readInspector = await attempt('/__mock/');
  const rules = JSON.stringify({ rules: [{ path: '/api/**', status: 503 }] });
  out.faultsTextPlain = await attempt('/__mock/faults', { method: 'POST', mode: 'no-cors', headers: { 'Content-Type': 'text/plain' }, body: rules });
  out.faultsJson = await attempt('/__mock/faults', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: rules });
  out.reset = await attempt('/__mock/reset', { method: 'POST', mode: 'no-cors' });
  out.importState = await attempt('/__mock/state', { method: 'PUT', headers: { 'Content-Type': 'application/json' }, body: '{"version":1,"nextId":{"skill":1,"agent":1},"skills":[],"agents":[]}' });
  return out;
}
run().then((out) => { window.__out = out; document.title = 'done'; }, (e) => { window.__out = { failed: String(e) }; document.title = 'failed'; });
`;
const PAGE = (mockUrl: string): string => `<!doctype html><html><head><meta charset="utf-8"><title>running</title></head>
<body data-mock="${mockUrl}"><h1>A page on another origin</h1><script>${SCRIPT}</script></body></html>`;

let mock: RunningMock;
let site: Server;
let browser: Browser;
let dir: string;

beforeAll(async () => {
  mock = await startMock({ port: 0 });
  site = createServer((_req, res) => res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(PAGE(mock.url)));
  await new Promise<void>((resolve) => site.listen(0, '127.0.0.1', resolve));
  dir = mkdtempSync(join(tmpdir(), 'modus-page-'));
  writeFileSync(join(dir, 'page.html'), PAGE(mock.url));
  browser = await launchChromium();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await mock?.close();
  site?.closeAllConnections();
  await new Promise<void>((resolve) => (site ? site.close(() => resolve()) : resolve()));
  if (dir) rmSync(dir, { recursive: true, force: true });
});

type Outcome = { outcome: 'blocked' | 'opaque' | 'read'; status?: number; text?: string };

async function runPage(url: string): Promise<Record<string, Outcome>> {
  const page: Page = await browser.newPage();
  try {
    await page.goto(url);
    await page.waitForFunction(() => document.title !== 'running', undefined, { timeout: 20_000 });
    return (await page.evaluate(() => (window as unknown as { __out: Record<string, Outcome> }).__out));
  } finally {
    await page.close();
  }
}

async function adminSnapshot(): Promise<{ rules: unknown; skills: number }> {
  const rules = ((await (await fetch(`${mock.url}/__mock/faults`)).json()) as { rules: unknown }).rules;
  const state = (await (await fetch(`${mock.url}/__mock/state`)).json()) as { skills: unknown[] };
  return { rules, skills: state.skills.length };
}

describe('browser: the admin surface is out of reach of other origins', () => {
  it.each([
    ['a page on another origin (http://127.0.0.1:<other port>)', () => `http://127.0.0.1:${(site.address() as AddressInfo).port}/`],
    ['a file:// page (Origin: null)', () => `file://${join(dir, 'page.html')}`],
  ])('%s uses the API but cannot read or drive /__mock', async (_what, url) => {
    const before = await adminSnapshot();
    const out = await runPage(url());
    expect(out['failed']).toBeUndefined();
    // The frontend side keeps working: CORS for any origin on the API.
    expect(out['apiList']).toMatchObject({ outcome: 'read', status: 200 });
    expect(out['apiCreate']).toMatchObject({ outcome: 'read', status: 201 });
    // Nothing of the admin surface is readable: the answers carry no CORS header, so fetch rejects.
    for (const key of ['readState', 'readRequests', 'readInspector', 'faultsJson', 'importState']) expect(out[key]?.outcome, key).toBe('blocked');
    // The no-cors writes went out (opaque answers) but were refused: no fault rule set, no reset, no import.
    expect(out['faultsTextPlain']?.outcome).toBe('opaque');
    const after = await adminSnapshot();
    expect(after.rules).toEqual([]);
    expect(after.skills).toBe(before.skills + 1); // the page's API create is there: neither a reset nor an import ran
    const api = await fetch(`${mock.url}/api/v1/skills?pageSize=1`, { headers: { authorization: 'Bearer tok_alice_owner' } });
    expect(api.status).toBe(200); // no 503 fault rule took effect
  });
});
