/** Starting huimin: open and prepare the database, load demo data on an empty embedded one, listen. */
import { buildApp } from './app.js';
import type { Config } from './kernel/config.js';
import { prepareDatabase } from './database.js';
import { seedDemo } from './modules/seed/demo.js';
import { scheduleDailySweep } from './modules/policies/monitoring/monitor.js';
import { systemActor } from './kernel/auth/actor.js';

export async function startServer(config: Config): Promise<{ close: () => Promise<void>; url: string }> {
  const database = await prepareDatabase(config);
  if (database.wasEmpty && config.demo && !config.databaseUrl) {
    const summary = await seedDemo(database.db);
    console.log(`已载入演示数据 Demo data loaded: ${summary.households} 户 households, ${summary.persons} 人 persons`);
  }
  const app = await buildApp(database.db, config);
  await app.listen({ port: config.port, host: config.host });
  const stopSweep = scheduleDailySweep(database.db, systemActor('monitor'), (message) => app.log.info(message));
  const shownHost = config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host;
  const url = `http://${shownHost}:${config.port}`;
  console.log(`\n惠民 huimin 已启动 is running: ${url}`);
  console.log(`数据库 Database: ${database.kind === 'pglite' ? `PGlite (${config.dataDir})` : 'PostgreSQL'}`);
  if (database.adminCreated) {
    console.log(`管理员 Administrator: admin / ${database.generatedAdminPassword ?? '（HUIMIN_ADMIN_PASSWORD 中设置的密码 the password in HUIMIN_ADMIN_PASSWORD）'}`);
    if (database.generatedAdminPassword) console.log('此密码只显示这一次，请妥善保存 This password is shown only once.');
  }
  return {
    url,
    close: async () => {
      stopSweep();
      await app.close();
      await database.close();
    },
  };
}
