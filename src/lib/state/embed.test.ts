import { describe, expect, it } from 'vitest';
import { embedSnippet, parentOrigin } from './embed';

describe('parentOrigin', () => {
  it('prefers the browser, then the referrer, then the origin parameter, else *', () => {
    expect(parentOrigin(['https://news.example'], 'https://other.example/a', '?origin=https://p.example')).toBe(
      'https://news.example',
    );
    expect(parentOrigin([], 'https://news.example/article?id=1', '')).toBe('https://news.example');
    expect(parentOrigin(undefined, '', '?embed=1&origin=https://p.example')).toBe('https://p.example');
    expect(parentOrigin(undefined, '', '?origin=javascript:alert(1)')).toBe('*');
    expect(parentOrigin(['null'], 'not a url', '?origin=https://p.example/path')).toBe('*');
  });
});

describe('embedSnippet', () => {
  it('checks the message origin and the frame, and escapes the title', () => {
    const code = embedSnippet('https://maps.example/app/?embed=1&title="x"', 'A "<b>" title');
    expect(code).toContain('var O="https://maps.example"');
    expect(code).toContain('e.origin!==O&&e.origin!=="null"');
    expect(code).toContain('f.contentWindow===e.source');
    expect(code).toContain('title="A &#34;&#60;b&#62;&#34; title"');
    expect(code).toContain('src="https://maps.example/app/?embed=1&title=&quot;x&quot;"');
  });
});
