import { type MockRequest, type MockResponse } from '../domain/index.js';
/** Answers a request the stateful core does not model from a spec with prism-http's mocker; undefined = not in the spec. */
export type Fallback = (request: MockRequest) => Promise<MockResponse | undefined>;
/** Loads `specFile` and builds the prism-http fallback: examples first (static mode), with request validation. */
export declare function createPrismFallback(specFile: string): Promise<Fallback>;
