/** What a command reads and writes, so tests run the whole CLI in-process; and its exit codes. */
export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
  readStdin(): Uint8Array;
  stderrIsTty: boolean;
  environment: NodeJS.ProcessEnv;
}

export const EXIT_OK = 0;
export const EXIT_FAILURE = 1;
export const EXIT_USAGE = 2;

/** Thrown by a command that wants a non-zero exit without an error message (an eval regression). */
export class ExitRequest extends Error {
  constructor(readonly code: number) {
    super(`exit ${code}`);
    this.name = new.target.name;
  }
}

/** Pretty-printed JSON with a final newline, as every `--json` output is written. */
export function json(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}
