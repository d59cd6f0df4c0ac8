import {PGlite} from '@electric-sql/pglite'
import {compile, RuleError} from './bufrules.js'
for (const bad of ['person.agee >= 60', 'person.age >= "60"', 'person.age >= 60 &&', 'household.members.map(m, m.age).size() > 1', 'person.age', 'person.age >= 99999999999999999999', 'person.age > 1.5']) {
  try { compile(bad); console.log('CHECK', JSON.stringify(bad), 'ok') } catch (e) { if (!(e instanceof RuleError)) throw e; console.log('CHECK', JSON.stringify(bad), '->', e.message, '@', e.offset) }
}
const RULES = [
  'person.age >= 60 && household.dibao && household.members.exists(m, m.disability.grade <= 2)',
  'household.members.all(m, m.age >= 18) || household.size >= 4',
  'household.members.exists_one(m, m.relation == "spouse")',
  'size(household.members.filter(m, m.stage == "primary" || m.stage == "middle")) >= 2 && !household.dibao',
  'person.name.startsWith("张") && household.region in ["640104", "640105"]',
  'person.age / (household.size - 3) >= 20',
  'person.name.contains("\'; DROP TABLE person; --")',
]
let seed = 7; const rnd = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff)
const H = 3000, households: any[] = []; let pid = 0
const stages = ['none', 'primary', 'middle', 'high', 'college'], rel = ['self', 'spouse', 'child', 'parent']
for (let h = 1; h <= H; h++) {
  const n = Math.floor(rnd() * 6), members = []
  for (let j = 0; j < n; j++) members.push({id: BigInt(++pid), age: BigInt(Math.floor(rnd() * 90)), name: (rnd() < 0.2 ? '张' : '李') + pid, relation: rel[Math.floor(rnd() * 4)]!, stage: stages[Math.floor(rnd() * 5)]!, disability: {grade: BigInt(1 + Math.floor(rnd() * 6))}})
  households.push({id: BigInt(h), dibao: rnd() < 0.3, size: BigInt(n), region: rnd() < 0.5 ? '640104' : '640106', members})
}
const db = await PGlite.create()
await db.exec(`CREATE TABLE household(id bigint primary key, dibao bool, size bigint, region text);
CREATE TABLE person(id bigint primary key, household_id bigint, age bigint, name text, relation text, stage text, disability_grade bigint); CREATE INDEX ON person(household_id);`)
await db.query(`INSERT INTO household SELECT * FROM json_to_recordset($1::json) AS t(id bigint, dibao bool, size bigint, region text)`, [JSON.stringify(households.map((h) => ({id: Number(h.id), dibao: h.dibao, size: Number(h.size), region: h.region})))])
await db.query(`INSERT INTO person SELECT * FROM json_to_recordset($1::json) AS t(id bigint, household_id bigint, age bigint, name text, relation text, stage text, disability_grade bigint)`, [JSON.stringify(households.flatMap((h) => h.members.map((m: any) => ({id: Number(m.id), household_id: Number(h.id), age: Number(m.age), name: m.name, relation: m.relation, stage: m.stage, disability_grade: Number(m.disability.grade)}))))])
for (const rule of RULES) {
  const c = compile(rule)
  const rows = (await db.query<{id: unknown; r: boolean | null}>(`SELECT p.id, ${c.sql} AS r FROM person p JOIN household h ON h.id = p.household_id`, c.params)).rows
  const sqlRes = new Map(rows.map((r) => [String(r.id), r.r === null ? 'error' : String(r.r)]))
  let agree = 0, disagree = 0, elig = 0
  for (const h of households) for (const person of h.members) { const v = String(c.eval({person, household: h})); if (v === 'true') elig++; if (sqlRes.get(String(person.id)) === v) agree++; else disagree++ }
  console.log(`RULE ${rule}\n  eligible=${elig} agree=${agree} disagree=${disagree}`)
}
const c0 = compile(RULES[0]!)
const h0 = households.find((h) => h.dibao && h.members.length >= 3)!
console.log(JSON.stringify(c0.explain({person: h0.members[0], household: h0}), (k, v) => typeof v === 'bigint' ? Number(v) : v))
const lat: number[] = []
for (let i = 0; i < 3000; i++) { const h = households[i % H]; if (!h.members.length) continue; const t = process.hrtime.bigint(); c0.explain({person: h.members[0], household: h}); lat.push(Number(process.hrtime.bigint() - t) / 1000) }
lat.sort((a, b) => a - b)
console.log(`explain latency p50=${lat[Math.floor(lat.length * 0.5)]!.toFixed(1)}us p99=${lat[Math.floor(lat.length * 0.99)]!.toFixed(1)}us (n=${lat.length})`)
await db.close()
