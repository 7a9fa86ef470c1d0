/**
 * An input the user gave us is wrong. `what` names the file or argument, the
 * message says what is wrong with it; the CLI prints `what: message` and exits 1
 * (or 2 for a usage error), the page shows it and keeps its current view.
 */
export class InputError extends Error {
  constructor(
    readonly what: string,
    message: string,
  ) {
    super(`${what}: ${message}`);
    this.name = 'InputError';
  }
}
