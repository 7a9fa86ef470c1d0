/**
 * The embed: the snippet a journalist pastes, and where the embedded page
 * sends its height. The snippet's script resizes an iframe only for a
 * message from that iframe's own window and origin; the page posts to its
 * parent's origin when it can tell it, so no other page learns its height.
 */

/** Attribute text: the characters that could end an attribute or open a tag, as references. */
const attr = (s: string): string => s.replace(/[<>"&']/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * The iframe and its resize script for the page at `src`. The iframe is
 * sandboxed (scripts only), so the messages it sends carry the origin
 * "null"; a host that drops the sandbox gets the app's own origin. The
 * script accepts exactly those two, and only from the window of an iframe
 * whose src is on the app's origin (`e.source`): a message from another
 * frame, or from a page the iframe navigated to elsewhere, moves nothing.
 */
export function embedSnippet(src: string, title: string): string {
  const origin = new URL(src).origin;
  return [
    `<iframe src="${src.replace(/"/g, '&quot;')}" title="${attr(title)}" loading="lazy" sandbox="allow-scripts" style="width:100%;border:0" height="620"></iframe>`,
    `<script>(function(){var O=${JSON.stringify(origin).replace(/</g, '\\u003c')};addEventListener("message",function(e){var d=e.data;` +
      `if(e.origin!==O&&e.origin!=="null")return;if(!d||d.type!=="frontline:height"||typeof d.height!=="number")return;` +
      `document.querySelectorAll("iframe").forEach(function(f){var s;try{s=new URL(f.src,location.href).origin}catch(x){return}` +
      `if(s===O&&f.contentWindow===e.source)f.style.height=Math.min(5000,Math.max(200,d.height))+"px"})})})();</` +
      `script>`,
  ].join('\n');
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
 * In an embed, tells the host page our height whenever it changes, so its
 * iframe can fit (see embedSnippet); returns the function that stops it.
 * Nothing is sent outside an iframe.
 */
export function reportEmbedHeight(): () => void {
  if (window.parent === window) return () => {};
  // To the parent's origin when the browser tells it, so no other page can listen in.
  const target = parentOrigin(location.ancestorOrigins, document.referrer, location.search);
  const send = (): void =>
    window.parent.postMessage(
      { type: 'frontline:height', height: Math.ceil(document.documentElement.scrollHeight) },
      target,
    );
  const ro = new ResizeObserver(send);
  ro.observe(document.body);
  send();
  return () => ro.disconnect();
}
