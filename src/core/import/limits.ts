// How much one imported file may hold: named here once, so the contract's byte cap, the backend's checks and the
// messages the teacher reads all say the same numbers.

/**
 * A file's bytes: a 100,000-word text is about 600 kB as .txt, 300 kB as .docx, 1 to 2 MB as a PDF. Its base64
 * must fit the browser-mode server's body cap (4 MB, sized for results files), which a test checks.
 */
export const MAX_IMPORT_FILE_BYTES = 3_000_000;
/** The base64 text of a file of MAX_IMPORT_FILE_BYTES, which is how the renderer sends it. */
export const MAX_IMPORT_BASE64_CHARS = Math.ceil(MAX_IMPORT_FILE_BYTES / 3) * 4;
/**
 * Words in a lesson's text, pasted or read from a file (the issue asks that 100,000 work): one number, so a file the
 * import opens is never one the new-lesson check then refuses.
 */
export const MAX_LESSON_WORDS = 150_000;
/** Everything a .docx or .epub unpacks to, together: an archive that says it holds more is a zip bomb. */
export const MAX_UNPACKED_BYTES = 100_000_000;
/** Files in one archive: a real book has hundreds at most. */
export const MAX_ARCHIVE_ENTRIES = 10_000;

export const megabytes = (bytes: number): string => `${Math.round(bytes / 100_000) / 10} MB`;
/** The same size as French writes it, with a decimal comma and a no-break space: « 3 Mo », « 12,5 Mo ». */
export const megaoctets = (bytes: number): string =>
  `${new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 1 }).format(Math.round(bytes / 100_000) / 10)}\u00a0Mo`;
/** A file's size in the interface's language. */
export const fileSize = (bytes: number, language: 'en' | 'fr'): string => (language === 'fr' ? megaoctets(bytes) : megabytes(bytes));
