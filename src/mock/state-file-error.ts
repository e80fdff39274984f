/** A state file that cannot be used; the message names the file and the problem, and the file is left as it was. */
export class StateFileError extends Error {}
