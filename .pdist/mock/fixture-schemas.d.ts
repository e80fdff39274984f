/** JSON Schemas of the files a user hands the mock: principals, seed, state export. */
/** `fixtures/principals.json`. */
export declare const principalsSchema: {
    readonly type: "object";
    readonly required: readonly ["principals"];
    readonly additionalProperties: false;
    readonly properties: {
        readonly principals: {
            readonly type: "array";
            readonly minItems: 1;
            readonly items: {
                readonly type: "object";
                readonly required: readonly ["token", "userId", "email", "orgUuid", "groups"];
                readonly additionalProperties: false;
                readonly properties: {
                    readonly token: {
                        readonly type: "string";
                        readonly pattern: "^[!-~]+$";
                    };
                    readonly userId: {
                        readonly type: "string";
                        readonly minLength: 1;
                    };
                    readonly email: {
                        readonly type: "string";
                        readonly format: "email";
                    };
                    readonly orgUuid: {
                        readonly type: "string";
                        readonly format: "uuid";
                    };
                    readonly groups: {
                        readonly type: "array";
                        readonly items: {
                            readonly type: "string";
                            readonly minLength: 1;
                        };
                        readonly uniqueItems: true;
                    };
                };
            };
        };
    };
};
/** `fixtures/seed.json`; content fields are checked by the domain itself while seeding. */
export declare const seedSchema: {
    readonly type: "object";
    readonly additionalProperties: false;
    readonly properties: {
        readonly skills: {
            readonly type: "array";
            readonly items: {
                readonly type: "object";
                readonly required: readonly ["owner", "name"];
                readonly properties: {
                    readonly owner: {
                        readonly type: "string";
                        readonly minLength: 1;
                    };
                    readonly name: {
                        readonly type: "string";
                    };
                    readonly deploy: {
                        readonly type: "boolean";
                    };
                    readonly draft: {
                        readonly type: "object";
                    };
                    readonly managerId: {
                        readonly type: "integer";
                        readonly minimum: 1;
                    };
                    readonly isEnabled: {
                        readonly type: "boolean";
                    };
                    readonly pendingTransferTo: {
                        readonly type: "string";
                        readonly minLength: 1;
                    };
                    readonly deleted: {
                        readonly type: "boolean";
                    };
                };
            };
        };
        readonly agents: {
            readonly type: "array";
            readonly items: {
                readonly type: "object";
                readonly required: readonly ["owner", "name"];
                readonly properties: {
                    readonly owner: {
                        readonly type: "string";
                        readonly minLength: 1;
                    };
                    readonly name: {
                        readonly type: "string";
                    };
                    readonly deploy: {
                        readonly type: "boolean";
                    };
                    readonly draft: {
                        readonly type: "object";
                    };
                    readonly managerId: {
                        readonly type: "integer";
                        readonly minimum: 1;
                    };
                    readonly isEnabled: {
                        readonly type: "boolean";
                    };
                    readonly pendingTransferTo: {
                        readonly type: "string";
                        readonly minLength: 1;
                    };
                    readonly deleted: {
                        readonly type: "boolean";
                    };
                };
            };
        };
    };
};
/** The state export of `GET /__mock/state` (and `--state-file`). */
export declare const stateSchema: {
    readonly type: "object";
    readonly required: readonly ["version", "nextId", "skills", "agents"];
    readonly additionalProperties: false;
    readonly properties: {
        readonly version: {
            readonly const: 1;
        };
        readonly nextId: {
            readonly type: "object";
            readonly required: readonly ["skill", "agent"];
            readonly additionalProperties: false;
            readonly properties: {
                readonly skill: {
                    readonly type: "integer";
                    readonly minimum: 1;
                };
                readonly agent: {
                    readonly type: "integer";
                    readonly minimum: 1;
                };
            };
        };
        readonly skills: {
            readonly type: "array";
            readonly items: {
                type: string;
                required: string[];
                additionalProperties: boolean;
                properties: {
                    kind: {
                        const: "skill" | "agent";
                    };
                    id: {
                        type: string;
                        minimum: number;
                    };
                    slug: {
                        readonly type: "string";
                        readonly minLength: 1;
                    };
                    orgUuid: {
                        type: string;
                        format: string;
                    };
                    status: {
                        enum: string[];
                    };
                    deployed: {
                        type: string;
                    };
                    createdAt: {
                        readonly type: "string";
                        readonly format: "date-time";
                    };
                    updatedAt: {
                        readonly type: "string";
                        readonly format: "date-time";
                    };
                    deletedAt: {
                        anyOf: ({
                            readonly type: "string";
                            readonly format: "date-time";
                        } | {
                            type: string;
                        })[];
                    };
                    accessConfig: {
                        type: string;
                        required: string[];
                        additionalProperties: boolean;
                        properties: {
                            visibility: {
                                enum: string[];
                            };
                            groupPermissions: {
                                type: string;
                                additionalProperties: {
                                    readonly type: "object";
                                    readonly required: readonly ["use", "manage"];
                                    readonly additionalProperties: false;
                                    readonly properties: {
                                        readonly use: {
                                            readonly type: "boolean";
                                        };
                                        readonly manage: {
                                            readonly type: "boolean";
                                        };
                                    };
                                };
                            };
                            sharedWith: {
                                type: string;
                                items: {
                                    type: string;
                                    required: string[];
                                    additionalProperties: boolean;
                                    properties: {
                                        userId: {
                                            readonly type: "string";
                                            readonly minLength: 1;
                                        };
                                        use: {
                                            type: string;
                                        };
                                        manage: {
                                            type: string;
                                        };
                                    };
                                };
                            };
                            guardrails: {
                                type: string;
                            };
                            ownerUserId: {
                                readonly type: "string";
                                readonly minLength: 1;
                            };
                            ownerEmail: {
                                type: string;
                            };
                        };
                    };
                    activeVariationId: {
                        anyOf: ({
                            type: string;
                            format: string;
                        } | {
                            type: string;
                            format?: undefined;
                        })[];
                    };
                    draftVariationId: {
                        anyOf: ({
                            type: string;
                            format: string;
                        } | {
                            type: string;
                            format?: undefined;
                        })[];
                    };
                    variations: {
                        type: string;
                        minProperties: number;
                        additionalProperties: {
                            type: string;
                            required: string[];
                            properties: {
                                name: {
                                    readonly type: "string";
                                    readonly minLength: 1;
                                };
                            };
                        };
                    };
                    hasUnpublishedChanges: {
                        type: string;
                    };
                    pendingOwnershipTransfer: {
                        type: string;
                        required: string[];
                        additionalProperties: boolean;
                        properties: {
                            pendingOwnerUserId: {
                                readonly type: "string";
                                readonly minLength: 1;
                            };
                            requestedByUserId: {
                                readonly type: "string";
                                readonly minLength: 1;
                            };
                            requestedAt: {
                                readonly type: "string";
                                readonly format: "date-time";
                            };
                            pendingOwnerEmail: {
                                type: string;
                            };
                        };
                    };
                    managerId: {
                        anyOf: ({
                            type: string;
                            minimum: number;
                        } | {
                            type: string;
                            minimum?: undefined;
                        })[];
                    };
                    isEnabled: {
                        type: string;
                    };
                };
            };
        };
        readonly agents: {
            readonly type: "array";
            readonly items: {
                type: string;
                required: string[];
                additionalProperties: boolean;
                properties: {
                    kind: {
                        const: "skill" | "agent";
                    };
                    id: {
                        type: string;
                        minimum: number;
                    };
                    slug: {
                        readonly type: "string";
                        readonly minLength: 1;
                    };
                    orgUuid: {
                        type: string;
                        format: string;
                    };
                    status: {
                        enum: string[];
                    };
                    deployed: {
                        type: string;
                    };
                    createdAt: {
                        readonly type: "string";
                        readonly format: "date-time";
                    };
                    updatedAt: {
                        readonly type: "string";
                        readonly format: "date-time";
                    };
                    deletedAt: {
                        anyOf: ({
                            readonly type: "string";
                            readonly format: "date-time";
                        } | {
                            type: string;
                        })[];
                    };
                    accessConfig: {
                        type: string;
                        required: string[];
                        additionalProperties: boolean;
                        properties: {
                            visibility: {
                                enum: string[];
                            };
                            groupPermissions: {
                                type: string;
                                additionalProperties: {
                                    readonly type: "object";
                                    readonly required: readonly ["use", "manage"];
                                    readonly additionalProperties: false;
                                    readonly properties: {
                                        readonly use: {
                                            readonly type: "boolean";
                                        };
                                        readonly manage: {
                                            readonly type: "boolean";
                                        };
                                    };
                                };
                            };
                            sharedWith: {
                                type: string;
                                items: {
                                    type: string;
                                    required: string[];
                                    additionalProperties: boolean;
                                    properties: {
                                        userId: {
                                            readonly type: "string";
                                            readonly minLength: 1;
                                        };
                                        use: {
                                            type: string;
                                        };
                                        manage: {
                                            type: string;
                                        };
                                    };
                                };
                            };
                            guardrails: {
                                type: string;
                            };
                            ownerUserId: {
                                readonly type: "string";
                                readonly minLength: 1;
                            };
                            ownerEmail: {
                                type: string;
                            };
                        };
                    };
                    activeVariationId: {
                        anyOf: ({
                            type: string;
                            format: string;
                        } | {
                            type: string;
                            format?: undefined;
                        })[];
                    };
                    draftVariationId: {
                        anyOf: ({
                            type: string;
                            format: string;
                        } | {
                            type: string;
                            format?: undefined;
                        })[];
                    };
                    variations: {
                        type: string;
                        minProperties: number;
                        additionalProperties: {
                            type: string;
                            required: string[];
                            properties: {
                                name: {
                                    readonly type: "string";
                                    readonly minLength: 1;
                                };
                            };
                        };
                    };
                    hasUnpublishedChanges: {
                        type: string;
                    };
                    pendingOwnershipTransfer: {
                        type: string;
                        required: string[];
                        additionalProperties: boolean;
                        properties: {
                            pendingOwnerUserId: {
                                readonly type: "string";
                                readonly minLength: 1;
                            };
                            requestedByUserId: {
                                readonly type: "string";
                                readonly minLength: 1;
                            };
                            requestedAt: {
                                readonly type: "string";
                                readonly format: "date-time";
                            };
                            pendingOwnerEmail: {
                                type: string;
                            };
                        };
                    };
                    managerId: {
                        anyOf: ({
                            type: string;
                            minimum: number;
                        } | {
                            type: string;
                            minimum?: undefined;
                        })[];
                    };
                    isEnabled: {
                        type: string;
                    };
                };
            };
        };
    };
};
