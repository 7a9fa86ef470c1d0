/** Legend labels of the map's classes (one place for the legend and the PNG export). */
import type { DisplayClass } from '../map/scenarioLayers';

export const LEGEND_LABELS: Record<DisplayClass, string> = {
  russia: 'Held by Russia',
  ceded: 'Ukraine would give up',
  buffer: 'Demilitarised buffer zone',
  returned: 'Russia would return',
  contested: 'Contested (grey zone)',
};
