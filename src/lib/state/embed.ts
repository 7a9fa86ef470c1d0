/**
 * The embed: the snippet a journalist pastes, and where the embedded page
 * sends its height. The snippet's script resizes an iframe only for a
 * message from that iframe's own window and origin; the page posts to its
 * parent's origin when it can tell it, so no other page learns its height.
 */

/** Attribute text: the characters that could end an attribute or open a tag, as references. */
const attr = (s: string): string => s.replace(/[<>"&']/g, (c) => `&#${c.charCodeAt(0)};`);

/** The iframe's width in the snippet: a fixed article width in px (never wider than its column), or 0 = the column's. */
export type EmbedWidth = number;

/** The widths the Embed dialog offers: a phone's, an article column's, a full-width page's, and the column's (0). */
export const EMBED_WIDTHS: readonly EmbedWidth[] = [320, 640, 1200, 0];

/** The snippet's frame height before the script fits it (also what a host without the script keeps). */
export const START_HEIGHT = 620;
/** The script's bounds on a reported height, so a broken or hostile frame cannot collapse or blow up the article. */
const MIN_HEIGHT = 200;
const MAX_HEIGHT = 5000;

/**
 * The iframe and its resize script for the page at `src`, `width` px wide
 * (0: as wide as its column), one attribute or statement a line so a
 * journalist can read what they paste. The iframe is sandboxed (scripts
 * only), so the messages it sends carry the origin "null"; a host that drops
 * the sandbox gets the app's own origin. The script accepts exactly those
 * two, and only from the window of an iframe whose src is on the app's
 * origin (`e.source`): a message from another frame, or from a page the
 * iframe navigated to elsewhere, moves nothing.
 */
export function embedSnippet(src: string, title: string, width: EmbedWidth = 0): string {
  const origin = new URL(src).origin;
  const size = width > 0 ? `width:${Math.round(width)}px;max-width:100%` : 'width:100%';
  return [
    `<iframe src="${src.replace(/"/g, '&quot;')}"`,
    `  title="${attr(title)}"`,
    `  style="${size};border:0" height="${START_HEIGHT}"`,
    `  loading="lazy" sandbox="allow-scripts"></iframe>`,
    `<script>(function(){var O=${JSON.stringify(origin).replace(/</g, '\\u003c')};`,
    `addEventListener("message",function(e){var d=e.data;`,
    `if(e.origin!==O&&e.origin!=="null")return;`,
    `if(!d||d.type!=="frontline:height"||typeof d.height!=="number")return;`,
    `document.querySelectorAll("iframe").forEach(function(f){var s;try{s=new URL(f.src,location.href).origin}catch(x){return}`,
    `if(s===O&&f.contentWindow===e.source)f.style.height=Math.min(${MAX_HEIGHT},Math.max(${MIN_HEIGHT},d.height))+"px"})})})();</` +
      `script>`,
  ].join('\n');
}

/**
 * The height a message from our own embed reports, for a frame of this page
 * (the Embed dialog's preview): the same rule as the snippet's script, from
 * that frame's window and this page's origin only; undefined for any other
 * message.
 */
export function reportedHeight(
  e: MessageEvent,
  frame: HTMLIFrameElement | undefined,
  origin: string,
): number | undefined {
  const d = e.data as { type?: unknown; height?: unknown } | null;
  if (!frame || e.source !== frame.contentWindow || e.origin !== origin) return undefined;
  if (!d || d.type !== 'frontline:height' || typeof d.height !== 'number' || !Number.isFinite(d.height))
    return undefined;
  return Math.min(MAX_HEIGHT, Math.max(MIN_HEIGHT, d.height));
}

/** A serialised origin (`https://host[:port]`), or undefined for anything else. */
function asOrigin(value: string | null | undefined): string | undefined {
  if (!value || value === 'null') return undefined;
  try {
    const u = new URL(value);
    return (u.protocol === 'https:' || u.protocol === 'http:') && u.origin === value.replace(/\/$/, '')
      ? u.origin
      : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Where the embedded page posts its height: the parent's origin from the
 * browser (`location.ancestorOrigins`, Chromium and Safari), else from the
 * referrer, else from an `origin` parameter in the embed's URL; '*' only
 * when none is known (a host with `Referrer-Policy: no-referrer` in
 * Firefox): a height is no secret, and the embed must still fit.
 */
export function parentOrigin(ancestorOrigins: ArrayLike<string> | undefined, referrer: string, search: string): string {
  const fromReferrer = (() => {
    try {
      return referrer ? new URL(referrer).origin : undefined;
    } catch {
      return undefined;
    }
  })();
  return (
    asOrigin(ancestorOrigins?.[0]) ??
    asOrigin(fromReferrer) ??
    asOrigin(new URLSearchParams(search).get('origin')) ??
    '*'
  );
}

/**
 * In an embed, tells the host page the height of `content` (the page's root
 * element) whenever it changes, so its iframe fits exactly (see
 * embedSnippet); returns the function that stops it. Nothing is sent outside
 * an iframe.
 *
 * Why the element and not the document: the document is at least as tall as
 * the frame (`html, body { height: 100% }`), so its scrollHeight never
 * reports a frame that is too tall, and the body keeps the frame's size, so
 * observing it misses content that grows later (the headline and legend
 * arrive with the figures, a font swaps in): the frame stayed 31–75 px short.
 * The root element's own box changes with every such change (scenario,
 * language, fonts, rows), and a ResizeObserver on it sees each one.
 */
export function reportEmbedHeight(content: HTMLElement): () => void {
  if (window.parent === window) return () => {};
  // To the parent's origin when the browser tells it, so no other page can listen in.
  const target = parentOrigin(location.ancestorOrigins, document.referrer, location.search);
  let sent = -1;
  const send = (): void => {
    const height = contentHeight(content);
    if (height === sent) return;
    sent = height;
    window.parent.postMessage({ type: 'frontline:height', height }, target);
  };
  const ro = new ResizeObserver(send);
  ro.observe(content);
  // Web fonts change line breaks; the observer sees that too, but a font that loads before it starts would not be seen.
  void document.fonts?.ready.then(send);
  send();
  return () => ro.disconnect();
}

/** The element's height with its margins, in whole pixels up (a frame a fraction short would scroll). */
function contentHeight(el: HTMLElement): number {
  const style = getComputedStyle(el);
  return Math.ceil(el.getBoundingClientRect().height + parseFloat(style.marginTop) + parseFloat(style.marginBottom));
}
