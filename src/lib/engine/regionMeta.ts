/**
 * Ukraine's 27 first-level units and their groups: ids, names, members. No
 * geometry, so the page can name and group regions without loading the
 * polygon code (regions.ts has the boundaries).
 */
import regionTable from '../../../data/regions.json';

/**
 * One of the 27 units, as data/regions.json has it: ISO id, Natural Earth
 * code, English and Ukrainian names, and other names boundary files use.
 *
 * @example REGIONS.find((r) => r.id === 'UA-14')!.name_uk // 'Донецька область'
 */
export interface RegionMeta {
  id: string;
  ne: string;
  name_en: string;
  name_uk: string;
  aliases: string[];
}

/**
 * A group of units reported together (Donbas, Crimea, Ukraine).
 *
 * @example GROUPS.find((g) => g.id === 'donbas')!.members // ['UA-14', 'UA-09']
 */
export interface GroupMeta {
  id: string;
  name_en: string;
  name_uk: string;
  members: string[];
}

/**
 * The 27 units in report order.
 *
 * @example REGIONS.length // 27
 */
export const REGIONS: readonly RegionMeta[] = regionTable.regions;
/**
 * The 27 ids in report order (the order of stats.json's rows).
 *
 * @example REGION_IDS.indexOf('UA-14')
 */
export const REGION_IDS: readonly string[] = REGIONS.map((r) => r.id);
/**
 * The groups, after the regions in every report.
 *
 * @example GROUPS.map((g) => g.id) // ['donbas', 'crimea', 'ukraine']
 */
export const GROUPS: readonly GroupMeta[] = regionTable.groups.map((g) => ({
  ...g,
  members: g.members === 'all' ? [...REGION_IDS] : (g.members as string[]),
}));
