import { describe, expect, it } from 'vitest';
import { dateFromProperties } from './uploadDate';

const fc = (top: Record<string, unknown>, ...props: Record<string, unknown>[]): unknown => ({
  type: 'FeatureCollection',
  ...top,
  features: props.map((properties) => ({ type: 'Feature', properties, geometry: null })),
});

describe('dateFromProperties', () => {
  it('reads ISO dates and date-times from the features’ properties', () => {
    expect(dateFromProperties(fc({}, { name: 'x', date: '2025-11-21' }))).toBe('2025-11-21');
    expect(dateFromProperties(fc({}, { datetime: '2025-11-21T10:00:00' }))).toBe('2025-11-21');
    expect(dateFromProperties(fc({}, { Updated_At: '2025-11-21 10:00' }))).toBe('2025-11-21');
    // With an offset, the UTC date.
    expect(dateFromProperties(fc({}, { last_updated: '2025-11-21T01:00:00+03:00' }))).toBe('2025-11-20');
    expect(dateFromProperties(fc({}, { valid_from: '2025-11-21T12:00:00.000Z' }))).toBe('2025-11-21');
  });

  it('reads unix seconds and milliseconds, as numbers or strings of digits', () => {
    expect(dateFromProperties(fc({}, { timestamp: 1763683200 }))).toBe('2025-11-21');
    expect(dateFromProperties(fc({}, { timestamp: 1763683200000 }))).toBe('2025-11-21');
    expect(dateFromProperties(fc({}, { updated: '1763683200' }))).toBe('2025-11-21');
  });

  it('prefers the collection’s own members, then its properties or metadata, then the latest feature', () => {
    expect(dateFromProperties(fc({ updated_at: '2025-10-01' }, { date: '2025-11-21' }))).toBe('2025-10-01');
    expect(dateFromProperties(fc({ metadata: { date: '2025-10-02' } }, { date: '2025-11-21' }))).toBe('2025-10-02');
    expect(dateFromProperties(fc({}, { date: '2025-11-01' }, { date: '2025-11-21' }, { date: '2025-11-05' }))).toBe(
      '2025-11-21',
    );
    // Keys in order: date before timestamp.
    expect(dateFromProperties(fc({}, { timestamp: 1763683200, date: '2025-01-02' }))).toBe('2025-01-02');
    // A single Feature.
    expect(dateFromProperties({ type: 'Feature', properties: { date: '2025-11-21' }, geometry: null })).toBe(
      '2025-11-21',
    );
  });

  it('is null without a usable date', () => {
    expect(dateFromProperties(null)).toBeNull();
    expect(dateFromProperties('2025-11-21')).toBeNull();
    expect(dateFromProperties(fc({}, { name: 'occupied' }))).toBeNull();
    expect(
      dateFromProperties(fc({}, { date: 'yesterday' }, { date: '2025-02-30' }, { date: '21.11.2025' })),
    ).toBeNull();
    expect(dateFromProperties(fc({}, { date: '2013-12-31' }, { timestamp: -5 }, { timestamp: true }))).toBeNull();
    expect(dateFromProperties(fc({ features: 'none' }))).toBeNull();
    expect(dateFromProperties(fc({}, { description: '2025-11-21' }))).toBeNull();
  });
});
