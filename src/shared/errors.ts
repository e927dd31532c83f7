// Errors that cross the boundary: serialisable, with a code the UI can name and a message a person can read.

export const ERROR_CODES = [
  'invalid_input',
  'unknown_call',
  'not_found',
  'conflict',
  'lesson_invalid',
  'storage_full',
  'storage_readonly',
  'database_corrupt',
  'database_too_new',
  'unauthorized',
  // A file opened as a lesson's text that Liseuse refuses, each for its reason (see backend/import/refusals.ts).
  'file_unsupported',
  'file_empty',
  'file_binary',
  'file_too_large',
  'file_damaged',
  'file_encrypted',
  'file_no_text',
  'backend_unreachable',
  'internal',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

export interface ApiErrorShape {
  code: ErrorCode;
  message: string;
}

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'AppError';
  }

  toJSON(): ApiErrorShape {
    return { code: this.code, message: this.message };
  }
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: ApiErrorShape };

export function isApiErrorShape(value: unknown): value is ApiErrorShape {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as ApiErrorShape).code === 'string' &&
    (ERROR_CODES as readonly string[]).includes((value as ApiErrorShape).code) &&
    typeof (value as ApiErrorShape).message === 'string'
  );
}
