// Browser mode's wire, shared by the server and the page: one WebSocket for calls, its token offered as a
// subprotocol (a page cannot set headers on a WebSocket), each reply carrying its call's id.

export const SOCKET_PATH = '/api/socket';
export const SOCKET_PROTOCOL = 'liseuse.v1';
/** The second subprotocol offered: `token.<the per-launch token>`. */
export const SOCKET_TOKEN_PREFIX = 'token.';

/**
 * Calls whose request or reply can weigh hundreds of kilobytes or more (a long lesson, reports, exports, results
 * files) go over HTTP even when the socket is open: Chromium delivers a large HTTP body to the page faster than a
 * large WebSocket message (measured: a 0.7 MB lesson in about 90 ms against 115 to 240 ms).
 */
export const HTTP_CALLS: ReadonlySet<string> = new Set(['lessons:get', 'reports:class', 'reports:export', 'results:export', 'results:import']);
