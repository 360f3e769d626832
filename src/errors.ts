// Errors that stop a run with a one-line message: bad usage, configuration or I/O (exit 2 by default).
// Library code throws them; the CLI prints the message and exits with the code.

export class JourneymapError extends Error {
  constructor(
    message: string,
    readonly exitCode = 2,
  ) {
    super(message);
    this.name = "JourneymapError";
  }
}
