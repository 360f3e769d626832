// Errors that end a command with a one-line message and an exit code (2: usage, configuration, I/O).

export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode = 2,
  ) {
    super(message);
    this.name = "CliError";
  }
}
