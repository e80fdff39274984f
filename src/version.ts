/** The package version for every bin's `--version` (read from package.json, so it never drifts from a release). */
import { readFileSync } from 'node:fs';

/** `name version` as printed by `--version`, e.g. `modus-mock 0.1.0`. */
export function versionLine(name: string): string {
  const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };
  return `${name} ${pkg.version}`;
}

/** Whether output should stay plain: NO_COLOR set (https://no-color.org), TERM=dumb, or the stream is not a terminal. */
export function plainOutput(stream: { isTTY?: boolean } = process.stdout): boolean {
  const noColor = process.env['NO_COLOR'];
  return (noColor !== undefined && noColor !== '') || process.env['TERM'] === 'dumb' || !stream.isTTY;
}
