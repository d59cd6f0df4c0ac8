/**
 * Data scope: which registry records a user may see or change. Resolved once per request
 * from the user's roles, then applied as a SQL condition in every repository query — never
 * by filtering in application code — so lists, reads, exports and writes agree.
 *
 * A record carries an owning organisation, a region and its creator. The levels are the
 * familiar five: 全部 all; 自定义 custom (chosen organisations and regions, each with its
 * subtree); 本部门 dept (the user's organisation); 本部门及以下 dept_and_below (its subtree);
 * 仅本人 self (records the user created). A user's jurisdiction region, when set, adds the
 * records in that region's subtree to the dept levels. Several roles: the union.
 */
import { sql, type RawBuilder } from 'kysely';
import type { DataScopeLevel } from './permissions.js';

export interface DataScope {
  all: boolean;
  orgIds: number[];
  orgPathPrefixes: string[];
  regionPrefixes: string[];
  ownerUserId: number | null;
}

export const EMPTY_SCOPE: DataScope = { all: false, orgIds: [], orgPathPrefixes: [], regionPrefixes: [], ownerUserId: null };
export const FULL_SCOPE: DataScope = { ...EMPTY_SCOPE, all: true };

export interface ScopeInputs {
  userId: number;
  orgId: number;
  orgPath: string;
  jurisdictionPrefix: string | null;
  levels: DataScopeLevel[];
  customOrgPaths: string[];
  customRegionPrefixes: string[];
}

export function resolveScope(input: ScopeInputs): DataScope {
  if (input.levels.includes('all')) return FULL_SCOPE;
  const scope: DataScope = { all: false, orgIds: [], orgPathPrefixes: [], regionPrefixes: [], ownerUserId: null };
  const usesDeptLevel = input.levels.includes('dept') || input.levels.includes('dept_and_below');
  if (input.levels.includes('dept')) scope.orgIds.push(input.orgId);
  if (input.levels.includes('dept_and_below')) scope.orgPathPrefixes.push(input.orgPath);
  if (usesDeptLevel && input.jurisdictionPrefix) scope.regionPrefixes.push(input.jurisdictionPrefix);
  if (input.levels.includes('custom')) {
    scope.orgPathPrefixes.push(...input.customOrgPaths);
    scope.regionPrefixes.push(...input.customRegionPrefixes);
  }
  if (input.levels.includes('self')) scope.ownerUserId = input.userId;
  return scope;
}

export interface ScopedColumns {
  org: string;
  region: string;
  createdBy: string;
}

/** The SQL condition "this row is inside the scope", on the given columns. */
export function scopeCondition(scope: DataScope, columns: ScopedColumns): RawBuilder<boolean> {
  if (scope.all) return sql<boolean>`true`;
  const parts: RawBuilder<unknown>[] = [];
  if (scope.orgIds.length > 0) {
    parts.push(sql`${sql.ref(columns.org)} = any(${scope.orgIds}::bigint[])`);
  }
  if (scope.orgPathPrefixes.length > 0) {
    const patterns = scope.orgPathPrefixes.map((prefix) => `${escapeLike(prefix)}%`);
    parts.push(sql`${sql.ref(columns.org)} in (select o.id from organisations o where o.path like any(${patterns}::text[]))`);
  }
  if (scope.regionPrefixes.length > 0) {
    const patterns = scope.regionPrefixes.map((prefix) => `${escapeLike(prefix)}%`);
    parts.push(sql`${sql.ref(columns.region)} like any(${patterns}::text[])`);
  }
  if (scope.ownerUserId !== null) {
    parts.push(sql`${sql.ref(columns.createdBy)} = ${scope.ownerUserId}`);
  }
  if (parts.length === 0) return sql<boolean>`false`;
  return sql<boolean>`(${sql.join(parts, sql` or `)})`;
}

/**
 * "This organisation is the user's own or below it", for records that belong to whoever must
 * act on them (a measure referred to a partner unit) rather than to a registry owner. Regions
 * and "own records" do not make a user a member of an organisation, so they grant nothing here.
 */
export function organisationScopeCondition(scope: DataScope, orgIds: RawBuilder<unknown>): RawBuilder<boolean> {
  if (scope.all) return sql<boolean>`true`;
  const parts: RawBuilder<unknown>[] = [];
  if (scope.orgIds.length > 0) parts.push(sql`${orgIds} && ${scope.orgIds}::bigint[]`);
  if (scope.orgPathPrefixes.length > 0) {
    const patterns = scope.orgPathPrefixes.map((prefix) => `${escapeLike(prefix)}%`);
    parts.push(sql`exists (select 1 from organisations so where so.id = any(${orgIds}) and so.path like any(${patterns}::text[]))`);
  }
  if (parts.length === 0) return sql<boolean>`false`;
  return sql<boolean>`(${sql.join(parts, sql` or `)})`;
}

export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}
