/**
 * An optional external basemap style, for deployments with internet:
 * VITE_BASEMAP_STYLE at build time, or `?basemap=https://.../style.json` when
 * its host is one the deployment allows (VITE_BASEMAP_HOSTS, comma-separated):
 * otherwise any link could dress the page in a stranger's map and make every
 * reader's browser call a third party. Only an https URL of reasonable length
 * is taken; anything else falls back to the built-in offline style.
 */
export function basemapStyleUrl(search: string, configured: string | undefined, allowedHosts = ''): string | null {
  const allowed = allowedHosts
    .split(',')
    .map((h) => h.trim())
    .filter(Boolean);
  let fromQuery = new URLSearchParams(search).get('basemap');
  try {
    if (fromQuery && !allowed.includes(new URL(fromQuery).host)) fromQuery = null;
  } catch {
    fromQuery = null;
  }
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
