/** Launches headless Chromium for the browser tests: the system one when installed, else the one shipped in an npm package. */
import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

/** Where Debian's `chromium` package puts the browser. */
export const SYSTEM_CHROMIUM = '/usr/bin/chromium';

// Quiet, offline and root-safe: CI runs as root with no network beyond the registries.
const COMMON_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

// @sparticuz/chromium's serverless flags that do not fit a test browser: the browser test proves CORS, so the browser
// must enforce it; and --single-process (for AWS Lambda's sandbox) takes the whole browser down when a page closes.
const DROPPED_ARGS = new Set(['--disable-web-security', '--allow-running-insecure-content', '--disable-site-isolation-trials', '--single-process']);

/** Where the browser comes from and with which flags: /usr/bin/chromium if present, else @sparticuz/chromium (Node alone). */
async function chromiumBinary(): Promise<{ executablePath: string; args: string[] }> {
  if (existsSync(SYSTEM_CHROMIUM)) return { executablePath: SYSTEM_CHROMIUM, args: [] };
  // Loaded only when needed: the package inflates a ~60 MB browser into the temp directory on first use.
  const { default: packaged } = await import('@sparticuz/chromium');
  const executablePath = await packaged.executablePath();
  return { executablePath, args: packaged.args.filter((a) => !DROPPED_ARGS.has(a)) };
}

/** Starts a headless Chromium (system or npm-shipped) with flags for a root, offline CI machine. */
export async function launchChromium(): Promise<Browser> {
  const { executablePath, args } = await chromiumBinary();
  const launch = (): Promise<Browser> => chromium.launch({ executablePath, headless: true, args: [...new Set([...args, ...COMMON_ARGS])] });
  try {
    return await launch();
  } catch (e) {
    // The npm-shipped browser is unpacked into the shared temp directory: another test process may still be writing it.
    if (executablePath === SYSTEM_CHROMIUM) throw e;
    await new Promise((r) => setTimeout(r, 5000));
    return launch();
  }
}
