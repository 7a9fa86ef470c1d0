/**
 * Ukraine's 27 first-level units and their groups: ids, names, members. No
 * geometry, so the page can name and group regions without loading the
 * polygon code (regions.ts has the boundaries).
 */
import regionTable from '../../../data/regions.json';

export interface RegionMeta {
  id: string;
  ne: string;
  name_en: string;
  name_uk: string;
  aliases: string[];
}

export interface GroupMeta {
  id: string;
  name_en: string;
  name_uk: string;
  members: string[];
}

export const REGIONS: readonly RegionMeta[] = regionTable.regions;
export const REGION_IDS: readonly string[] = REGIONS.map((r) => r.id);
export const GROUPS: readonly GroupMeta[] = regionTable.groups.map((g) => ({
  ...g,
  members: g.members === 'all' ? [...REGION_IDS] : (g.members as string[]),
}));
