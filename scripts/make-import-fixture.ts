/**
 * Writes a valid persons import workbook of N rows, for the import benchmark:
 *
 *   npx tsx scripts/make-import-fixture.ts --rows 100000 --out /tmp/persons-100k.xlsx [--seed 1]
 *
 * Streams with exceljs's WorkbookWriter (shared strings, as Excel writes them), so any N
 * fits in memory. ID numbers are valid and distinct (makeIdNumber), region codes are
 * real Ningxia communities from server/data/regions/640000.json, names are Chinese.
 */
import fs from 'node:fs';
import { parseArgs } from 'node:util';
import ExcelJS from 'exceljs';
import { makeIdNumber } from '../server/src/kernel/validation/idcard.js';

const SURNAMES = '王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶阎余潘杜戴夏钟汪田任姜范方石姚谭廖邹熊金陆郝孔白崔康毛邱秦江史顾侯邵孟龙万段雷钱汤尹黎易常武乔贺赖龚文';
const GIVEN = '伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超兰霞平刚桂英华玉萍红娥玲芬燕彬鹏辉斌宇浩凯健俊帆帅旭宁欣悦晨阳佳琪梓涵子轩雨泽一诺';
const STREETS = ['北京西路', '解放西街', '文化街', '上海西路', '黄河东路', '幸福巷', '星光巷', '清水湾', '金波路', '银新苑'];

/** mulberry32: small, seedable, good enough for test data. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function communityCodes(): string[] {
  const file = new URL('../server/data/regions/640000.json', import.meta.url);
  const tuples = JSON.parse(fs.readFileSync(file, 'utf8')) as [string, string, number, string | null][];
  return tuples.filter((t) => t[2] === 5).map((t) => t[0]);
}

function isoDate(dayOffset: number): string {
  return new Date(Date.UTC(1940, 0, 1) + dayOffset * 86_400_000).toISOString().slice(0, 10);
}

export async function writePersonsFixture(rows: number, out: string, seed = 1): Promise<void> {
  const rand = random(seed);
  const pick = <T>(items: ArrayLike<T>): T => items[Math.floor(rand() * items.length)];
  const communities = communityCodes();
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: out, useSharedStrings: true, useStyles: true });
  const sheet = workbook.addWorksheet('人员');
  sheet.columns = [
    { header: '姓名', width: 10 },
    { header: '身份证号', width: 22, style: { numFmt: '@' } },
    { header: '性别', width: 6 },
    { header: '出生日期', width: 12 },
    { header: '联系电话', width: 14, style: { numFmt: '@' } },
    { header: '地址', width: 30 },
    { header: '区划代码', width: 15, style: { numFmt: '@' } },
  ];
  const DAYS = 25_000; // 1940 … 2008
  for (let i = 0; i < rows; i++) {
    const sex = rand() < 0.5 ? 'M' : 'F';
    // Distinct for every i: (birth date, sequence) never repeats while i / 500 < DAYS (7919 is prime to DAYS).
    const birthDate = isoDate((Math.floor(i / 500) * 7919) % DAYS);
    const sequence = (i % 500) * 2 + (sex === 'M' ? 1 : 0);
    const region = pick(communities);
    const name = pick(SURNAMES) + pick(GIVEN) + (rand() < 0.6 ? pick(GIVEN) : '');
    sheet
      .addRow([
        name,
        makeIdNumber(region.slice(0, 6), birthDate, sequence, sex),
        sex === 'M' ? '男' : '女',
        birthDate,
        `1${pick('3456789')}${String(Math.floor(rand() * 1e9)).padStart(9, '0')}`,
        `${pick(STREETS)} ${1 + Math.floor(rand() * 200)} 号`,
        region,
      ])
      .commit();
  }
  sheet.commit();
  await workbook.commit();
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { rows: { type: 'string' }, out: { type: 'string' }, seed: { type: 'string', default: '1' } } });
  const rows = Number(values.rows);
  if (!Number.isInteger(rows) || rows < 1 || rows > 12_000_000 || !values.out) {
    console.error('用法 usage: npx tsx scripts/make-import-fixture.ts --rows N --out FILE.xlsx [--seed S]');
    process.exit(2);
  }
  const started = Date.now();
  await writePersonsFixture(rows, values.out, Number(values.seed));
  console.log(`已生成 ${rows} 行 → ${values.out}（${((Date.now() - started) / 1000).toFixed(1)} s, ${(fs.statSync(values.out).size / 1024 / 1024).toFixed(1)} MB）`);
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split('/').pop()!)) await main();
