// Errors that cross the boundary: serialisable, with a code the UI can name, a reason it can word in the language on
// screen (error-messages.ts), and the English message for logs and for pages that cannot word the reason.
import { ERROR_MESSAGES, isErrorReason, type ErrorReason, type ErrorReasonShape, type ReasonParams } from './error-messages';

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
  reason?: ErrorReasonShape;
}

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly reason?: ErrorReasonShape,
  ) {
    super(message);
    this.name = 'AppError';
  }

  /** A refusal the renderer words in the language on screen: `AppError.because('conflict', 'learnerNameTaken', { name })`. */
  static because<K extends ErrorReason>(code: ErrorCode, key: K, ...[params]: keyof ReasonParams<K> extends never ? [] : [ReasonParams<K>]): AppError {
    const given = (params ?? {}) as ReasonParams<K>;
    return new AppError(code, (ERROR_MESSAGES[key].en as (p: ReasonParams<K>) => string)(given), { key, params: given });
  }

  toJSON(): ApiErrorShape {
    return this.reason ? { code: this.code, message: this.message, reason: this.reason } : { code: this.code, message: this.message };
  }
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: ApiErrorShape };

export function isApiErrorShape(value: unknown): value is ApiErrorShape {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as ApiErrorShape).code === 'string' &&
    (ERROR_CODES as readonly string[]).includes((value as ApiErrorShape).code) &&
    typeof (value as ApiErrorShape).message === 'string' &&
    ((value as ApiErrorShape).reason === undefined || isErrorReason((value as ApiErrorShape).reason))
  );
}
