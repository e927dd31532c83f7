// A file's bytes as base64, the way calls carry them (JSON has no bytes). In chunks: String.fromCharCode takes
// its arguments on the stack, which a file of megabytes would overflow.
const CHUNK = 32_768;

export function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let start = 0; start < bytes.length; start += CHUNK) binary += String.fromCharCode(...bytes.subarray(start, start + CHUNK));
  return btoa(binary);
}
