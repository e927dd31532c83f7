// French typography as the interface must follow it, for the tests of every French string table.
/** A plain space before : ; ! ? or %, a % glued to its number, or a straight apostrophe. */
export const FRENCH_TYPOGRAPHY_FAULT = / [:;!?%]|'|[^\s\u00a0\u202f]%/;
