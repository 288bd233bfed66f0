/** A mistake in how the command was called: one line on stderr, exit code 2, nothing converted. */
export class UsageError extends Error {}
