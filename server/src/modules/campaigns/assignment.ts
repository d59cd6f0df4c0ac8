/**
 * Who visits which household: the grid worker whose jurisdiction is the household's own region
 * or, failing that, its nearest ancestor grid or community. A street's or a district's staff
 * are not grid workers of the household, so the search stops at the community. Where several
 * workers share that region, each household goes to the one with the fewest so far, so a
 * grid's two workers split its households evenly. Pure: the caller loads and writes.
 */

export const COMMUNITY_LEVEL = 5;

export interface HouseholdToAssign {
  id: number;
  /** The household's region and its ancestors at community level or below, nearest first. */
  regions: string[];
}

export interface Worker {
  id: number;
  regionCode: string;
}

/**
 * The worker for each household (null: nobody covers it). `load` is how many households each
 * worker already has in the campaign; it is not changed.
 */
export function assignWorkers(households: HouseholdToAssign[], workers: Worker[], load: ReadonlyMap<number, number> = new Map()): Map<number, number | null> {
  const byRegion = new Map<string, number[]>();
  for (const worker of [...workers].sort((a, b) => a.id - b.id)) {
    byRegion.set(worker.regionCode, [...(byRegion.get(worker.regionCode) ?? []), worker.id]);
  }
  const counts = new Map(load);
  const result = new Map<number, number | null>();
  for (const household of [...households].sort((a, b) => a.id - b.id)) {
    const region = household.regions.find((code) => byRegion.has(code));
    if (!region) {
      result.set(household.id, null);
      continue;
    }
    const chosen = byRegion.get(region)!.reduce((best, id) => ((counts.get(id) ?? 0) < (counts.get(best) ?? 0) ? id : best));
    counts.set(chosen, (counts.get(chosen) ?? 0) + 1);
    result.set(household.id, chosen);
  }
  return result;
}

/**
 * Each start region's chain upwards, nearest first, kept while the level is community or below
 * (levels 5 and deeper: community, grid, sub-grid). `regions` maps a code to its parent and level.
 */
export function regionChains(starts: string[], regions: ReadonlyMap<string, { parentCode: string | null; level: number }>): Map<string, string[]> {
  const chains = new Map<string, string[]>();
  for (const start of starts) {
    const chain: string[] = [];
    let code: string | null = start;
    while (code) {
      const region = regions.get(code);
      if (!region || region.level < COMMUNITY_LEVEL) break;
      chain.push(code);
      code = region.parentCode;
    }
    chains.set(start, chain);
  }
  return chains;
}
