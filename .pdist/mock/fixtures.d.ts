import type { Principal, SeedFile, StateExport } from './domain/index.js';
/** A fixture or state file that cannot be used, with the file, JSON path and problem in its message. */
export declare class FixtureError extends Error {
}
/** Reads and parses a JSON file, naming the file in any error. */
export declare function readJsonFile(file: string): unknown;
/** AUTH-2: validates a principals document; tokens must be unique. */
export declare function parsePrincipals(value: unknown, source: string): Principal[];
/** Validates a seed document's shape (the domain checks content while seeding). */
export declare function parseSeed(value: unknown, source: string): SeedFile;
/** Validates a state export: shape, then the links between fields. */
export declare function parseState(value: unknown, source: string): StateExport;
/** Loads principals from a file. */
export declare function loadPrincipals(file: string): Principal[];
/** Loads a seed from a file. */
export declare function loadSeed(file: string): SeedFile;
