import { describe, expect, it } from 'vitest';
import { basemapStyleUrl } from './basemap';

describe('basemapStyleUrl', () => {
  it('takes an https style URL from the query (allowed hosts only), then from the build setting', () => {
    expect(basemapStyleUrl('?basemap=https://evil.example/style.json', undefined, 'tiles.example.org')).toBeNull();
    expect(basemapStyleUrl('?basemap=https://tiles.example.org/style.json', undefined, 'tiles.example.org')).toBe(
      'https://tiles.example.org/style.json',
    );
    expect(basemapStyleUrl('', 'https://tiles.example.org/a.json')).toBe('https://tiles.example.org/a.json');
  });

  it.each([
    ['?basemap=javascript:alert(1)'],
    ['?basemap=http://plain.example.org/style.json'],
    ['?basemap=https://user:pw@example.org/style.json'],
    ['?basemap=' + 'https://x.org/' + 'a'.repeat(600)],
    ['?basemap=<script>alert(1)</script>'],
    [''],
  ])('falls back to the built-in style for %s', (search) => {
    expect(basemapStyleUrl(search, undefined, 'x.org,plain.example.org,example.org')).toBeNull();
  });
});
