/**
 * UTF-8 base64 with the platform's `btoa`/`atob`, so the same code runs in Node and browsers (no
 * `Buffer`).
 * @module
 */

/** Standard base64 of the UTF-8 bytes of `text`. @internal */
export function encodeBase64(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary);
}

/** The UTF-8 text of standard base64, or `undefined` when `encoded` is not valid base64 or UTF-8. @internal */
export function decodeBase64(encoded: string): string | undefined {
  try {
    const binary = atob(encoded);
    const bytes = Uint8Array.from(binary, (ch) => ch.charCodeAt(0));
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return undefined;
  }
}
