import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { inject } from 'vitest';
import type { TestProject } from 'vitest/node';
import { type PipelineResult, runPipeline } from '../../data-pipeline/run-pipeline.ts';

/**
 * The full pipeline run that the integration tests reading its output share: run once, by
 * the integration project's globalSetup (this file's default export), into a temp folder —
 * never public/data. Tests that change an input run their own.
 */
declare module 'vitest' {
  export interface ProvidedContext {
    fullPipelineRun: { out: string; resultFile: string };
  }
}

export default async function runOnce(project: TestProject): Promise<() => Promise<void>> {
  const dir = await mkdtemp(path.join(tmpdir(), 'observatoire-full-run-'));
  const out = path.join(dir, 'data');
  const result = await runPipeline({ outDir: out, builtAt: new Date('2026-01-01T00:00:00Z') });
  const resultFile = path.join(dir, 'result.json');
  await writeFile(resultFile, JSON.stringify(result));
  project.provide('fullPipelineRun', { out, resultFile });
  return () => rm(dir, { recursive: true, force: true });
}

/** The shared run: its published folder (read-only) and what it reported. */
export async function sharedFullRun(): Promise<{ out: string; result: PipelineResult }> {
  const { out, resultFile } = inject('fullPipelineRun');
  return { out, result: JSON.parse(await readFile(resultFile, 'utf8')) as PipelineResult };
}
