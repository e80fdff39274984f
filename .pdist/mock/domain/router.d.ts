import type { Kind } from './types.js';
/** The operations the stateful core models. */
export type Operation = 'list' | 'create' | 'get' | 'patch' | 'delete' | 'undelete' | 'deploy' | 'transfer' | 'accept' | 'cancel' | 'variation' | 'toggle';
/** A matched route: the operation, its kind and path parameters. */
export interface RouteMatch {
    operation: Operation;
    kind: Kind;
    id: string;
    variationId: string;
}
/** A path that exists, with the methods it answers (for 405 and `Allow`, DET-12). */
export type Routed = {
    found: false;
} | {
    found: true;
    methods: Readonly<Record<string, Operation>>;
    kind: Kind;
    id: string;
    variationId: string;
};
/** Resolves a path (no query string) to the methods it answers; unknown paths are not found. */
export declare function route(path: string): Routed;
