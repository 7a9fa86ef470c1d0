/** Legend labels of the map's classes (one place for the legend and the PNG export). */
import { translate, type Locale, type MessageKey } from '../i18n/messages';
import type { DisplayClass } from '../map/scenarioLayers';

/** A class's legend label in a locale (message `legend.<class>`; i18n.test checks every class has one). */
export function legendLabel(cls: DisplayClass, locale: Locale = 'en'): string {
  return translate(locale, `legend.${cls}` as MessageKey);
}
