/** Regions: the shipped province tree, imports of other provinces, and grids added by users. */
import type { Kysely } from 'kysely';
import { requirePermission, type Actor } from '../../kernel/auth/actor.js';
import { recordAudit } from '../../kernel/audit.js';
import { invalidField, notFound } from '../../kernel/errors.js';
import { readShippedRegions } from './region-file.js';
import { countRegions, findRegion, nextGridCode, upsertRegions, type Region } from './regions.repo.js';

export const DEFAULT_PROVINCE = '640000';
const COMMUNITY_LEVEL = 5;
const MAX_LEVEL = 8;

/** Loads the shipped Ningxia tree into an empty database. */
export async function ensureShippedRegions(db: Kysely<any>, provinceCode = DEFAULT_PROVINCE): Promise<number> {
  if ((await countRegions(db)) > 0) return 0;
  return upsertRegions(db, readShippedRegions(provinceCode));
}

/** Loads a province from the official statistics package (a dev dependency, used by operators). */
export async function importProvince(db: Kysely<any>, provinceCode: string): Promise<number> {
  const { loadProvinceFromChinaDivision } = await import('./region-source.js');
  const rows = loadProvinceFromChinaDivision(provinceCode);
  return db.transaction().execute((trx) => upsertRegions(trx, rows));
}

/** Adds a grid (网格) below a community or village, or a sub-grid below a grid. */
export async function addGrid(db: Kysely<any>, actor: Actor, parentCode: string, name: string): Promise<Region> {
  requirePermission(actor, 'admin:orgs');
  const trimmed = name.trim();
  if (!trimmed) throw invalidField('name', '网格名称不能为空', 'grid name is required');
  return db.transaction().execute(async (trx) => {
    const parent = await findRegion(trx, parentCode);
    if (!parent) throw notFound();
    if (parent.level < COMMUNITY_LEVEL || parent.level >= MAX_LEVEL) {
      throw invalidField('parentCode', '网格只能建在社区（村）或网格之下', 'grids go below a community, village or grid');
    }
    const code = await nextGridCode(trx, parent.code);
    await upsertRegions(trx, [{ code, name: trimmed, level: parent.level + 1, parentCode: parent.code }]);
    const region = (await findRegion(trx, code))!;
    await recordAudit(trx, actor, { action: 'region.grid_added', entityType: 'region', entityId: code, after: region });
    return region;
  });
}
