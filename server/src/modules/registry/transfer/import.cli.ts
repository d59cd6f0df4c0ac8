/**
 * `huimin import persons|households FILE [--dry-run] [--mode update|skip]
 *   [--policy all_or_nothing|valid_only] [--org ID] [--json]`
 * Runs as the operator (all permissions, all data) with new records owned by --org or the
 * root organisation. Exit code 0: valid (and committed unless a dry run); 1: invalid rows or
 * an unreadable file; 2: wrong arguments.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { sql, type Kysely } from 'kysely';
import { systemActor } from '../../../kernel/auth/actor.js';
import { loadConfig } from '../../../kernel/config.js';
import { AppError } from '../../../kernel/errors.js';
import { IMPORT_KINDS, type ImportKind } from './columns.js';
import { fieldLabel, importFile, type CommitPolicy, type ImportMode, type ImportResult, type RowError } from './import.service.js';

const USAGE = '用法 usage: huimin import persons|households FILE [--dry-run] [--mode update|skip] [--policy all_or_nothing|valid_only] [--org ID] [--json]';
const SHOWN_ERRORS = 50;

class UsageError extends Error {}

function parse(args: string[]) {
  let parsed;
  try {
    parsed = parseArgs({
      args,
      allowPositionals: true,
      options: {
        'dry-run': { type: 'boolean', default: false },
        mode: { type: 'string', default: 'update' },
        policy: { type: 'string', default: 'all_or_nothing' },
        org: { type: 'string' },
        json: { type: 'boolean', default: false },
      },
    });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const { values, positionals } = parsed;
  const [kind, file, ...extra] = positionals;
  if (!IMPORT_KINDS.includes(kind as ImportKind)) throw new UsageError(`导入类型应为 persons 或 households，而不是 “${kind ?? ''}”`);
  if (!file || extra.length > 0) throw new UsageError('请给出一个要导入的文件');
  if (!fs.existsSync(file) || !fs.statSync(file).isFile()) throw new UsageError(`文件不存在：${file}`);
  if (values.mode !== 'update' && values.mode !== 'skip') throw new UsageError('--mode 应为 update 或 skip');
  if (values.policy !== 'all_or_nothing' && values.policy !== 'valid_only') throw new UsageError('--policy 应为 all_or_nothing 或 valid_only');
  const org = values.org === undefined ? undefined : Number(values.org);
  if (org !== undefined && !(Number.isInteger(org) && org > 0)) throw new UsageError('--org 应为单位编号（正整数）');
  return { kind: kind as ImportKind, file, dryRun: values['dry-run']!, mode: values.mode as ImportMode, policy: values.policy as CommitPolicy, org, json: values.json! };
}

export async function runImportCommand(db: Kysely<any>, args: string[]): Promise<number> {
  let options;
  try {
    options = parse(args);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    console.error(`${error.message}\n${USAGE}`);
    return 2;
  }
  const orgId = options.org ?? (await sql<{ id: number }>`select id from organisations where parent_id is null order by id limit 1`.execute(db)).rows[0]?.id;
  if (orgId === undefined) {
    console.error('数据库中还没有单位，请先启动一次服务完成初始化');
    return 2;
  }
  const actor = { ...systemActor('cli'), orgId };
  let result: ImportResult;
  try {
    result = await importFile(db, actor, {
      kind: options.kind,
      filePath: options.file,
      fileName: path.basename(options.file),
      mode: options.mode,
      policy: options.policy,
      dryRun: options.dryRun,
      orgId,
      limitBytes: loadConfig().uploadLimitBytes,
    });
  } catch (error) {
    if (!(error instanceof AppError) || error.status >= 500) throw error;
    if (error.code === 'forbidden' || (error.code === 'validation_failed' && error.detail?.field === 'orgId')) {
      console.error(error.messageIn('zh'));
      return 2;
    }
    const problems: RowError[] = (error.detail?.problems ?? []).map((p) => ({ row: p.row ?? 0, column: p.column ?? '', field: p.field, message: p.message }));
    if (options.json) console.log(JSON.stringify({ rows: 0, valid: 0, invalid: 0, errors: problems.length ? problems : [{ row: 0, column: '', field: 'file', message: error.messageIn('zh') }] }));
    else console.error(`导入失败：${error.messageIn('zh')}`);
    return 1;
  }
  const wrote = !options.dryRun && result.committed;
  if (options.json) {
    const counts = wrote ? { inserted: result.inserted, updated: result.updated, skipped: result.skipped } : {};
    console.log(JSON.stringify({ rows: result.rows, valid: result.valid, invalid: result.invalid, errors: result.errors, ...counts }));
  } else {
    console.log(summary(result, options));
  }
  return result.invalid > 0 ? 1 : 0;
}

function summary(r: ImportResult, options: { dryRun: boolean; policy: CommitPolicy; mode: ImportMode }): string {
  const lines = [`文件：${r.fileName}（${r.format === 'csv' ? `CSV，${r.encoding === 'gb18030' ? 'GB18030' : 'UTF-8'} 编码` : `工作表“${r.sheetName}”`}）`];
  lines.push(`共 ${r.rows} 行：正确 ${r.valid} 行，有误 ${r.invalid} 行${r.kind === 'households' ? `；新家庭 ${r.newHouseholds} 户` : ''}`);
  for (const w of r.warnings) lines.push(`提示：${w}`);
  if (options.dryRun) {
    lines.push(`仅检查，未写入：将新增 ${r.toInsert} 人，${options.mode === 'update' ? '更新' : '跳过'} ${options.mode === 'update' ? r.toUpdate : r.skipped} 名已登记人员`);
  } else if (r.committed) {
    lines.push(`已导入：新增 ${r.inserted} 人，更新 ${r.updated} 人，跳过 ${r.skipped} 人${r.kind === 'households' ? `，新建家庭 ${r.householdsCreated} 户` : ''}（用时 ${(r.ms / 1000).toFixed(1)} 秒）`);
  } else {
    lines.push(`有 ${r.invalid} 行有误，按“全部正确才导入”的规则未写入任何数据（可改用 --policy valid_only 只导入正确的行）`);
  }
  if (r.errorCount > 0) {
    lines.push(`错误${r.errorCount > SHOWN_ERRORS ? `（共 ${r.errorCount} 条，显示前 ${SHOWN_ERRORS} 条）` : ''}：`);
    for (const e of r.errors.slice(0, SHOWN_ERRORS)) {
      lines.push(`  第 ${e.row} 行${e.column ? ` ${e.column} 列` : ''}（${fieldLabel(e.field)}）：${e.message}`);
    }
  }
  return lines.join('\n');
}
