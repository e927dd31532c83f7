// The renderer's one seam to the backend: Electron's preload object when it is there, HTTP to browser mode
// otherwise. Both speak the contract and return the same {ok, value | error} envelope.
import { CALL_NAMES, type Api, type CallName } from '../../../shared/contract';
import { isApiErrorShape, type ApiErrorShape, type ErrorCode, type Result } from '../../../shared/errors';

type Bridge = Record<CallName, (input?: unknown) => Promise<Result<unknown>>>;

declare global {
  interface Window {
    liseuse?: Bridge;
  }
}

export class ApiError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

const TOKEN_KEY = 'liseuse-token';

/** Browser mode hands the per-launch token in the URL fragment; keep it for this tab and clear it from the bar. */
function browserToken(): string {
  const match = /(?:^#|&)token=([\w-]+)/.exec(window.location.hash);
  if (match?.[1]) {
    sessionStorage.setItem(TOKEN_KEY, match[1]);
    history.replaceState(null, '', window.location.pathname + window.location.search);
  }
  return sessionStorage.getItem(TOKEN_KEY) ?? '';
}

const UNREACHABLE: ApiErrorShape = {
  code: 'backend_unreachable',
  message: 'Liseuse lost contact with its data service. If you closed it, start Liseuse again, then reload this page.',
};

function httpTransport(): (name: CallName, input: unknown) => Promise<Result<unknown>> {
  const token = browserToken();
  return async (name, input) => {
    let response: Response;
    try {
      response = await fetch(`/api/${name}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-Liseuse-Token': token },
        body: JSON.stringify(input ?? {}),
      });
    } catch {
      return { ok: false, error: UNREACHABLE };
    }
    try {
      const body = (await response.json()) as Result<unknown>;
      if (body.ok || isApiErrorShape(body.error)) return body;
    } catch {
      // Fall through: not our envelope.
    }
    return { ok: false, error: UNREACHABLE };
  };
}

function createApi(): Api {
  const bridge = window.liseuse;
  const send = bridge ? (name: CallName, input: unknown) => bridge[name](input) : httpTransport();
  const api = {} as Record<CallName, (input?: unknown) => Promise<unknown>>;
  for (const name of CALL_NAMES) {
    api[name] = async (input?: unknown) => {
      const result = await send(name, input);
      if (result.ok) return result.value;
      throw new ApiError(result.error.code, result.error.message);
    };
  }
  return api as unknown as Api;
}

export const api: Api = createApi();

/** A message fit to show: ours for ApiError, a generic one for anything else. */
export function messageOf(error: unknown): string {
  if (error instanceof ApiError) return error.message;
  return 'Something went wrong. Please try again.';
}
