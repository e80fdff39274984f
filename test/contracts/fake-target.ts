/** Test helper: a TargetClient over a scripted transport that records every request it is sent. */
import { TargetClient, type ClientOptions, type Transport } from '../../src/contracts/client.js';
import { ROLES, type TargetConfig } from '../../src/contracts/target-file.js';

/** One request as the fake transport saw it (token, not role: what went over the wire). */
export interface Sent {
  method: string;
  path: string;
  token: string | undefined;
}

/** Answers a request: status and JSON body (undefined: no body). */
export type Script = (method: string, path: string, token: string | undefined) => { status: number; body?: unknown };

/** A target config whose tokens are `tok-<role>`. */
export function fakeConfig(): TargetConfig {
  const principals = {} as TargetConfig['principals'];
  for (const role of ROLES) principals[role] = { token: `tok-${role}`, userId: `user_${role}`, email: `${role}@example.test`, orgUuid: role === 'otherOrg' ? 'org-b' : 'org-a', groups: ['eng'] };
  return { baseUrl: 'http://fake.test', principals };
}

/** A client over `script`, and the log of what it sent. */
export function fakeClient(script: Script, options: ClientOptions = {}): { client: TargetClient; sent: Sent[] } {
  const sent: Sent[] = [];
  const transport: Transport = {
    async send(method, path, headers) {
      const token = headers['authorization']?.replace('Bearer ', '');
      sent.push({ method, path, token });
      const { status, body } = script(method, path, token);
      const answerHeaders: Record<string, string> = body === undefined ? {} : { 'content-type': 'application/json' };
      return { status, headers: answerHeaders, text: body === undefined ? '' : JSON.stringify(body) };
    },
  };
  return { client: new TargetClient(fakeConfig(), transport, options), sent };
}
