/** A response as any client (fetch, supertest, the in-process mock) observed it. */
export interface ResponseLike {
    method: string;
    /** Path, optionally with a query string or as a full URL. */
    path: string;
    status: number;
    /** When omitted entirely, the content type is not checked and the JSON schema is used. */
    headers?: Record<string, string | string[] | undefined>;
    /** Parsed JSON body; `undefined` (or `''`) means no body. */
    body?: unknown;
}
/** One way a response breaks the contract, located by JSON pointer into the body. */
export interface Violation {
    jsonPath: string;
    keyword: string;
    message: string;
    schemaPath?: string;
}
/** The verdict on one response: every violation, not just the first. */
export interface ValidationResult {
    valid: boolean;
    operationId?: string;
    violations: Violation[];
}
/** Checks responses against one OpenAPI document whose validators were all compiled at load. */
export interface ContractValidator {
    validateResponse(res: ResponseLike): ValidationResult;
    matchOperation(method: string, path: string): {
        operationId: string;
        pathTemplate: string;
    } | undefined;
    /** Validates a value against the schema at a JSON pointer (`#/components/schemas/Skill`); compiles on first use. */
    validateValue(pointer: string, value: unknown): Violation[];
}
/** Loads a spec (a JSON file path, a parsed document, or by default the bundled openapi.json) and compiles it; throws if any schema cannot compile. */
export declare function loadContract(spec?: object | string): ContractValidator;
