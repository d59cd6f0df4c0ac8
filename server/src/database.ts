/** Opening huimin's database: the kernel's store, migrated, with the shipped regions and the first administrator. */
import type { Kysely } from 'kysely';
import type { Config } from './kernel/config.js';
import { migrate } from './kernel/db/migrate.js';
import { openDatabase, type OpenedDatabase } from './kernel/db/open.js';
import { ensureShippedRegions } from './modules/regions/regions.service.js';
import { bootstrapAdministrator } from './modules/users/users.service.js';

export type Db = Kysely<any>;

export interface PreparedDatabase extends OpenedDatabase<any> {
  migrationsApplied: string[];
  adminCreated: boolean;
  generatedAdminPassword: string | null;
  wasEmpty: boolean;
}

export async function prepareDatabase(
  config: Pick<Config, 'databaseUrl' | 'dataDir' | 'adminPassword'> & Partial<Pick<Config, 'timeZone'>>,
): Promise<PreparedDatabase> {
  const opened = await openDatabase<any>({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, timeZone: config.timeZone });
  try {
    const migrationsApplied = await migrate(opened.db);
    const regionsLoaded = await ensureShippedRegions(opened.db);
    const admin = await bootstrapAdministrator(opened.db, config.adminPassword);
    return {
      ...opened,
      migrationsApplied,
      adminCreated: admin.created,
      generatedAdminPassword: admin.generatedPassword,
      wasEmpty: regionsLoaded > 0,
    };
  } catch (error) {
    await opened.close();
    throw error;
  }
}
