import { describe, expect, it } from 'vitest';
import { dateFromName, parseSnapshot } from '../src/lib/engine/snapshot';
import { areaKm2 } from '../src/lib/engine/polygons';
import { InputError } from '../src/lib/engine/errors';

const square = (x: number, y: number, d: number): number[][] => [
  [x, y],
  [x + d, y],
  [x + d, y + d],
  [x, y + d],
  [x, y],
];

describe('dateFromName', () => {
  it('reads daily, raw (unix seconds, UTC) and ISO names', () => {
    expect(dateFromName('deepstatemap_data_20251120.geojson')).toEqual({ date: '2025-11-20', kind: 'daily' });
    // 1648989208 = 2022-04-03T12:33:28Z
    expect(dateFromName('raw/1648989208.geojson')).toEqual({ date: '2022-04-03', kind: 'raw' });
    expect(dateFromName('isw-2025-11-20.geojson')).toEqual({ date: '2025-11-20', kind: 'custom' });
    expect(dateFromName('line.geojson')).toBeUndefined();
  });
});

describe('parseSnapshot', () => {
  it('repairs overlapping polygons: the union is counted once', () => {
    const fc = {
      type: 'FeatureCollection',
      features: [
        { type: 'Feature', properties: {}, geometry: { type: 'Polygon', coordinates: [square(37, 48, 0.2)] } },
        { type: 'Feature', properties: {}, geometry: { type: 'Polygon', coordinates: [square(37, 48, 0.2)] } },
      ],
    };
    const once = parseSnapshot({ ...fc, features: fc.features.slice(0, 1) }, 'x-2025-01-01.geojson');
    const twice = parseSnapshot(fc, 'x-2025-01-01.geojson');
    expect(areaKm2(twice.occupied)).toBeCloseTo(areaKm2(once.occupied), 6);
    expect(areaKm2(once.occupied)).toBeGreaterThan(300);
  });

  it('takes the grey zone minus occupied land as contested', () => {
    const fc = {
      type: 'FeatureCollection',
      features: [
        {
          type: 'Feature',
          properties: { name: 'Окуповано /// Occupied', fill: '#a52714' },
          geometry: { type: 'Polygon', coordinates: [square(37, 48, 0.2)] },
        },
        {
          type: 'Feature',
          properties: { name: 'Статус невідомий /// Unknown status', fill: '#bcaaa4' },
          geometry: { type: 'Polygon', coordinates: [square(37.1, 48, 0.2)] },
        },
        {
          type: 'Feature',
          properties: { name: "Придністров'я /// Transnistria", fill: '#ff5252' },
          geometry: { type: 'Polygon', coordinates: [square(29, 47, 0.5)] },
        },
      ],
    };
    const s = parseSnapshot(fc, '1700000000.geojson');
    expect(s.date).toBe('2023-11-14');
    expect(areaKm2(s.contested) / areaKm2(s.occupied)).toBeCloseTo(0.5, 2);
    expect(s.layers['not-ukraine']).toBe(1);
  });

  it.each([
    [
      'no polygons',
      {
        type: 'FeatureCollection',
        features: [{ type: 'Feature', properties: {}, geometry: { type: 'Point', coordinates: [37, 48] } }],
      },
      /no Polygon/,
    ],
    ['not GeoJSON', { hello: 1 }, /not a GeoJSON/],
    [
      'swapped coordinates',
      {
        type: 'FeatureCollection',
        features: [
          { type: 'Feature', properties: {}, geometry: { type: 'Polygon', coordinates: [square(48, 37, 0.2)] } },
        ],
      },
      /swapped/,
    ],
    [
      'out of range',
      {
        type: 'FeatureCollection',
        features: [
          {
            type: 'Feature',
            properties: {},
            geometry: { type: 'Polygon', coordinates: [square(3700000, 4800000, 1000)] },
          },
        ],
      },
      /out of range/,
    ],
    [
      'outside Ukraine',
      {
        type: 'FeatureCollection',
        features: [
          { type: 'Feature', properties: {}, geometry: { type: 'Polygon', coordinates: [square(2, 48, 0.2)] } },
        ],
      },
      /outside Ukraine/,
    ],
  ])('rejects %s with a message naming the file', (_label, json, message) => {
    expect(() => parseSnapshot(json, 'bad-2025-01-01.geojson')).toThrow(InputError);
    expect(() => parseSnapshot(json, 'bad-2025-01-01.geojson')).toThrow(message);
    expect(() => parseSnapshot(json, 'bad-2025-01-01.geojson')).toThrow(/^bad-2025-01-01\.geojson: /);
  });
});

describe('self-crossing rings', () => {
  it('are rejected with the polygon named', () => {
    const bowtie = [
      [37, 48],
      [37.2, 48.2],
      [37.2, 48],
      [37, 48.2],
      [37, 48],
    ];
    const fc = {
      type: 'FeatureCollection',
      features: [{ type: 'Feature', properties: {}, geometry: { type: 'Polygon', coordinates: [bowtie] } }],
    };
    expect(() => parseSnapshot(fc, 'bowtie-2025-01-01.geojson')).toThrow(
      /bowtie-2025-01-01\.geojson: polygon 0 has a ring that crosses itself/,
    );
  });
});
