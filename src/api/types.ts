/** The API's vocabulary, shared by the contract and property suites (the mock keeps its own record types). */

/** A collection of the API, as its path segment: `/api/v1/skills`, `/api/v1/agents`. */
export type Kind = 'skills' | 'agents';

/** A JSON object as parsed from a body: keys to values not yet checked. */
export type Json = Record<string, unknown>;
