/**
 * `huimin policy …` for operators and batch jobs:
 *   check FILE                              parse and type-check a rule (.cel: an eligibility rule; .json: a policy version)
 *   eval --household ID [--json]            every active policy for one household, with explanations
 *   run [--policy CODE ...] [--region CODE ...] [--json]   a population run ("the policy finds the person")
 *   sweep                                   the daily monitoring sweep
 */
import fs from 'node:fs';
import { parseArgs } from 'node:util';
import type { Kysely } from 'kysely';
import type { BenefitRule, ExplanationNode, PolicyVersionInput, RuleProblem } from '../../contracts/policies.js';
import { systemActor } from '../../kernel/auth/actor.js';
import { checkRules } from './compile.js';
import { evaluateHousehold } from './evaluation.service.js';
import { dailySweep } from './monitoring/monitor.js';
import { getRun, startRun } from './runs/runs.service.js';

const yuan = (fen: number | null) => (fen === null ? '—' : (fen / 100).toFixed(2));

function showProblems(source: string, problems: RuleProblem[]): void {
  for (const p of problems) {
    const line = source.split('\n')[p.line - 1] ?? '';
    console.error(`${p.field} ${p.line}:${p.column}  ${p.message}\n    ${line}\n    ${' '.repeat(Math.max(0, p.column - 1))}^`);
  }
}

/** `policy check`: no database needed. Exit 0 when the rule checks, 1 when it does not. */
export function checkFile(file: string): number {
  const text = fs.readFileSync(file, 'utf8');
  let eligibility = text;
  let benefit: BenefitRule = { kind: 'fixed', amountFen: 0 };
  if (file.endsWith('.json')) {
    const parsed = JSON.parse(text) as Partial<PolicyVersionInput> & { version?: PolicyVersionInput };
    const version = parsed.version ?? parsed;
    eligibility = version.eligibility ?? '';
    benefit = version.benefit ?? benefit;
  }
  const { problems } = checkRules({ eligibility, benefit });
  if (problems.length === 0) {
    console.log('规则检查通过 The rule checks');
    return 0;
  }
  showProblems(eligibility, problems);
  return 1;
}

function printTree(node: ExplanationNode, indent: string): void {
  const mark = node.error ? `无法判定：${node.error}` : node.value === true ? '✓' : node.value === false ? '✗' : `= ${JSON.stringify(node.value)}`;
  console.log(`${indent}${node.text}  ${mark}`);
  for (const child of node.children ?? []) printTree(child, `${indent}  `);
  for (const item of node.items ?? []) {
    console.log(`${indent}  [${item.memberName}]`);
    printTree(item, `${indent}    `);
  }
}

async function evalHousehold(db: Kysely<any>, householdId: number, json: boolean): Promise<number> {
  const evaluations = await evaluateHousehold(db, systemActor('cli'), householdId);
  if (json) {
    console.log(JSON.stringify(evaluations, null, 2));
    return 0;
  }
  for (const e of evaluations) {
    const verdict = e.eligible === null ? `无法判定（${e.error}）` : e.eligible ? `符合，${yuan(e.amountFen)} 元` : '不符合';
    console.log(`\n${e.policyName}（${e.policyCode} 第 ${e.version} 版）${e.personName ? ` · ${e.personName}` : ''}：${verdict}${e.enrolled ? '（已享受）' : ''}`);
    printTree(e.explanation, '  ');
  }
  return 0;
}

async function populationRun(db: Kysely<any>, policyCodes: string[], regionCodes: string[], json: boolean): Promise<number> {
  const actor = systemActor('cli');
  const { run, wait } = await startRun(db, actor, { policyCodes, regionCodes });
  if (!json) process.stderr.write(`运行 #${run.id} 进行中…\n`);
  await wait;
  const done = await getRun(db, actor, run.id);
  if (done.status !== 'completed') {
    console.error(`运行失败 Run ${done.status}: ${done.error ?? ''}`);
    return 1;
  }
  const rows = done.counts.map((c) => ({ code: c.code, name: c.name, target: c.target, eligible: c.eligible, toAdd: c.toAdd, toStop: c.toStop, amountFen: c.amountFen }));
  if (json) console.log(JSON.stringify(rows, null, 2));
  else {
    console.log(`运行 #${run.id} 完成（名单见 /runs/${run.id}）`);
    for (const r of done.counts) {
      console.log(`${r.name.padEnd(14, '　')} ${r.target === 'person' ? '人' : '户'} 符合 ${r.eligible}  应纳未纳 ${r.toAdd}  应退未退 ${r.toStop}  金额变化 ${r.amountChanged}  无法判定 ${r.errors}  每期金额 ${yuan(r.amountFen)} 元`);
    }
  }
  return 0;
}

export async function runPolicyCommand(args: string[], withDatabase: (fn: (db: Kysely<any>) => Promise<number>) => Promise<number>): Promise<number> {
  const [what, ...rest] = args;
  if (what === 'check') {
    if (!rest[0]) throw new Error('用法 usage: huimin policy check FILE');
    return checkFile(rest[0]);
  }
  if (what === 'eval') {
    const { values } = parseArgs({ args: rest, options: { household: { type: 'string' }, json: { type: 'boolean' } } });
    const id = Number(values.household);
    if (!Number.isInteger(id) || id < 1) throw new Error('--household 须为家庭编号 must be a household id');
    return withDatabase((db) => evalHousehold(db, id, values.json ?? false));
  }
  if (what === 'run') {
    const { values } = parseArgs({ args: rest, options: { policy: { type: 'string', multiple: true }, region: { type: 'string', multiple: true }, json: { type: 'boolean' } } });
    return withDatabase((db) => populationRun(db, values.policy ?? [], values.region ?? [], values.json ?? false));
  }
  if (what === 'sweep') {
    return withDatabase(async (db) => {
      const result = await dailySweep(db, systemActor('cli'));
      console.log(`已重新评估 ${result.households} 户，发出 ${result.reminders} 条岗位到期提醒、${result.overdue} 条措施逾期提醒，督办超时诉求 ${result.appeals} 件`);
      return 0;
    });
  }
  throw new Error('用法 usage: huimin policy check FILE | eval --household ID [--json] | run [--policy CODE ...] [--region CODE ...] [--json] | sweep');
}
