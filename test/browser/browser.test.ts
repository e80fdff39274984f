/** A real headless Chromium: a page on one origin calls the mock on another (CORS), then the inspector page shows it. */
import { existsSync, mkdirSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMock, type RunningMock } from '../../src/mock/server.js';
import { APP_PAGE } from './app-page.js';
import { launchChromium } from '../helpers/browser.js';

const REPORTS = new URL('../../reports/', import.meta.url);

let mock: RunningMock;
let site: Server;
let siteUrl: string;
let browser: Browser;
let appPage: Page;
let steps: Record<string, Step>;
/** Why the browser could not be set up; every test fails with it (a missing browser must fail, never skip). */
let setupError: Error | undefined;

function requireBrowser(): void {
  if (setupError) throw setupError;
}

/** A tiny static server: the "frontend app" origin. */
async function serveAppPage(): Promise<Server> {
  const server = createServer((req, res) => {
    if (req.url?.startsWith('/?') || req.url === '/') {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(APP_PAGE);
    } else res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return server;
}

beforeAll(async () => {
  // Fail, never skip: a browser that cannot start must be visible in CI.
  try {
    browser = await launchChromium();
  } catch (e) {
    setupError = new Error(`headless Chromium did not start (system /usr/bin/chromium, else @sparticuz/chromium): ${(e as Error).message}`);
    return;
  }
  mock = await startMock({ port: 0 });
  site = await serveAppPage();
  siteUrl = `http://127.0.0.1:${(site.address() as AddressInfo).port}`;
  // The app page runs its calls once; both tests read what it did (neither depends on the other).
  appPage = await browser.newPage({ viewport: { width: 1100, height: 700 } });
  await appPage.goto(`${siteUrl}/?api=${encodeURIComponent(mock.url)}`);
  await appPage.waitForFunction(() => document.title !== 'running');
  steps = (await appPage.evaluate(() => (window as unknown as { __results: unknown }).__results)) as Record<string, Step>;
});

afterAll(async () => {
  await browser?.close();
  await mock?.close();
  site?.closeAllConnections();
  await new Promise<void>((resolve) => (site ? site.close(() => resolve()) : resolve()));
});

interface Step {
  method: string;
  path: string;
  status: number;
  contentType: string | null;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- JSON bodies
  body: any;
}

describe('browser', () => {
  it('a page on another origin lists, creates, patches, deploys and deletes through CORS; errors arrive with their JSON body', async () => {
    requireBrowser();
    expect(steps['failed']).toBeUndefined();
    expect(new URL(siteUrl).origin).not.toBe(new URL(mock.url).origin);

    expect(steps['list']!.status).toBe(200);
    expect(steps['list']!.body.skills.length).toBeGreaterThan(0);
    expect(steps['create']).toMatchObject({ status: 201, body: { name: 'Browser skill', status: 'draft' } });
    expect(steps['patch']).toMatchObject({ status: 200, body: { description: 'patched in Chromium' } });
    expect(steps['deploy']).toMatchObject({ status: 200, body: { skill: { status: 'active', hasUnpublishedChanges: false } } });
    // Errors reach the page with status, JSON content type and the ERR-1 body.
    expect(steps['invalid']).toMatchObject({ status: 422, contentType: expect.stringMatching(/^application\/json/), body: { error: { code: 422, status: 'UNPROCESSABLE_ENTITY' } } });
    expect(steps['missing']).toMatchObject({ status: 404, body: { error: { code: 404, status: 'NOT_FOUND' } } });
    expect(steps['fault']).toMatchObject({ status: 503, body: { error: { code: 503, status: 'UNAVAILABLE' } } });
    expect(steps['remove']).toMatchObject({ status: 204, body: null });
    expect(steps['gone']!.status).toBe(404);

    // The preflights really happened (fetch with Authorization/JSON from another origin needs them) and were answered 204.
    const recorded = await (await fetch(`${mock.url}/__mock/requests?limit=200`)).json() as { requests: Array<{ method: string; url: string; status: number; requestHeaders: Record<string, string> }> };
    const preflights = recorded.requests.filter((r) => r.method === 'OPTIONS');
    expect(preflights.length).toBeGreaterThan(0);
    expect(preflights.every((r) => r.status === 204 && r.requestHeaders['origin'] === new URL(siteUrl).origin)).toBe(true);
    // DELETE /skills/{id} reuses the cached preflight of the PATCH on the same URL (access-control-max-age).
    expect(preflights.map((r) => r.requestHeaders['access-control-request-method'])).toEqual(expect.arrayContaining(['GET', 'POST', 'PATCH']));

    mkdirSync(REPORTS, { recursive: true });
    await appPage.screenshot({ path: new URL('browser.png', REPORTS).pathname, fullPage: true });
    expect(existsSync(new URL('browser.png', REPORTS))).toBe(true);
  });

  it('the inspector page shows the principals, the state and the requests the page made, with user content escaped', async () => {
    requireBrowser();
    const page = await browser.newPage({ viewport: { width: 1300, height: 900 } });
    const problems: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error') problems.push(m.text());
    });
    page.on('pageerror', (e) => problems.push(e.message));
    await page.goto(`${mock.url}/__mock/`);
    const principals = await page.locator('#principals').innerText();
    expect(principals).toContain('tok_alice_owner');
    expect(principals).toContain('erin@globex.example');

    await page.waitForFunction(() => (document.getElementById('requests')?.textContent ?? '').includes('/api/v1/skills/999999'));
    const requests = await page.locator('#requests').innerText();
    expect(requests).toMatch(/POST\s+\/api\/v1\/skills\s+201/);
    expect(requests).toMatch(/GET\s+\/api\/v1\/skills\/999999\s+404/);
    expect(requests).not.toContain('tok_alice_owner');

    const skills = await page.locator('#skills').innerText();
    expect(skills).toMatch(/Browser skill\s+deleted\s+user_alice/);
    // XSS: the name is shown as text, its markup never runs.
    expect(skills).toContain('<img src=x onerror="window.__xss=1">');
    expect(await page.locator('#skills img').count()).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();

    // It refreshes itself: a request made now shows up without a reload.
    await fetch(`${mock.url}/api/v1/agents?pageSize=7`, { headers: { authorization: 'Bearer tok_bob_teammate' } });
    await page.waitForFunction(() => (document.getElementById('requests')?.textContent ?? '').includes('/api/v1/agents?pageSize=7'), undefined, { timeout: 10_000 });
    expect(await page.locator('#skills tr').count()).toBeGreaterThan(5);

    mkdirSync(REPORTS, { recursive: true });
    await page.screenshot({ path: new URL('inspector.png', REPORTS).pathname, fullPage: true });
    expect(problems).toEqual([]); // no CSP violation, no script error
    await page.close();
  });
});
