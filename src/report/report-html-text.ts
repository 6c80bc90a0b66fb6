// Spec text on the report page: escaped for HTML content and quoted attributes, and shortened
// for display (a spec title can be 10,000 characters).

/**
 * Text for HTML content and quoted attributes. Control characters become visible escapes: a code
 * "NUL\u0000CODE" should read as such, not vanish (browsers drop or replace NUL).
 */
export function html(text: string): string {
  return text
    .replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)
    .replace(
      /[\u0000-\u0008\u000b-\u001f\u007f\u2028\u2029]/g,
      (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`,
    );
}

export const slug = (category: string) => category.replace(/\s+/g, "-");

/** Display text at most `max` characters; callers put the full text in a title attribute. */
export function short(text: string, max = 120): string {
  return text.length > max ? `${text.slice(0, max)}…` : text;
}
