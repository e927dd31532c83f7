// The limits a lesson pack (.liseuse) is held to, checked before anything is unzipped or written; the contract and
// the HTTP server size their bodies from them.
export const PACK_FORMAT = 'liseuse-lesson';
export const PACK_FORMAT_VERSION = 1;
/** The zipped file: a 100,000-word lesson, glossed, zips to a few megabytes. */
export const MAX_PACK_BYTES = 8_000_000;
/** One document once unzipped (a zip bomb stops here, before it is inflated further). */
export const MAX_PACK_ENTRY_BYTES = 40_000_000;
/** Every document together once unzipped. */
export const MAX_PACK_TOTAL_BYTES = 80_000_000;
/** The pack's content as it crosses the contract: base64 of at most MAX_PACK_BYTES. */
export const MAX_PACK_BASE64_CHARS = Math.ceil(MAX_PACK_BYTES / 3) * 4;
