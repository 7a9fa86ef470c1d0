/**
 * Text from outside on its way to the terminal: file names, URLs, property
 * and argument values are printed with control characters and bidi overrides
 * as visible escapes, and URLs without their credentials.
 */
import { escapeUnsafe } from '../lib/text/safeText';

/**
 * Text safe for stderr: `\n`, ESC, C1 controls and bidi overrides become
 * visible escapes, so a file name cannot forge a line or recolour the
 * terminal. Long texts are cut in the middle (a 1 MB argument is no
 * message; its end often says what is wrong).
 *
 * @example safeText('x\u001b[31m.geojson') // 'x\\x1b[31m.geojson'
 */
export function safeText(text: string, max = 2000): string {
  const half = Math.floor(max / 2);
  const cut =
    text.length > max
      ? `${text.slice(0, half)}… (${text.length - 2 * half} more characters) …${text.slice(-half)}`
      : text;
  return escapeUnsafe(cut);
}
