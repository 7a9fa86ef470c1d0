import { describe, expect, it } from 'vitest';
import { formatUrlState, isValidViewHash, parseUrlState } from './url';

const IDS = ['status-quo', 'us-28-point'];

describe('parseUrlState / formatUrlState', () => {
  it('round-trips a full state', () => {
    const s = parseUrlState(
      '?scenario=us-28-point&date=2025-11-20&lang=uk&theme=dark&layers=frontline,places&embed=1&title=Donbas&subtitle=Nov%202025',
      IDS,
    );
    expect(s).toEqual({
      scenario: 'us-28-point',
      date: '2025-11-20',
      lang: 'uk',
      theme: 'dark',
      layers: ['frontline', 'places'],
      embed: true,
      title: 'Donbas',
      subtitle: 'Nov 2025',
    });
    expect(parseUrlState(formatUrlState(s), IDS)).toEqual(s);
  });

  it('writes an empty layer list as none, which reads back as none', () => {
    expect(formatUrlState({ embed: false, layers: [] })).toBe('?layers=none');
    expect(parseUrlState('?layers=none', IDS).layers).toEqual([]);
  });

  it('leaves defaults out of links', () => {
    expect(formatUrlState({ embed: false })).toBe('');
    expect(formatUrlState({ embed: false, layers: ['frontline', 'labels', 'places'] })).toBe('');
  });

  it.each([
    ['?scenario=<script>alert(1)</script>', { embed: false }],
    ['?scenario=peace-now&date=2025-02-30', { embed: false }],
    ['?date=20251120&lang=fr&theme=neon', { embed: false }],
    ['?scenario=' + 'a'.repeat(5000), { embed: false }],
    ['?layers=frontline,<img%20src=x>', { embed: false, layers: ['frontline'] }],
    ['?layers=bogus', { embed: false, layers: undefined }],
    ['?layers=places,places,places', { embed: false, layers: ['places'] }],
    ['?embed=true', { embed: false }],
  ])('drops hostile or unknown values: %s', (search, expected) => {
    const s = parseUrlState(search, IDS);
    for (const [k, v] of Object.entries(expected)) expect(s[k as keyof typeof s]).toEqual(v);
    expect(s.scenario).toBeUndefined();
    expect(s.date).toBeUndefined();
  });

  it('keeps a title as text, without markup characters, capped at 120 characters', () => {
    expect(parseUrlState('?title=%3Cb%3EDonbas%3C/b%3E', IDS).title).toBe('bDonbas/b');
    expect(parseUrlState(`?title=${'x'.repeat(150)}`, IDS).title).toHaveLength(120);
  });

  it('drops bidi overrides, isolates and C1 controls from title and subtitle', () => {
    const s = parseUrlState(
      `?title=${encodeURIComponent('a\u202eb\u2066c\u2069\u0085d')}&subtitle=${encodeURIComponent('\u202dx\u001b')}`,
      IDS,
    );
    expect(s.title).toBe('abcd');
    expect(s.subtitle).toBe('x');
  });

  it('keeps embed=1 and the other parameters in a query over 4,000 characters', () => {
    const s = parseUrlState(`?title=${'x'.repeat(5000)}&embed=1&scenario=${IDS[0]}`, IDS);
    expect(s.embed).toBe(true);
    expect(s.scenario).toBe(IDS[0]);
    expect(s.title).toHaveLength(120);
  });
});

describe('compare and compare_date', () => {
  it('reads and writes a second scenario and a second date, each alone or both', () => {
    const s = parseUrlState('?scenario=us-28-point&date=2025-11-20&compare=status-quo&compare_date=2024-11-20', IDS);
    expect(s).toMatchObject({ scenario: 'us-28-point', compare: 'status-quo', compare_date: '2024-11-20' });
    expect(formatUrlState(s)).toBe('?scenario=us-28-point&date=2025-11-20&compare=status-quo&compare_date=2024-11-20');
    expect(parseUrlState(formatUrlState(s), IDS)).toEqual(s);
    expect(parseUrlState('?compare=us-28-point', IDS)).toEqual({ embed: false, compare: 'us-28-point' });
    expect(parseUrlState('?compare_date=2026-08-22', IDS)).toEqual({ embed: false, compare_date: '2026-08-22' });
  });

  it('compare=custom: the link’s custom plan beside its scenario, kept through a round trip', () => {
    const search = '?scenario=us-28-point&compare=custom&custom=us-28-point~*:u,UA-14:b,UA-23:l~5~My+plan';
    const s = parseUrlState(search, IDS);
    expect(s).toMatchObject({ scenario: 'us-28-point', compare: 'custom', custom: { title: 'My plan', strip_km: 5 } });
    expect(parseUrlState(formatUrlState(s), IDS)).toEqual(s);
  });

  it.each([
    '?compare=peace-now',
    '?compare=custom',
    '?compare=%3Cscript%3E',
    `?compare=${'a'.repeat(5000)}`,
    '?compare_date=2025-02-30',
    '?compare_date=20251120',
    '?compare_date=2025-11-20T00:00',
    '?compare_date=<img%20src=x>',
  ])('drops an unknown id or a malformed date, as for scenario and date: %s', (search) => {
    const s = parseUrlState(search, IDS);
    expect(s).toEqual({ embed: false });
    expect(formatUrlState(s)).toBe('');
  });

  it('keeps the valid half when the other is bad', () => {
    expect(parseUrlState('?compare=us-28-point&compare_date=2025-13-01', IDS)).toEqual({
      embed: false,
      compare: 'us-28-point',
    });
  });
});

describe('isValidViewHash', () => {
  it.each(['#6/48.5/37.5', '#6.25/48.5/37.5/12', '#5/-10/170/0/30'])('accepts %s', (h) =>
    expect(isValidViewHash(h)).toBe(true),
  );
  it.each(['', '#', '#abc', '#99/48/37', '#6/95/37', '#6/48/370', '#6/48/37/<script>', '#1e308/1/1'])(
    'rejects %s',
    (h) => expect(isValidViewHash(h)).toBe(false),
  );
});
