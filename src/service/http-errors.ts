/** The JSON error body of every HTTP error: `{"error": {"code", "message"}}`. */
export class HttpError extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

export function errorBody(code: string, message: string) {
  return { error: { code, message } };
}
