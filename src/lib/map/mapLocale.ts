/**
 * MapLibre's own texts (its controls, the popup, the scale bar) in the
 * page's language, and switching them on a live map.
 *
 * Why a patch: MapLibre reads its `locale` option once, when the map is
 * made, and has no API to change it. Switching the page's language would
 * leave the controls in the old one. So the controls already made are
 * relabelled here, and the map's private `_locale` (which `_getUIString`
 * reads) is replaced, so that controls made later (popups, the scale bar's
 * next update) use the new texts. This is the only place that touches
 * MapLibre's internals: if an update renames `_locale`, only the controls
 * made after a switch keep the old language, and this module is the fix.
 */
import type * as maplibregl from 'maplibre-gl';
import { translate, type Locale } from '../i18n/messages';

/**
 * MapLibre's UI strings in a locale (the `locale` option's keys).
 *
 * @example
 *   uiStrings('uk')['ScaleControl.Meters']; // 'м'
 */
export function uiStrings(l: Locale): Record<string, string> {
  return {
    'NavigationControl.ZoomIn': translate(l, 'map.zoomIn'),
    'NavigationControl.ZoomOut': translate(l, 'map.zoomOut'),
    'NavigationControl.ResetBearing': translate(l, 'map.resetBearing'),
    'AttributionControl.ToggleAttribution': translate(l, 'map.toggleAttribution'),
    'Popup.Close': translate(l, 'map.closePopup'),
    'ScaleControl.Kilometers': translate(l, 'unit.km'),
    'ScaleControl.Meters': l === 'uk' ? 'м' : 'm',
    'Map.Title': translate(l, 'map.label'),
    // Shown over an embed's map when the wheel or one finger would move it (cooperative gestures).
    'CooperativeGesturesHandler.WindowsHelpText': translate(l, 'map.gestureWheel'),
    'CooperativeGesturesHandler.MacHelpText': translate(l, 'map.gestureWheelMac'),
    'CooperativeGesturesHandler.MobileHelpText': translate(l, 'map.gestureTouch'),
  };
}

/** Switches a live map's own texts to a locale (see the module comment for why this patches `_locale`). */
export function setMapLocale(m: maplibregl.Map, l: Locale): void {
  const strings = uiStrings(l);
  const internal = m as unknown as { _locale: Record<string, string> };
  internal._locale = { ...internal._locale, ...strings };
  const root = m.getContainer();
  const relabel = (selector: string, key: string): void =>
    root.querySelectorAll(selector).forEach((el) => {
      el.setAttribute('title', strings[key]);
      el.setAttribute('aria-label', strings[key]);
    });
  relabel('.maplibregl-ctrl-zoom-in', 'NavigationControl.ZoomIn');
  relabel('.maplibregl-ctrl-zoom-out', 'NavigationControl.ZoomOut');
  relabel('.maplibregl-ctrl-compass', 'NavigationControl.ResetBearing');
  relabel('.maplibregl-ctrl-attrib-button', 'AttributionControl.ToggleAttribution');
  m.getCanvas().setAttribute('aria-label', strings['Map.Title']);
  // The cooperative-gesture screen's two messages (made once, when the option is enabled).
  const mac = navigator.userAgent.includes('Mac');
  const text = (selector: string, key: string): void =>
    root.querySelectorAll(selector).forEach((el) => (el.textContent = strings[key]));
  text('.maplibregl-desktop-message', `CooperativeGesturesHandler.${mac ? 'Mac' : 'Windows'}HelpText`);
  text('.maplibregl-mobile-message', 'CooperativeGesturesHandler.MobileHelpText');
  m.fire('move'); // the scale bar redraws its unit on move
}
