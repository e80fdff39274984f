import { type HttpHandler } from 'msw';
import { type MockCore, type MockCoreOptions, type Principal, type SeedFile } from '../mock/domain/index.js';
/** Options of `modusHandlers`; every field is optional. */
export interface ModusHandlersOptions {
    /** Principals (tokens); the bundled fixtures/principals.json by default. */
    principals?: readonly Principal[];
    /** Seed applied at start and on every reset; the bundled fixtures/seed.json by default. */
    seed?: SeedFile;
    /** Origin the handlers answer for, e.g. `https://api.modus.example`; any origin by default. */
    baseUrl?: string;
    /** Extra core options (clock, limits). */
    core?: Omit<Partial<MockCoreOptions>, 'principals' | 'seed'>;
}
/** MSW handlers around their own mock core. */
export interface ModusHandlers {
    handlers: HttpHandler[];
    /** Back to the seed (call it in `afterEach`). */
    reset(): void;
    core: MockCore;
}
/** The bundled principals (fixture tokens such as `tok_alice_owner`). */
export declare const bundledPrincipals: readonly Principal[];
/** The bundled seed fixtures. */
export declare const bundledSeed: SeedFile;
/** Builds MSW handlers for `/api/v1/*` that call the same pure core as the HTTP mock, with their own state. */
export declare function modusHandlers(options?: ModusHandlersOptions): ModusHandlers;
