/**
 * Import throughput and memory: a persons workbook written by scripts/make-import-fixture.ts,
 * imported with the registry's importFile (mode update, all-or-nothing) in a child process
 * (bench/lib/import-child.ts) whose own peak RSS is reported.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BenchDatabase } from './databases.js';

export interface ImportFigures {
  db: string;
  rows: number;
  inserted: number;
  updated: number;
  committed: boolean;
  seconds: number;
  baselineRssMb: number;
  peakRssMb: number;
  sampledPeakRssMb: number;
}

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** Writes (once per run and size) the fixture workbook; returns its path. */
export async function importFixture(rows: number): Promise<string> {
  const file = path.join(os.tmpdir(), `huimin-bench-import-${rows}.xlsx`);
  if (!fs.existsSync(file)) {
    const { writePersonsFixture } = await import('../../scripts/make-import-fixture.js');
    const started = performance.now();
    await writePersonsFixture(rows, file, 1);
    console.log(`  wrote ${file} (${rows.toLocaleString('en')} rows, ${(fs.statSync(file).size / 2 ** 20).toFixed(1)} MB) in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  }
  return file;
}

/** Runs the import in a child; the parent must have closed a PGlite database first (one process per data directory). */
export async function benchImport(bench: BenchDatabase, file: string): Promise<ImportFigures> {
  const target = bench.databaseUrl ? ['--database-url', bench.databaseUrl] : ['--data-dir', bench.dataDir];
  const child = spawn(process.execPath, ['bin/tsx.mjs', 'bench/lib/import-child.ts', '--file', file, ...target], { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  const line = output.trim().split('\n').pop() ?? '';
  if (code !== 0 || !line.startsWith('{')) throw new Error(`import child failed (exit ${code}): ${output.slice(-500)}`);
  const r = JSON.parse(line);
  return {
    db: bench.kind === 'postgres' ? 'PostgreSQL' : 'PGlite',
    rows: r.rows,
    inserted: r.inserted,
    updated: r.updated,
    committed: r.committed,
    seconds: r.ms / 1000,
    baselineRssMb: r.baselineRssMb,
    peakRssMb: r.maxRssMb,
    sampledPeakRssMb: r.sampledPeakRssMb,
  };
}
