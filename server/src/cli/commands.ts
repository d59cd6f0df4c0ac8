/** The CLI's commands, each a function of its arguments returning an exit code. */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { WEB_DIST } from '../app.js';
import { systemActor } from '../kernel/auth/actor.js';
import type { Config } from '../kernel/config.js';
import { prepareDatabase } from '../database.js';
import { startServer } from '../server.js';
import { importProvince } from '../modules/regions/regions.service.js';
import { seedDemo } from '../modules/seed/demo.js';
import { listUsers } from '../modules/users/users.repo.js';
import { createUser } from '../modules/users/users.service.js';
import { DEMO_PASSWORD, DEMO_USERS } from '../modules/seed/demo-data.js';

const HELP = `惠民 huimin — 精准救助平台 precision social assistance

用法 Usage: npx huimin <command> [options]

  serve [--build-if-missing]        启动服务 Start the server (web app + API)
  migrate                           执行数据库迁移 Apply database migrations
  seed demo                         载入演示数据 Load the demo scenario
  seed synthetic --persons N [--seed S]
                                    生成合成人口 Generate a synthetic population
  import persons|households FILE [--dry-run] [--mode update|skip] [--json] [--org ID]
                                    导入 Excel/CSV Import a workbook or CSV
  user create --username U --name N --org ID --role R [--region CODE]
  user list                         用户管理 Users
  regions import PROVINCE_CODE      从统计用区划数据导入一个省 Load a province's regions
  policy check FILE                 检查规则（.cel 资格条件或 .json 政策版本）Check a rule
  policy eval --household ID [--json]
                                    该户适用的全部政策及解释 Every policy for one household, explained
  policy run [--policy CODE ...] [--region CODE ...] [--json]
                                    政策找人 Run "the policy finds the person"
  policy sweep                      每日监测（到期、生效的信息；公益性岗位到期提醒）Daily monitoring sweep
  payments run --period YYYY-MM|YYYY [--policy CODE ...] [--json]
                                    生成某期发放批次（已生成则原样返回）Create the period's payment run
  ledger check [--json]             台账正确性检查（有误时退出码非 0）Check the ledger
`;

type Command = (args: string[], config: Config) => Promise<number>;

/**
 * SIGTERM (a service manager) or Ctrl-C stops taking requests, lets those under way finish and
 * closes the database — the embedded one must be closed to flush — within ten seconds, else exits anyway.
 */
function stopOnSignal(close: () => Promise<void>): void {
  const stop = (signal: NodeJS.Signals) => {
    console.log(`${signal}：正在停止 stopping`);
    setTimeout(() => process.exit(1), 10_000).unref();
    close().then(() => process.exit(0), (error) => {
      console.error(`停止时出错 Error while stopping: ${error?.message ?? error}`);
      process.exit(1);
    });
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}

const commands: Record<string, Command> = {
  help: async () => {
    console.log(HELP);
    return 0;
  },
  serve: async (args, config) => {
    const { values } = parseArgs({ args, options: { 'build-if-missing': { type: 'boolean' } } });
    if (values['build-if-missing']) buildWebIfMissing();
    const server = await startServer(config);
    stopOnSignal(server.close);
    if (config.demo && !config.databaseUrl) console.log(`演示账号 Demo users: ${DEMO_USERS.map((u) => u.username).join(', ')} / ${DEMO_PASSWORD}`);
    return 0;
  },
  migrate: async (_args, config) => withDatabase(config, async (db) => {
    console.log('数据库已是最新 Database is up to date');
    return db ? 0 : 1;
  }),
  seed: async (args, config) => {
    const [what, ...rest] = args;
    if (what === 'demo') {
      return withDatabase(config, async (db) => {
        const summary = await seedDemo(db);
        console.log(summary.skipped ? '演示数据已存在 Demo data already present' : `已载入演示数据：${summary.households} 户 ${summary.persons} 人 ${summary.users} 个账号，${summary.policies} 项政策，${summary.enrollments} 条享受记录`);
        return 0;
      });
    }
    if (what === 'synthetic') {
      const { values } = parseArgs({ args: rest, options: { persons: { type: 'string' }, seed: { type: 'string', default: '1' } } });
      const persons = Number(values.persons);
      if (!Number.isInteger(persons) || persons < 1) throw new Error('--persons 须为正整数 must be a positive integer');
      const { seedSynthetic } = await import('../modules/seed/synthetic.js');
      return withDatabase(config, async (db) => {
        const result = await seedSynthetic(db, { persons, seed: Number(values.seed), onProgress: (done) => process.stdout.write(`\r${done}/${persons}`) });
        console.log(`\n已生成 ${result.persons} 人 / ${result.households} 户，用时 ${(result.ms / 1000).toFixed(1)} s`);
        return 0;
      });
    }
    throw new Error('用法 usage: huimin seed demo | huimin seed synthetic --persons N [--seed S]');
  },
  import: async (args, config) => {
    const { runImportCommand } = await import('../modules/registry/transfer/import.cli.js');
    return withDatabase(config, (db) => runImportCommand(db, args));
  },
  user: async (args, config) => {
    const [what, ...rest] = args;
    if (what === 'list') {
      return withDatabase(config, async (db) => {
        for (const u of await listUsers(db)) console.log(`${u.id}\t${u.username}\t${u.displayName}\t${u.orgName}\t${u.roles.join(',')}`);
        return 0;
      });
    }
    if (what === 'create') {
      const { values } = parseArgs({
        args: rest,
        options: { username: { type: 'string' }, name: { type: 'string' }, org: { type: 'string' }, role: { type: 'string', multiple: true }, region: { type: 'string' } },
      });
      return withDatabase(config, async (db) => {
        const result = await createUser(db, systemActor('cli'), {
          username: values.username ?? '',
          displayName: values.name ?? values.username ?? '',
          orgId: Number(values.org),
          roleCodes: values.role ?? [],
          regionCode: values.region ?? null,
        });
        console.log(`已创建用户 #${result.id}，初始密码（首次登录须修改）：${result.generatedPassword}`);
        return 0;
      });
    }
    throw new Error('用法 usage: huimin user create|list');
  },
  policy: async (args, config) => {
    const { runPolicyCommand } = await import('../modules/policies/policy.cli.js');
    return runPolicyCommand(args, (fn) => withDatabase(config, fn));
  },
  payments: async (args, config) => {
    const { runPaymentsCommand } = await import('../modules/benefits/payments/payments.cli.js');
    return runPaymentsCommand(args, (fn) => withDatabase(config, fn));
  },
  ledger: async (args, config) => {
    const { runLedgerCommand } = await import('../modules/benefits/payments/payments.cli.js');
    return runLedgerCommand(args, (fn) => withDatabase(config, fn));
  },
  regions: async (args, config) => {
    if (args[0] !== 'import' || !args[1]) throw new Error('用法 usage: huimin regions import PROVINCE_CODE');
    return withDatabase(config, async (db) => {
      const count = await importProvince(db, args[1]);
      console.log(`已导入 ${count} 个区划 regions loaded`);
      return 0;
    });
  },
};

export async function runCommand(name: string, args: string[], config: Config): Promise<number> {
  const command = commands[name];
  if (!command) {
    console.error(`未知命令 Unknown command: ${name}\n`);
    console.log(HELP);
    return 2;
  }
  return command(args, config);
}

async function withDatabase(config: Config, fn: (db: any) => Promise<number>): Promise<number> {
  const database = await prepareDatabase(config);
  try {
    // stderr, so `--json` output on stdout stays parseable.
    if (database.generatedAdminPassword) console.error(`管理员 Administrator: admin / ${database.generatedAdminPassword}（只显示这一次 shown once）`);
    return await fn(database.db);
  } finally {
    await database.close();
  }
}

/** `npm start` right after `npm ci`: build the web app once if it is not there yet. */
function buildWebIfMissing(): void {
  if (fs.existsSync(path.join(WEB_DIST, 'index.html'))) return;
  console.log('首次启动，正在构建网页端 Building the web app (first start)…');
  const result = spawnSync('npx', ['vite', 'build', '--config', 'web/vite.config.ts', '--logLevel', 'warn'], { stdio: 'inherit', cwd: path.resolve(WEB_DIST, '../..') });
  if (result.status !== 0) throw new Error('网页端构建失败 web build failed');
}
