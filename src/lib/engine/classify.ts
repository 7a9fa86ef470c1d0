/**
 * Classification of DeepStateMap's raw layers.
 *
 * DeepState names each polygon by its layer, and the naming changed over the
 * years: Ukrainian only in spring 2022 ("Окуповано", "ОРДЛО", "Звільнено
 * 25.03"), then "Ukrainian /// English", later with an i18n key
 * ("... /// geoJSON.status.occupied"). We classify by the i18n key when there is
 * one, then by words in either language, then by the layer's fill colour
 * (DeepState's palette has been stable: red occupied, grey unknown, green or
 * blue liberated), and only then give up. The rules are ordered: "Окупована
 * область Петсамо" is occupied, but not Ukraine.
 */

/**
 * What a layer of a DeepState raw file means for control of territory.
 *
 * @example classifyLayer('Окуповано /// Occupied', '#a52714') // 'occupied'
 */
export type LayerClass = 'occupied' | 'contested' | 'ordlo' | 'crimea' | 'liberated' | 'not-ukraine' | 'unclassified';

/**
 * Classes that are Russian-held territory of Ukraine on the snapshot's date.
 *
 * @example HELD_BY_RUSSIA.includes(classifyLayer(name, fill)) // counts as occupied
 */
export const HELD_BY_RUSSIA: readonly LayerClass[] = ['occupied', 'ordlo', 'crimea'];

interface Rule {
  test: RegExp;
  cls: LayerClass;
}

const KEY_RULES: Rule[] = [
  { test: /geoJSON\.status\.occupied/, cls: 'occupied' },
  { test: /geoJSON\.status\.unknown/, cls: 'contested' },
  { test: /geoJSON\.status\.dismissed/, cls: 'liberated' },
  { test: /geoJSON\.territories\.ordlo/, cls: 'ordlo' },
  { test: /geoJSON\.territories\.(crimea|tuzla)/, cls: 'crimea' },
  { test: /geoJSON\.territories\./, cls: 'not-ukraine' },
];

const WORD_RULES: Rule[] = [
  // Occupied areas of other countries come first: they contain "Окупован".
  {
    test: /Придністров|Transnistria|Петсамо|Petsamo|Салла|Salla|Естон|Eston|Латві|Latvia|Печорськ|Pechorsk|Курил|Kuril|Пруссі|Prussia|Абхаз|Abkhaz|Карелі|Karelia|Ічкері|Ichkeria|Цхінвал|Tskhinval/i,
    cls: 'not-ukraine',
  },
  { test: /ОРДЛО|CADR|CALR/i, cls: 'ordlo' },
  { test: /Крим|Crimea|Тузла|Tuzla/i, cls: 'crimea' },
  // Snake Island changed hands in 2022: its colour says who held it.
  { test: /Зміїний|Snake Island/i, cls: 'unclassified' },
  {
    test: /Статус невідомий|Unknown status|Під питанням|Contested|Contensed|Сіра зона|Ситуація невідома|достеменно невідомо/i,
    cls: 'contested',
  },
  { test: /Окупован|Occupied|зайняті ворогом|Окуповані/i, cls: 'occupied' },
  { test: /Звільнен|Liberated|Taken back|Recaptured|Під контролем ЗСУ|Орки відсутні/i, cls: 'liberated' },
];

const FILL_CLASSES: Record<string, LayerClass> = {
  '#a52714': 'occupied',
  '#bcaaa4': 'contested',
  '#bdbdbd': 'contested',
  '#0f9d58': 'liberated',
  '#0288d1': 'liberated',
  '#01579b': 'liberated',
};

/**
 * The class of one raw DeepState polygon from its `name` and `fill`.
 *
 * @example classifyLayer('Окуповано /// Occupied /// geoJSON.status.occupied') // 'occupied'
 * @example classifyLayer('Зміїний /// Snake Island', '#a52714') // 'occupied'
 */
export function classifyLayer(name: string | undefined, fill?: string): LayerClass {
  const text = name ?? '';
  for (const rule of KEY_RULES) if (rule.test.test(text)) return rule.cls;
  for (const rule of WORD_RULES) {
    if (rule.test.test(text)) {
      if (rule.cls !== 'unclassified') return rule.cls;
      break;
    }
  }
  return FILL_CLASSES[(fill ?? '').toLowerCase()] ?? 'unclassified';
}
