// JSON pointers (RFC 6901), written once: every stage names places in the spec by them.

/** Escapes one reference token: "~" as "~0", "/" as "~1". */
export function pointerToken(token: string): string {
  return token.replace(/~/g, "~0").replace(/\//g, "~1");
}

/** Reads one escaped reference token back. */
export function decodePointerToken(token: string): string {
  return token.replace(/~1/g, "/").replace(/~0/g, "~");
}

/** A pointer from raw tokens: pointerOf("paths", "/a") is "/paths/~1a". */
export function pointerOf(...tokens: (string | number)[]): string {
  return tokens.map((t) => `/${pointerToken(String(t))}`).join("");
}
