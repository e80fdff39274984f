/** Shared value types of the pure mock core: requests in, responses out, state in between. */
export {};
//# sourceMappingURL=types.js.map