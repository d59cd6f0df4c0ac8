/**
 * `huimin seed synthetic --persons N --seed S`: loads a realistic, deterministic Ningxia
 * population for load tests and benchmarks, straight into the tables (no services, no audit).
 *
 * Each chunk of households is one INSERT statement — households, persons and facts as
 * data-modifying CTEs over `unnest` arrays — so a chunk is atomic, foreign keys (the
 * household's head is a person of the same chunk) are checked at the end of the statement,
 * and ids come from the identity sequences inside it: nothing else inserting at the same
 * time can be handed the same id. While the database inserts chunk k, JavaScript builds
 * chunk k+1, so the two cores work side by side.
 */
import { sql, type Kysely } from 'kysely';
import { FACT_SOURCE } from './synthetic-facts.js';
import { emptyChunk, factValuesJson, PopulationGenerator, type SyntheticChunk } from './synthetic-population.js';
import type { RegionInfo } from './synthetic-regions.js';

export interface SyntheticOptions {
  persons: number;
  seed: number;
  onProgress?: (done: number) => void;
  /** Owning organisation of every household and person; defaults to the root organisation. */
  orgId?: number;
}

export interface SyntheticResult {
  persons: number;
  households: number;
  facts: number;
  ms: number;
}

/** Households per INSERT: about 28,000 persons and 11,000 facts, a few MB of parameters. */
export const CHUNK_HOUSEHOLDS = 10_000;
/** Households built between two yields to the event loop, so the previous chunk's query keeps flowing. */
const SLICE_HOUSEHOLDS = 500;

export async function seedSynthetic(db: Kysely<any>, opts: SyntheticOptions): Promise<SyntheticResult> {
  if (!Number.isInteger(opts.persons) || opts.persons < 1) throw new RangeError('persons must be a positive integer');
  if (!Number.isFinite(opts.seed)) throw new RangeError('seed must be a finite number');
  const started = performance.now();
  const orgId = opts.orgId ?? (await rootOrganisation(db));
  const regions = await sql<RegionInfo>`select code, name, level, parent_code as "parentCode" from regions
    where level between 3 and 5 order by code`.execute(db);
  const generator = new PopulationGenerator({ seed: opts.seed, persons: opts.persons, regions: regions.rows });
  // Ours never collide with each other; only numbers already in the database need checking.
  const { rows: existing } = await sql<{ any: boolean }>`select exists (select 1 from persons) as any`.execute(db);

  const totals = { persons: 0, households: 0, facts: 0 };
  let pending: Promise<void> | null = null;
  let failure: unknown = null;
  for (;;) {
    const chunk = await buildChunk(generator);
    if (!chunk) break;
    // Before the next chunk is built, so the ID counters advance in the same order every run.
    if (existing[0].any) await replaceTakenIdNumbers(db, generator, chunk);
    if (pending) await pending;
    if (failure) break;
    pending = insertChunk(db, chunk, orgId).then(
      () => {
        totals.households += chunk.households.region.length;
        totals.persons += chunk.persons.idNumber.length;
        totals.facts += chunk.facts.kind.length;
        opts.onProgress?.(totals.persons);
      },
      (error: unknown) => {
        failure = error;
      },
    );
  }
  if (pending) await pending;
  if (failure) throw failure;
  await sql`analyze households`.execute(db);
  await sql`analyze persons`.execute(db);
  await sql`analyze facts`.execute(db);
  return { ...totals, ms: Math.round(performance.now() - started) };
}

async function rootOrganisation(db: Kysely<any>): Promise<number> {
  const { rows } = await sql<{ id: number }>`select id from organisations where parent_id is null order by id limit 1`.execute(db);
  if (!rows[0]) throw new Error('没有根组织，请先初始化数据库 No root organisation: prepare the database first');
  return Number(rows[0].id);
}

/** Builds one chunk in slices, yielding between them so the insert in flight is not starved of I/O. */
async function buildChunk(generator: PopulationGenerator): Promise<SyntheticChunk | null> {
  if (generator.done) return null;
  const chunk = emptyChunk();
  for (let built = 0; built < CHUNK_HOUSEHOLDS && !generator.done; ) {
    built += generator.extend(chunk, Math.min(SLICE_HOUSEHOLDS, CHUNK_HOUSEHOLDS - built));
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
  return chunk;
}

/** Gives a fresh number to any person whose ID number is already registered (a demo seed, an earlier run). */
async function replaceTakenIdNumbers(db: Kysely<any>, generator: PopulationGenerator, chunk: SyntheticChunk): Promise<void> {
  for (let round = 0; round < 20; round++) {
    const { rows } = await sql<{ id_number: string }>`select id_number from persons
      where id_number = any(${chunk.persons.idNumber}::text[])`.execute(db);
    if (rows.length === 0) return;
    const taken = new Set(rows.map((r) => r.id_number));
    chunk.persons.idNumber.forEach((idNumber, i) => {
      if (taken.has(idNumber)) generator.reissueIdNumber(chunk, i);
    });
  }
  throw new Error('could not find free ID numbers for a synthetic chunk');
}

async function insertChunk(db: Kysely<any>, chunk: SyntheticChunk, orgId: number): Promise<void> {
  await db.transaction().execute(async (trx) => {
    // The planner cannot size the unnest joins and would spend ~0.7 s per chunk JIT-compiling them.
    await sql`set local jit = off`.execute(trx);
    await insertStatement(chunk, orgId).execute(trx);
  });
}

function insertStatement(chunk: SyntheticChunk, orgId: number) {
  const { households: h, persons: p, facts: f } = chunk;
  return sql`
    with hid as materialized (
      select o, nextval(pg_get_serial_sequence('households', 'id')) as id from generate_series(1, ${h.region.length}::int) as o
    ), pid as materialized (
      select o, nextval(pg_get_serial_sequence('persons', 'id')) as id from generate_series(1, ${p.idNumber.length}::int) as o
    ), hh as materialized (
      select x.o, hid.id, pid.id as head, x.region, x.address
      from unnest(${h.region}::text[], ${h.address}::text[], ${h.head}::int[]) with ordinality as x(region, address, head, o)
      join hid on hid.o = x.o join pid on pid.o = x.head
    ), ins_households as (
      insert into households (id, head_person_id, address, region_code, org_id)
      select id, head, address, region, ${orgId}::bigint from hh
    ), ins_persons as (
      insert into persons (id, id_number, name, name_pinyin, name_initials, sex, birth_date, phone, address, region_code, org_id,
        household_id, relationship)
      select pid.id, x.id_number, x.name, x.pinyin, x.initials, x.sex, x.birth_date, x.phone, hh.address, hh.region, ${orgId}::bigint,
        hh.id, x.relationship
      from unnest(${p.idNumber}::text[], ${p.name}::text[], ${p.pinyin}::text[], ${p.initials}::text[], ${p.sex}::text[],
        ${p.birthDate}::date[], ${p.phone}::text[], ${p.household}::int[], ${p.relationship}::text[])
        with ordinality as x(id_number, name, pinyin, initials, sex, birth_date, phone, household, relationship, o)
      join pid on pid.o = x.o join hh on hh.o = x.household
    )
    insert into facts (person_id, household_id, kind, value, source, valid_from, valid_to)
    select pid.id, hid.id, x.kind, x.value::jsonb, ${FACT_SOURCE}, x.valid_from, x.valid_to
    from unnest(${f.person}::int[], ${f.household}::int[], ${f.kind}::text[], ${factValuesJson(chunk)}::text[],
      ${f.validFrom}::date[], ${f.validTo}::date[]) as x(person, household, kind, value, valid_from, valid_to)
    left join pid on pid.o = x.person left join hid on hid.o = x.household`;
}
