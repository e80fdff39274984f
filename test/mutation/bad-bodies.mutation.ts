/**
 * Every bad body of the property suite once (issue 10, StrykerJS's suite: vitest.mutation.config.ts): the
 * hand-written BAD_BODIES on a skill and on an agent, and each body schema-bodies.ts reads from openapi.json.
 * In the property configurations a command draws one of ~40 hand-written and ~700 generated bodies, so in
 * 30 runs x 60 commands most are never sent (an agent's guardrails, an ownerEmail, a transfer's empty id).
 * Here each is sent through the suite's own commands and oracles (BadBodyCommand / SchemaBodyCommand: the
 * status its rule names, UPD-4 / ACC-1 / ACC-4 / UPD-2 / XFER-1 / DET-9, the ERR-1 body, nothing changed),
 * on a fresh resource per case; fast-check draws each resource's access preset and whether it was deployed.
 * The bad queries and ids of BadReadCommand likewise: one of 12 a draw of a command weighing 1 in ~60 (a
 * repeated pageToken was met by the fixed seeds of one generator and not by the next).
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Json } from '../../src/api/types.js';
import { loadContract } from '../../src/contracts/validation.js';
import { coreFromFiles } from '../../src/mock/fixture-core.js';
import { BAD_BODIES, BadBodyCommand, CreateCommand, DeleteCommand, DeployCommand, SchemaBodyCommand, TransferRequestCommand, schemaBodies, type BadBody, type SchemaBody } from '../../src/properties/commands/index.js';
import { ACTIONS, BAD_QUERIES, BadReadCommand, StrayFieldCommand, type BadId, type BadQuery } from '../../src/properties/commands/negative.js';
import { ACCESS_PRESETS, Model, type Kind } from '../../src/properties/model.js';
import { RunContext, SuiteState } from '../../src/properties/run-context.js';
import { openSession } from '../../src/properties/targets.js';

const doc = JSON.parse(readFileSync(new URL('../../openapi.json', import.meta.url), 'utf8')) as Json;
const contract = loadContract(doc);
const owner = { rel: 'owner', role: 'owner' } as const;
const first = { state: 'any', n: 0 } as const;

type Case = { kind: Kind; bad: BadBody | SchemaBody };
const cases: Case[] = [
  ...(['skills', 'agents'] as const).flatMap((kind) => (Object.keys(BAD_BODIES) as BadBody[]).map((bad) => ({ kind, bad }))),
  ...schemaBodies(doc, contract).map((bad) => ({ kind: bad.kind, bad })),
];

describe('every bad body of the property suite, once each', () => {
  it('is refused with the status its rule names, an error body, and the resource unchanged (strict)', async () => {
    const session = openSession({ core: coreFromFiles() });
    const suite = new SuiteState(session.client, contract, true);
    // Fixed seed: the same resource for each case on every run (stable Stryker verdicts).
    const setups = fc.sample(fc.tuple(fc.constantFrom(...ACCESS_PRESETS), fc.boolean()), { seed: 10, numRuns: cases.length });
    for (const [i, { kind, bad }] of cases.entries()) {
      const [preset, deployed] = setups[i]!;
      session.begin(false);
      const model = new Model(session.client.config.principals, `prop-sweep${i}-`, suite.control);
      const ctx = new RunContext(suite, model);
      const probe = typeof bad === 'string' ? new BadBodyCommand(first, bad, owner) : new SchemaBodyCommand(first, bad, owner);
      const cmds = [new CreateCommand(kind, preset, 'a', null, 'owner'), ...(deployed ? [new DeployCommand(first, 'none', owner)] : []), probe];
      const shown = `${kind} ${typeof bad === 'string' ? bad : JSON.stringify(bad.body)} (${preset}${deployed ? ', deployed' : ''})`;
      await expect(fc.asyncModelRun(() => ({ model, real: ctx }), cmds), shown).resolves.toBeUndefined();
      expect(ctx.steps.length, `${shown}: every command ran`).toBe(cmds.length);
    }
    expect(suite.drifts.size).toBe(0);
  });

  it('an action body with a field (undelete, toggle, accept, cancel) is 400 once the action may run (UPD-4 [A], DET-11), nothing changed', async () => {
    const session = openSession({ core: coreFromFiles() });
    const suite = new SuiteState(session.client, contract, true);
    const recipient = { rel: 'recipient', role: 'teammate' } as const;
    const setups = fc.sample(fc.tuple(fc.constantFrom<Kind>('skills', 'agents'), fc.boolean()), { seed: 11, numRuns: ACTIONS.length * 4 });
    for (const [i, [drawn, deployed]] of setups.entries()) {
      const action = ACTIONS[i % ACTIONS.length]!;
      const kind = action === 'toggle' ? 'agents' : drawn;
      const model = new Model(session.client.config.principals, `prop-action${i}-`, suite.control);
      const ctx = new RunContext(suite, model);
      const before = action === 'undelete' ? [new DeleteCommand(first, owner)] : action === 'accept' || action === 'cancel' ? [new TransferRequestCommand(first, { rel: 'manager', role: 'teammate' }, owner)] : [];
      const cmds = [new CreateCommand(kind, 'org', 'a', null, 'owner'), ...(deployed ? [new DeployCommand(first, 'none', owner)] : []), ...before, new StrayFieldCommand(first, action, action === 'accept' ? recipient : owner)];
      await expect(fc.asyncModelRun(() => ({ model, real: ctx }), cmds), `${action} on ${kind}`).resolves.toBeUndefined();
      expect(ctx.steps.length, `${action} on ${kind}: every command ran`).toBe(cmds.length);
    }
    expect(suite.drifts.size).toBe(0);
  });

  it('a bad query value or an id that is not an id is 400 or 404 as its rule names, an error body, nothing changed (strict)', async () => {
    const session = openSession({ core: coreFromFiles() });
    const suite = new SuiteState(session.client, contract, true);
    const bads: Array<BadQuery | BadId> = [...(Object.keys(BAD_QUERIES) as BadQuery[]), 'letters', 'zero', 'leading-zero'];
    const setups = fc.sample(fc.tuple(fc.constantFrom(...ACCESS_PRESETS), fc.boolean()), { seed: 12, numRuns: bads.length * 2 });
    for (const [i, [preset, deployed]] of setups.entries()) {
      const kind: Kind = i < bads.length ? 'skills' : 'agents';
      const bad = bads[i % bads.length]!;
      session.begin(false);
      const model = new Model(session.client.config.principals, `prop-query${i}-`, suite.control);
      const ctx = new RunContext(suite, model);
      const cmds = [new CreateCommand(kind, preset, 'a', null, 'owner'), ...(deployed ? [new DeployCommand(first, 'none', owner)] : []), new BadReadCommand(first, bad, owner)];
      await expect(fc.asyncModelRun(() => ({ model, real: ctx }), cmds), `${bad} on ${kind}`).resolves.toBeUndefined();
      expect(ctx.steps.length, `${bad} on ${kind}: every command ran`).toBe(cmds.length);
    }
    expect(suite.drifts.size).toBe(0);
  });
});
