/** A problem with how the tool was called or set up (exit 2): not the notes' fault, not a bug. */
export class SetupError extends Error {
  override readonly name = 'SetupError';
  constructor(message: string, readonly hint?: string, options?: { cause?: unknown }) {
    super(message, options);
  }
}

/** The user pressed Ctrl-C (exit 130). */
export class InterruptedError extends Error {
  override readonly name = 'InterruptedError';
}
