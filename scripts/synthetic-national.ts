/**
 * `npm run synthetic:national -- --out DIR [--scale S] [--seed N]`: SYNTHETIC source files at
 * the size of France, for `npm run bench` to measure the pipeline and the app at national
 * scale (issue 24). Never real data, never shipped: DIR must lie outside public/, and every
 * table built from these files says « SYNTHÉTIQUE » in its manifest description (the
 * registry written beside them declares each file `synthetic`).
 *
 * DIR receives, in the layouts the pipeline reads (`npm run pipeline -- --list`):
 * - 1,600 × S QPV 2024 (`QN99…` codes, no real one) in Lambert-93: the real outlines of the
 *   111 shipped QPV, mirrored, turned and scaled, around the real contrats de ville of
 *   métropole in proportion to their QPV population (scripts/synthetic-national/qpv.ts);
 * - their INSEE indicators, jittered from those of the QPV each copies (indicators.ts);
 * - 60,000 × S schools in the national Annuaire's layout (`99…Q` UAI, no real one), the DNB
 *   2023–2024 and IPS 2023 of their collèges (schools.ts);
 * - 16–25 places, Cités éducatives, PRE and actions (registres.ts);
 * - registry.json: those files, and the shipped sources read as they are: every commune of
 *   France (IGN, 35,357: real outlines, so no tiling had to be invented), départements,
 *   régions, académies, contrats de ville and the INSEE dictionary.
 * Deterministic: the same S and N (default 1 and 2026) write the same bytes. Then it prints
 * the pipeline command that builds the dataset (`--registry`, one `--input` per file).
 */
import path from 'node:path';
import { isInside, realPathOf } from '../data-pipeline/output-guard.ts';
import { parseArgs } from 'node:util';
import { pipelineArgs, writeSyntheticNational } from './synthetic-national/write-sources.ts';

const REPO_ROOT = path.resolve(import.meta.dirname, '..');
const { values } = parseArgs({ options: { out: { type: 'string' }, scale: { type: 'string', default: '1' }, seed: { type: 'string', default: '2026' } } });
if (values.out === undefined) throw new Error('--out DIR is required');
const out = path.resolve(values.out);
const scale = Number(values.scale);
const seed = Number(values.seed);
if (!(scale > 0 && scale <= 2)) throw new Error(`--scale ${values.scale}: expected a number in (0, 2]`);
if (!Number.isInteger(seed)) throw new Error(`--seed ${values.seed}: expected an integer`);
// Links followed: public/ is what the app serves.
const [realOut, publicDir] = await Promise.all([realPathOf(out), realPathOf(path.join(REPO_ROOT, 'public'))]);
if (realOut === publicDir || isInside(realOut, publicDir)) throw new Error(`${out}: synthetic data never goes under public/`);

const sources = await writeSyntheticNational(out, { scale, seed });
console.log(`synthetic national sources written to ${out}: ${Object.entries(sources.counts).map(([k, n]) => `${n} ${k}`).join(', ')}`);
console.log(`build them with: npm run pipeline -- --out <DIR> ${pipelineArgs(sources).join(' ')}`);
