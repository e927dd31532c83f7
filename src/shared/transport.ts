// Browser mode's wire, shared by the server and the page: one WebSocket for calls, its token offered as a
// subprotocol (a page cannot set headers on a WebSocket), each reply carrying its call's id. Calls marked
// `transport: 'http'` in the contract go as HTTP POST instead: Chromium hands a large HTTP body to the page sooner
// than the same bytes as one WebSocket message (the bulkiest, lessons:get, is in the README's `reader: first paint`
// bench row).

export const SOCKET_PATH = '/api/socket';
export const SOCKET_PROTOCOL = 'liseuse.v1';
/** The second subprotocol offered: `token.<the per-launch token>`. */
export const SOCKET_TOKEN_PREFIX = 'token.';
