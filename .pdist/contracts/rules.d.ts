/** The rules of the Modus contract (shared/modus-contract.md): id, tag ([D] documented, [A] assumed), summary. */
/** [D]: breaking it is a failure. [A]: differing is drift. */
export type RuleTag = 'D' | 'A';
/** One contract rule. */
export interface Rule {
    id: string;
    tag: RuleTag;
    summary: string;
}
/** Every rule id with its leading tag, in contract order. */
export declare const RULES: readonly Rule[];
/** Rule by id. */
export declare const RULE_BY_ID: ReadonlyMap<string, Rule>;
