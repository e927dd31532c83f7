// Browser mode's wire, shared by the server and the page: one WebSocket for calls, its token offered as a
// subprotocol (a page cannot set headers on a WebSocket), each reply carrying its call's id.

export const SOCKET_PATH = '/api/socket';
export const SOCKET_PROTOCOL = 'liseuse.v1';
/** The second subprotocol offered: `token.<the per-launch token>`. */
export const SOCKET_TOKEN_PREFIX = 'token.';
