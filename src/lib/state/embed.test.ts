import { describe, expect, it } from 'vitest';
import { embedSnippet, parentOrigin, reportedHeight } from './embed';

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

describe('embedSnippet widths', () => {
  it('is as wide as its column by default, a fixed width never wider than it, one attribute a line', () => {
    const src = 'https://maps.example/?embed=1';
    expect(embedSnippet(src, 'T')).toContain('style="width:100%;border:0"');
    const fixed = embedSnippet(src, 'T', 640);
    expect(fixed).toContain('style="width:640px;max-width:100%;border:0"');
    const lines = fixed.split('\n');
    expect(lines[0]).toBe(`<iframe src="${src}"`);
    expect(lines.slice(0, 4).join('\n')).toMatch(/<\/iframe>$/);
    expect(lines.at(-1)).toMatch(/<\/script>$/);
    expect(Math.max(...lines.map((l) => l.length))).toBeLessThan(130);
  });
});

describe('reportedHeight', () => {
  const frame = { contentWindow: {} } as unknown as HTMLIFrameElement;
  const msg = (data: unknown, source: unknown = frame.contentWindow, origin = 'https://maps.example'): MessageEvent =>
    ({ data, source, origin }) as unknown as MessageEvent;
  it('takes a height only from its own frame and origin, bounded', () => {
    const origin = 'https://maps.example';
    expect(reportedHeight(msg({ type: 'frontline:height', height: 812 }), frame, origin)).toBe(812);
    expect(reportedHeight(msg({ type: 'frontline:height', height: 812 }, {}), frame, origin)).toBeUndefined();
    expect(
      reportedHeight(msg({ type: 'frontline:height', height: 812 }, undefined, 'https://evil.example'), frame, origin),
    ).toBeUndefined();
    expect(reportedHeight(msg({ type: 'other', height: 812 }), frame, origin)).toBeUndefined();
    expect(reportedHeight(msg({ type: 'frontline:height', height: '812' }), frame, origin)).toBeUndefined();
    expect(reportedHeight(msg({ type: 'frontline:height', height: 1e9 }), frame, origin)).toBe(5000);
    expect(reportedHeight(msg({ type: 'frontline:height', height: 3 }), frame, origin)).toBe(200);
    expect(reportedHeight(msg(null), frame, origin)).toBeUndefined();
    expect(reportedHeight(msg({ type: 'frontline:height', height: 812 }), undefined, origin)).toBeUndefined();
  });
});
