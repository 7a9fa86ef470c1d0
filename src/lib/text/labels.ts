/** Legend labels of the map's classes (one place for the legend and the PNG export). */
import { translate, type Locale, type MessageKey } from '../i18n/messages';
import type { DisplayClass } from '../map/scenarioLayers';

const KEYS: Record<DisplayClass, MessageKey> = {
  russia: 'legend.russia',
  ceded: 'legend.ceded',
  buffer: 'legend.buffer',
  returned: 'legend.returned',
  contested: 'legend.contested',
};

/** A class's legend label in a locale. */
export function legendLabel(cls: DisplayClass, locale: Locale = 'en'): string {
  return translate(locale, KEYS[cls]);
}
