import { describe, expect, it } from 'vitest';
import { SCENARIOS, scenarioById } from '../engine/scenarioCatalog';
import { RULES, validateScenario, type ScenarioDefinition } from '../engine/scenarios';
import { customScenario, decodeCustomScenario, encodeCustomScenario, scenarioFileOf } from './customScenario';
import { formatUrlState, parseUrlState } from './url';

const IDS = SCENARIOS.map((s) => s.id);

const EXAMPLES: ScenarioDefinition[] = [
  customScenario('My plan', 'us-28-point', { default: 'ukraine', regions: { 'UA-14': 'buffer', 'UA-23': 'line' } }, 5),
  customScenario('Мирний план — «Донбас» 🇺🇦', 'status-quo', { default: 'line', regions: {} }),
  // Every rule, a fractional width, a name with the separator and URL syntax in it.
  customScenario(
    'a~b&c=d+e%20f #g',
    undefined,
    {
      default: 'pre-2022',
      regions: {
        'UA-14': 'line',
        'UA-09': 'ukraine',
        'UA-43': 'russia',
        'UA-23': 'buffer',
        'UA-65': 'pre-2022',
        'UA-05': 'neutral',
      },
    },
    12.5,
  ),
  customScenario('x'.repeat(60), 'borders-1991', { default: 'russia', regions: {} }, 50),
];

describe('custom scenario in the URL', () => {
  it.each(EXAMPLES.map((d) => [d.title, d]))(
    'round-trips %s through encode/decode and through the whole query string',
    (_name, def) => {
      expect(decodeCustomScenario(encodeCustomScenario(def))).toEqual(def);
      const search = formatUrlState({ embed: false, date: '2025-11-20', custom: def });
      expect(parseUrlState(search, IDS).custom).toEqual(def);
      expect(parseUrlState(search, IDS).date).toBe('2025-11-20');
    },
  );

  it('writes a short, readable value', () => {
    expect(encodeCustomScenario(EXAMPLES[0])).toBe('us-28-point~*:u,UA-14:b,UA-23:l~5~My plan');
    expect(formatUrlState({ embed: false, custom: EXAMPLES[0] })).toBe(
      '?custom=us-28-point~*:u,UA-14:b,UA-23:l~5~My+plan',
    );
    expect(encodeCustomScenario(EXAMPLES[1])).toBe('status-quo~*:l~~Мирний план — «Донбас» 🇺🇦');
  });

  it('reads what it is given: the rules, the width, the base', () => {
    const d = decodeCustomScenario('russia-demand~UA-14:r,*:b~0.5~Test')!;
    expect(d).toMatchObject({
      id: 'custom',
      title: 'Test',
      based_on: 'russia-demand',
      strip_km: 0.5,
      rules: { default: 'buffer', regions: { 'UA-14': 'russia' } },
    });
    expect(decodeCustomScenario('~~~')).toMatchObject({
      title: 'Custom scenario',
      rules: { default: 'line', regions: {} },
    });
    expect(decodeCustomScenario('~~~')!.based_on).toBeUndefined();
    expect(decodeCustomScenario('~~~')!.strip_km).toBeUndefined();
  });

  it.each([
    ['no fields', 'just a name'],
    ['three fields', 'us-28-point~*:u~5'],
    ['unknown base', 'peace-now~*:u~~x'],
    ['script as base', '<script>alert(1)</script>~*:u~~x'],
    ['unknown region', 'us-28-point~UA-99:u~~x'],
    ['region as a name', 'us-28-point~Donetsk:u~~x'],
    ['unknown rule', 'us-28-point~UA-14:z~~x'],
    ['rule spelled out', 'us-28-point~UA-14:buffer~~x'],
    ['region twice', 'us-28-point~UA-14:u,UA-14:r~~x'],
    ['extra colon', 'us-28-point~UA-14:u:r~~x'],
    ['W = -1', 'us-28-point~*:u~-1~x'],
    ['W = 0', 'us-28-point~*:u~0~x'],
    ['W = 1e9', 'us-28-point~*:u~1e9~x'],
    ['W = 51', 'us-28-point~*:u~51~x'],
    ['W = NaN', 'us-28-point~*:u~NaN~x'],
    ['W = Infinity', 'us-28-point~*:u~Infinity~x'],
    ['W with 4 decimals', 'us-28-point~*:u~1.2345~x'],
    ['10 kB name', `us-28-point~*:u~5~${'x'.repeat(10_000)}`],
    ['10 kB rules', `us-28-point~${'UA-14:u,'.repeat(1300)}~5~x`],
  ])('rejects %s', (_what, value) => {
    expect(decodeCustomScenario(value)).toBeUndefined();
    expect(parseUrlState(`?custom=${encodeURIComponent(value)}`, IDS).custom).toBeUndefined();
  });

  it('keeps the name as text only, capped at 60 characters', () => {
    expect(decodeCustomScenario('~~~<img src=x onerror=alert(1)>')!.title).toBe('img src=x onerror=alert(1)');
    expect(decodeCustomScenario('~~~a\u0000b\u202ec\nd')!.title).toBe('abc d');
    expect(Array.from(decodeCustomScenario(`~~~${'я'.repeat(200)}`)!.title)).toHaveLength(60);
    expect(decodeCustomScenario(null)).toBeUndefined();
  });

  it('the page state ignores a broken custom value and keeps the rest', () => {
    const s = parseUrlState('?scenario=us-28-point&custom=nope~~~x', IDS);
    expect(s.custom).toBeUndefined();
    expect(s.scenario).toBe('us-28-point');
  });
});

describe('scenario files', () => {
  it.each([...EXAMPLES, ...SCENARIOS].map((d) => [d.id, d.title, d]))(
    '%s "%s": scenarioFileOf → validateScenario gives the same definition',
    (_id, _t, def) => {
      expect(validateScenario(JSON.parse(scenarioFileOf(def)), 'exported file')).toEqual(def);
    },
  );

  it('writes strip_km and based_on and reads every rule', () => {
    const file = JSON.parse(scenarioFileOf(EXAMPLES[2]));
    expect(file.strip_km).toBe(12.5);
    expect(Object.keys(file)).not.toContain('based_on');
    expect(new Set([file.rules.default, ...Object.values(file.rules.regions)])).toEqual(new Set(RULES));
    expect(JSON.parse(scenarioFileOf(EXAMPLES[0])).based_on).toBe('us-28-point');
  });

  it.each([
    [{ strip_km: 0 }, /"strip_km" must be a number of km greater than 0 and at most 50.*not 0/],
    [{ strip_km: -1 }, /not -1/],
    [{ strip_km: 51 }, /not 51/],
    [{ strip_km: '5' }, /not "5"/],
    [{ strip_km: null }, /not null/],
    [{ based_on: 'Not An Id' }, /"based_on" must be a scenario id/],
  ])('validateScenario rejects %j with a message naming the field', (extra, message) => {
    expect(() => validateScenario({ ...scenarioById('status-quo'), ...extra }, 'f.json')).toThrow(message);
  });
});
