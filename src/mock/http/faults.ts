import express from 'express';
import { errorAnswer } from '../domain/index.js';
import { compileGlob, MAX_GLOB_CHARS, type PathGlob } from './glob.js';
import { pathOf, sendAnswer, type ApiRequest, type Stage } from './stages.js';

export { compileGlob } from './glob.js';

/** A response delay range in milliseconds (`--latency 50-300`). */
export interface Latency {
  min: number;
  max: number;
}

/** A fault rule set through `POST /__mock/faults`: matching API requests get a status and/or a delay. */
export interface FaultRule {
  /** HTTP method, or `*` for any (default). */
  method: string;
  /** Path glob: `*` matches within one segment, `**` across segments; the query string is ignored. */
  path: string;
  /** Chance in [0, 1] that a matching request is hit (default 1). */
  probability: number;
  /** Forced error status (400-599); the request never reaches the core. */
  status?: number;
  /** Extra delay in ms before answering. */
  delayMs?: number;
}

/** Options of the fault layer. */
export interface FaultOptions {
  latency?: Latency | undefined;
  /** Source of randomness for latency and probabilities (tests pin it). */
  random?: (() => number) | undefined;
}

/** The fault layer of one app: the API middleware plus the `/__mock/faults` admin routes. */
export interface Faults {
  middleware: Stage;
  routes: express.Router;
  rules(): readonly FaultRule[];
}

/** Every delay is capped here, so a typo cannot hang a client forever. */
export const MAX_DELAY_MS = 60_000;
const MAX_RULES = 100;
const METHODS = new Set(['*', 'GET', 'POST', 'PATCH', 'PUT', 'DELETE', 'HEAD', 'OPTIONS']);
const RULE_KEYS = new Set(['method', 'path', 'probability', 'status', 'delayMs']);

/** Parses `--latency`: `MIN-MAX` or a single number of ms; returns an error message on bad input. */
export function parseLatency(text: string): Latency | string {
  const m = /^\s*(\d+)\s*(?:-\s*(\d+)\s*)?$/.exec(text);
  if (!m) return `--latency must be MS or MIN-MAX in milliseconds, got ${JSON.stringify(text)}`;
  const min = Number(m[1]);
  const max = m[2] === undefined ? min : Number(m[2]);
  if (max < min) return `--latency ${text}: MAX must not be smaller than MIN`;
  if (max > MAX_DELAY_MS) return `--latency ${text}: at most ${MAX_DELAY_MS} ms`;
  return { min, max };
}

/** The `Prefer` header as Prism reads it: `code=503`, `delay=2000`, comma or semicolon separated. */
export function parsePrefer(header: string | undefined): { code?: number; delayMs?: number } | string {
  const out: { code?: number; delayMs?: number } = {};
  for (const part of (header ?? '').split(/[,;]/)) {
    const [rawKey, ...rest] = part.split('=');
    const key = rawKey?.trim().toLowerCase();
    const value = rest.join('=').trim().replace(/^"(.*)"$/, '$1');
    if (key === 'code') {
      if (!/^\d{3}$/.test(value) || Number(value) < 400 || Number(value) > 599) {
        return `Prefer: code=${value} is not supported: the mock can only force error statuses 400-599`;
      }
      out.code = Number(value);
    } else if (key === 'delay') {
      if (!/^\d+$/.test(value)) return `Prefer: delay=${value} must be a whole number of milliseconds`;
      out.delayMs = Math.min(Number(value), MAX_DELAY_MS);
    } // other preferences (Prism's example=, dynamic=) are ignored
  }
  return out;
}

/** Validates one rule of a `POST /__mock/faults` body; returns the rule or an error message. */
export function parseRule(value: unknown, at: string): FaultRule | string {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return `${at} must be an object`;
  const r = value as Record<string, unknown>;
  const unknownKey = Object.keys(r).find((k) => !RULE_KEYS.has(k));
  if (unknownKey !== undefined) return `${at}/${unknownKey} is not a rule field (allowed: ${[...RULE_KEYS].join(', ')})`;
  const method = r['method'] ?? '*';
  if (typeof method !== 'string' || !METHODS.has(method.toUpperCase())) return `${at}/method must be one of ${[...METHODS].join(', ')}`;
  if (typeof r['path'] !== 'string' || !r['path'].startsWith('/')) return `${at}/path must be a path glob starting with /`;
  if (r['path'].length > MAX_GLOB_CHARS) return `${at}/path must be at most ${MAX_GLOB_CHARS} characters`;
  const probability = r['probability'] ?? 1;
  if (typeof probability !== 'number' || !(probability >= 0 && probability <= 1)) return `${at}/probability must be a number from 0 to 1`;
  const rule: FaultRule = { method: method.toUpperCase(), path: r['path'], probability };
  if (r['status'] !== undefined) {
    const s = r['status'];
    if (!Number.isInteger(s) || (s as number) < 400 || (s as number) > 599) return `${at}/status must be an integer from 400 to 599`;
    rule.status = s as number;
  }
  if (r['delayMs'] !== undefined) {
    const d = r['delayMs'];
    if (!Number.isInteger(d) || (d as number) < 0 || (d as number) > MAX_DELAY_MS) return `${at}/delayMs must be an integer from 0 to ${MAX_DELAY_MS}`;
    rule.delayMs = d as number;
  }
  if (rule.status === undefined && rule.delayMs === undefined) return `${at} needs a status, a delayMs or both`;
  return rule;
}

function parseRules(body: unknown): FaultRule[] | string {
  if (typeof body !== 'object' || body === null || !Array.isArray((body as { rules?: unknown }).rules)) {
    return 'body must be {"rules": [...]}';
  }
  const raw = (body as { rules: unknown[] }).rules;
  if (raw.length > MAX_RULES) return `at most ${MAX_RULES} rules`;
  const rules: FaultRule[] = [];
  for (const [i, value] of raw.entries()) {
    const rule = parseRule(value, `/rules/${i}`);
    if (typeof rule === 'string') return rule;
    rules.push(rule);
  }
  return rules;
}

type CompiledRule = FaultRule & { pattern: PathGlob };
/** The rules of one fault layer, replaced whole by `POST /__mock/faults`. */
interface RuleSet {
  rules: CompiledRule[];
}

const shown = (rules: readonly CompiledRule[]): FaultRule[] => rules.map(({ pattern: _p, ...rule }) => rule);

/** What a request gets: the sum of the delays, and the forced status (Prefer first, then the first matching rule with one). */
function planFault(
  req: ApiRequest, prefer: { code?: number; delayMs?: number }, options: FaultOptions, random: () => number, rules: readonly CompiledRule[],
): { delay: number; status: number | undefined } {
  const { latency } = options;
  let delay = latency ? latency.min + Math.floor(random() * (latency.max - latency.min + 1)) : 0;
  let status = prefer.code;
  delay += prefer.delayMs ?? 0;
  const path = pathOf(req.url ?? '');
  for (const rule of rules) {
    if ((rule.method !== '*' && rule.method !== req.method) || !rule.pattern.test(path)) continue;
    if (rule.probability < 1 && random() >= rule.probability) continue;
    delay += rule.delayMs ?? 0;
    status ??= rule.status; // Prefer wins over rules; the first matching rule with a status wins over later ones
  }
  return { delay, status };
}

/** The API stage: delays and forced statuses; a forced status answers here, so the core never sees the request. */
function faultStage(options: FaultOptions, random: () => number, set: RuleSet): Stage {
  return (req, res, next) => {
    // Hot path: nothing configured and nothing asked for costs one check per request.
    if (set.rules.length === 0 && !options.latency && req.headers['prefer'] === undefined) return next();
    const prefer = parsePrefer(req.headers['prefer'] as string | undefined);
    if (typeof prefer === 'string') return sendAnswer(res, errorAnswer(400, prefer));
    const { delay, status } = planFault(req, prefer, options, random, set.rules);
    const answer = (): void => {
      if (status === undefined) next();
      else sendAnswer(res, errorAnswer(status, `fault injected by the mock: ${status}`));
    };
    if (delay <= 0) return answer();
    const timer = setTimeout(answer, Math.min(delay, MAX_DELAY_MS));
    res.once('close', () => clearTimeout(timer)); // a client that gave up never reaches the core
  };
}

/** `GET`, `POST` and `DELETE /__mock/faults`: show, replace and clear the rules. */
function faultRoutes(options: FaultOptions, set: RuleSet): express.Router {
  const routes = express.Router();
  routes.get('/faults', (_req, res) => {
    res.status(200).json({ rules: shown(set.rules), latency: options.latency ?? null });
  });
  routes.post('/faults', express.text({ type: () => true, limit: '1mb' }), (req, res) => {
    let body: unknown;
    try {
      body = JSON.parse(typeof req.body === 'string' ? req.body : '');
    } catch (e) {
      return sendAnswer(res, errorAnswer(400, `faults body is not valid JSON: ${(e as Error).message}`));
    }
    const parsed = parseRules(body);
    if (typeof parsed === 'string') return sendAnswer(res, errorAnswer(400, parsed));
    set.rules = parsed.map((rule) => ({ ...rule, pattern: compileGlob(rule.path) }));
    res.status(200).json({ rules: parsed });
  });
  routes.delete('/faults', (_req, res) => {
    set.rules = [];
    res.status(204).end();
  });
  return routes;
}

/** Builds the fault layer: latency, `Prefer` and rules; a forced status never calls the core (state unchanged). */
export function createFaults(options: FaultOptions = {}): Faults {
  const random = options.random ?? Math.random;
  const set: RuleSet = { rules: [] };
  return { middleware: faultStage(options, random, set), routes: faultRoutes(options, set), rules: () => shown(set.rules) };
}
