/**
 * `modus-mock --validate`: an `onExchange` hook that checks every API response the mock sends against the
 * spec. It lives at the edge, beside the CLI, so that the mock itself never imports the contract layer.
 */
import type { MockRequest, MockResponse } from '../mock/domain/index.js';
import { checkResponse } from '../contracts/checks/index.js';
import { loadContract } from '../contracts/validation.js';

/** What `--validate` needs: the spec (default: the bundled openapi.json) and where each violation line goes. */
export interface ValidationHookOptions {
  specFile?: string;
  onViolation: (line: string) => void;
}

/** Compiles the spec once and answers the hook; pass it to `startMock({ onExchange })` (or `createApp`). */
export function validationHook(options: ValidationHookOptions): (request: MockRequest, response: MockResponse) => void {
  const contract = loadContract(options.specFile);
  return (request, response) => {
    if (!contract.matchOperation(request.method, request.url)) return; // unknown routes: the 404/405 is the answer, nothing to check
    const findings = checkResponse(contract, { method: request.method, path: request.url }, { status: response.status, headers: response.headers, body: response.body });
    for (const f of findings) options.onViolation(`contract violation ${f.rule} [${f.tag}]: ${request.method} ${request.url.split('?')[0]} ${response.status} ${f.message}`);
  };
}
