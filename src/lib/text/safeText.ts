/**
 * Text from outside (file names, GeoJSON properties, URL parameters) is data.
 * It must not steer a terminal (ANSI escapes, a newline that forges a line),
 * reorder what a reader sees (bidi overrides), or become a formula in a
 * spreadsheet. The CLI escapes such characters visibly (the user should see
 * that the name is odd); the page drops them (a heading is no place for
 * `\u202e`).
 */

/**
 * C0 controls (newline, tab, ESC included), DEL, C1 controls (U+0080–U+009F:
 * U+009B is a one-byte CSI to some terminals), the bidi embeddings and
 * overrides U+202A–U+202E, the isolates U+2066–U+2069, and the line and
 * paragraph separators U+2028/U+2029 (a line break to some viewers).
 */
// eslint-disable-next-line no-control-regex
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

/** Whether a text holds a character that `escapeUnsafe` would change. */
export function hasUnsafe(text: string): boolean {
  UNSAFE.lastIndex = 0;
  return UNSAFE.test(text);
}

/**
 * The text with every unsafe character written as a visible escape
 * (`\n`, `\t`, `\x1b`, `\u202e`), for a terminal.
 *
 * @example escapeUnsafe('a\nb\u202e.geojson') // 'a\\nb\\u202e.geojson'
 */
export function escapeUnsafe(text: string): string {
  return text.replace(UNSAFE, (c) => {
    if (c === '\n') return '\\n';
    if (c === '\r') return '\\r';
    if (c === '\t') return '\\t';
    const code = c.charCodeAt(0);
    return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
  });
}

/** The text without unsafe characters, for the page (headings, names shown as text). */
export function stripUnsafe(text: string): string {
  return text.replace(UNSAFE, '');
}

/**
 * A name from outside (a reader's file name) as the page shows it: unsafe
 * characters and angle brackets dropped, at most `max` characters; never empty.
 */
export function shownName(name: string, max = 120, fallback = 'file'): string {
  return stripUnsafe(name).replace(/[<>]/g, '').slice(0, max) || fallback;
}

/**
 * Text for a place that takes HTML (MapLibre's attribution box sets its
 * text as innerHTML): &, <, >, " and ' written as numeric entities.
 *
 * @example htmlText('a <b> & "c"') // 'a &#60;b&#62; &#38; &#34;c&#34;'
 */
export function htmlText(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/**
 * A string cell for a CSV file: one that a spreadsheet would run as a formula
 * (starting with = + - @, or a tab or carriage return that some strip before
 * looking) gets a leading apostrophe, OWASP's advice for CSV injection.
 * Numbers are never passed here, so a negative figure stays a number.
 *
 * @example csvText('=HYPERLINK("http://x")') // "'=HYPERLINK(\"http://x\")"
 */
export function csvText(cell: string): string {
  return /^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell;
}
