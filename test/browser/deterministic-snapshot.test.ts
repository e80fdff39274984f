/**
 * The README's Playwright snapshot test, run for real: `modus-mock --deterministic`, reset before each test, and
 * the page's screenshot and text are byte-identical after a reset and after a restart of the mock process.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../helpers/browser.js';
import { ensureDist, startCliMock, type CliMock } from '../helpers/cli-mock.js';

// A frontend page that shows exactly what snapshot tests trip over: ids, slugs, uuids and timestamps.
const PAGE = `<!doctype html><meta charset="utf-8"><title>skills</title>
<style>body{font:14px monospace;margin:16px} td{padding:2px 8px}</style>
<table id="skills"></table><p id="created"></p>
<script>
const api = new URL(location.href).searchParams.get('api') + '/api/v1';
const auth = { Authorization: 'Bearer tok_alice_owner', 'Content-Type': 'application/json' };
(async () => {
  const made = await (await fetch(api + '/skills', { method: 'POST', headers: auth, body: JSON.stringify({ name: 'Made in the page' }) })).json();
  const { skills } = await (await fetch(api + '/skills?pageSize=100', { headers: auth })).json();
  for (const s of skills) {
    const tr = document.getElementById('skills').insertRow();
    for (const v of [s.id, s.slug, s.status, s.activeVariationId ?? s.draftVariationId, s.createdAt, s.updatedAt]) tr.insertCell().textContent = v;
  }
  document.getElementById('created').textContent = made.id + ' ' + made.draftVariationId + ' ' + made.createdAt;
  document.title = 'ready';
})();
</script>`;

let browser: Browser;
let site: Server;
let siteUrl: string;

beforeAll(async () => {
  ensureDist();
  browser = await launchChromium();
  site = createServer((_req, res) => res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(PAGE));
  await new Promise<void>((resolve) => site.listen(0, '127.0.0.1', resolve));
  siteUrl = `http://127.0.0.1:${(site.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await browser?.close();
  site?.closeAllConnections();
  await new Promise<void>((resolve) => (site ? site.close(() => resolve()) : resolve()));
});

/** One "test" of the README example: reset the mock, open the page, snapshot it. */
async function snapshot(mock: CliMock): Promise<{ png: Buffer; text: string }> {
  expect((await fetch(`${mock.url}/__mock/reset`, { method: 'POST', headers: { 'content-type': 'application/json' } })).status).toBe(200);
  const page = await browser.newPage({ viewport: { width: 1100, height: 500 } });
  await page.goto(`${siteUrl}/?api=${encodeURIComponent(mock.url)}`);
  await page.waitForFunction(() => document.title === 'ready');
  const result = { png: await page.screenshot({ fullPage: true }), text: await page.locator('body').innerText() };
  await page.close();
  return result;
}

describe('README: a Playwright snapshot test against modus-mock --deterministic', () => {
  it('the page is byte-identical after a reset and after a restart; without the flag it is not', async () => {
    const first = await startCliMock(['--deterministic', '--quiet']);
    const a = await snapshot(first);
    const b = await snapshot(first); // the next test, after beforeEach's reset
    const stateA = await (await fetch(`${first.url}/__mock/state`)).text();
    expect(await first.stop()).toBe(0);

    const second = await startCliMock(['--deterministic', '--quiet']); // another start (another port, same bytes)
    const c = await snapshot(second);
    const stateC = await (await fetch(`${second.url}/__mock/state`)).text();
    expect(await second.stop()).toBe(0);

    expect(a.text).toMatch(/^\d+ [0-9a-f-]{36} 2026-01-01T00:\d\d:\d\d\.000Z$/m); // the skill the page created
    expect(a.text).toContain('2026-01-01T00:00:00.000Z');
    expect(b.text).toBe(a.text);
    expect(c.text).toBe(a.text);
    expect(Buffer.compare(b.png, a.png)).toBe(0);
    expect(Buffer.compare(c.png, a.png)).toBe(0);
    expect(stateC).toBe(stateA);

    const plain = await startCliMock(['--quiet']); // the control: a real clock and random uuids
    const d = await snapshot(plain);
    await plain.stop();
    expect(d.text).not.toBe(a.text);
  });
});
