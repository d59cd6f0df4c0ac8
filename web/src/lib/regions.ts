/** Regions (GB/T 2260 codes down to community and grid): the calls the pickers and admin pages share. */
import { api } from './api';

export interface Region {
  code: string;
  name: string;
  level: number;
  parentCode: string | null;
  hasChildren?: boolean;
}

/** Levels: 1 province, 2 city, 3 county, 4 street/town, 5 community/village, 6+ grid. */
export const COMMUNITY_LEVEL = 5;

export const regionChildren = (parent?: string) => api.get<Region[]>('/api/regions', { parent });
export const regionPath = (code: string) => api.get<Region[]>(`/api/regions/${code}/path`);
export const searchRegions = (q: string) => api.get<Region[]>('/api/regions/search', { q });
export const addGrid = (communityCode: string, name: string) => api.post<Region>(`/api/regions/${communityCode}/grids`, { name });

/** The calls a region picker needs: the staff's (grids included) or the public form's. */
export interface RegionSource {
  children: (parent?: string) => Promise<Region[]>;
  path: (code: string) => Promise<Region[]>;
  search: (q: string) => Promise<Region[]>;
}

export const STAFF_REGIONS: RegionSource = { children: regionChildren, path: regionPath, search: searchRegions };

/** Without signing in, down to the community (grids are how staff divide the work). */
export const PUBLIC_REGIONS: RegionSource = {
  children: (parent) => api.get<Region[]>('/api/public/regions', { parent }),
  path: (code) => api.get<Region[]>(`/api/public/regions/${code}/path`),
  search: (q) => api.get<Region[]>('/api/public/regions/search', { q }),
};
