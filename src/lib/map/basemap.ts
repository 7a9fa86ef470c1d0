/**
 * An optional external basemap style, for deployments with internet:
 * `?basemap=https://.../style.json` or VITE_BASEMAP_STYLE at build time.
 * Only an https URL of reasonable length is taken; anything else falls back to
 * the built-in offline style.
 */
export function basemapStyleUrl(search: string, configured: string | undefined): string | null {
  const fromQuery = new URLSearchParams(search).get('basemap');
  for (const candidate of [fromQuery, configured]) {
    if (!candidate || candidate.length > 500) continue;
    try {
      const url = new URL(candidate);
      if (url.protocol === 'https:' && !url.username && !url.password) return url.href;
    } catch {
      /* not a URL: ignore */
    }
  }
  return null;
}
