/**
 * The huimin command line: serve, migrate, seed, import, user, regions.
 * Run from a checkout as `npx huimin <command>`; `npx huimin help` lists the commands.
 */
import { loadConfig } from './kernel/config.js';
import { runCommand } from './cli/commands.js';

const [command = 'help', ...rest] = process.argv.slice(2);
try {
  process.exitCode = await runCommand(command, rest, loadConfig());
} catch (error: any) {
  console.error(`错误 Error: ${error?.message ?? error}`);
  process.exitCode = 1;
}
