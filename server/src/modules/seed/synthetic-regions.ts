/**
 * Where synthetic households live: a community or village (level 5) drawn by city share
 * (银川 40%, 吴忠 20%, 固原 15%, 中卫 15%, 石嘴山 10%), uniformly among that city's
 * communities and villages, and a street address that reads like the place.
 */
import { CITY_SHARES } from './synthetic-data.js';
import { Rng, Weighted } from './synthetic-random.js';

export interface RegionInfo {
  code: string;
  name: string;
  level: number;
  parentCode: string | null;
}

export interface Place {
  /** Level-5 code, e.g. 640104001002. */
  code: string;
  /** The six-digit county code that starts an ID number. */
  county: string;
  countyIndex: number;
  /** '兴庆区凤凰北街街道崇安社区' */
  label: string;
  urban: boolean;
  /** The community or village itself, e.g. '崇安社区' (employer of public-welfare posts). */
  localName: string;
  countyName: string;
}

export class RegionPicker {
  readonly counties: string[];
  private readonly byCity: Weighted<Place[]>;

  constructor(regions: readonly RegionInfo[]) {
    const byCode = new Map(regions.map((r) => [r.code, r]));
    const counties = new Set<string>();
    const placesByCity = new Map<string, Place[]>();
    const sorted = regions.filter((r) => r.level === 5).sort((a, b) => (a.code < b.code ? -1 : 1));
    const draft: Omit<Place, 'countyIndex'>[] = [];
    for (const region of sorted) {
      const town = region.parentCode ? byCode.get(region.parentCode) : undefined;
      const county = town?.parentCode ? byCode.get(town.parentCode) : undefined;
      if (!town || !county || !/^\d{6}$/.test(county.code)) continue;
      // '崇安社区居委会' → '崇安社区', '龙王坝村委会' → '龙王坝村'; a bare '新华居委会' stays as it is.
      const localName = region.name.replace(/社区居(民)?委(员)?会$/, '社区').replace(/村(民)?委(员)?会$/, '村');
      const urban = /社区|居委会|居民委员会|生活区/.test(region.name);
      draft.push({ code: region.code, county: county.code, label: `${county.name}${town.name}${localName}`, urban, localName, countyName: county.name });
      counties.add(county.code);
    }
    this.counties = [...counties].sort();
    const countyIndex = new Map(this.counties.map((c, i) => [c, i]));
    for (const d of draft) {
      const city = `${d.county.slice(0, 4)}00`;
      const list = placesByCity.get(city) ?? [];
      list.push({ ...d, countyIndex: countyIndex.get(d.county)! });
      placesByCity.set(city, list);
    }
    const shares = CITY_SHARES.filter(([city]) => placesByCity.has(city));
    // Regions outside Ningxia (another province loaded instead): equal shares per city.
    const cities = shares.length > 0 ? shares : [...placesByCity.keys()].sort().map((c) => [c, 1] as const);
    if (cities.length === 0) throw new Error('没有可用的社区/村（5 级区划）No level-5 regions to place synthetic households in');
    this.byCity = new Weighted(cities.map(([c]) => placesByCity.get(c)!), cities.map(([, w]) => w));
  }

  pick(rng: Rng): Place {
    return rng.pick(this.byCity.pick(rng));
  }
}

/** '兴庆区凤凰北街街道崇安社区 12号楼3单元502室' or '西吉县吉强镇龙王坝村 3组27号'. */
export function streetAddress(rng: Rng, place: Place): string {
  if (place.urban) {
    return `${place.label}${rng.range(1, 40)}号楼${rng.range(1, 6)}单元${rng.range(1, 18)}0${rng.range(1, 4)}室`;
  }
  return `${place.label}${rng.range(1, 12)}组${rng.range(1, 120)}号`;
}
