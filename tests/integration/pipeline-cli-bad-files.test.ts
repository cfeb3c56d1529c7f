import { readFile } from 'node:fs/promises';
import { afterAll, describe, expect, it } from 'vitest';
import { lineColumnAt } from '../../data-pipeline/read/text-position.ts';
import { QPV_SOURCES, readSource, refusedInputRun, removeTempDirs } from '../support/pipeline-cli.ts';

/*
 * Files the pipeline cannot read at all. Each run goes through the real CLI without
 * `--check`, into a copy of public/data: a failure must leave that copy byte-identical,
 * with no staging or previous folder beside it. The bad file replaces the Ille-et-Vilaine
 * QPV source through `--input`. Each case has its own folders, so they run concurrently.
 */
afterAll(removeTempDirs);

const { id, file: sourceFile } = QPV_SOURCES.illeEtVilaine;

const runWithBadInput = (content: string) => refusedInputRun(id, 'QPV.geojson', content);

describe.concurrent('pipeline CLI: unreadable input files', () => {
  it('reports a GeoJSON truncated in the middle as truncated, at its last line:column', async () => {
    const text = await readFile(sourceFile, 'utf8');
    const truncated = text.slice(0, Math.floor(text.length / 2));
    const { line, column } = lineColumnAt(truncated, truncated.length);
    expect(line).toBeGreaterThan(1);
    const { stderr, shown } = await runWithBadInput(truncated);
    expect(stderr).toContain(`pipeline: error: ${shown}:${line}:${column}: invalid JSON: file is truncated`);
  });

  it('reports an empty file', async () => {
    const { stderr, shown } = await runWithBadInput('');
    expect(stderr).toContain(`pipeline: error: ${shown}: empty file`);
  });

  it('reports a file of blanks as empty', async () => {
    const { stderr, shown } = await runWithBadInput('\n \n\t');
    expect(stderr).toContain(`${shown}: empty file`);
  });

  it('reports a file that is not JSON (a CSV) as invalid JSON, quoting the bad token, not as truncated', async () => {
    const { stderr, shown } = await runWithBadInput('code_qp;nom_qp\nQP035004;Maurepas\n');
    expect(stderr).toContain(`pipeline: error: ${shown}: invalid JSON: Unexpected token 'c'`);
    expect(stderr).not.toContain('truncated');
  });

  it('reports a bad token deep inside a file as invalid JSON, not as truncated', async () => {
    const text = await readFile(sourceFile, 'utf8');
    const at = text.indexOf('[', text.indexOf('"coordinates"')) + 3;
    const { stderr, shown } = await runWithBadInput(`${text.slice(0, at)}NaN, ${text.slice(at)}`);
    expect(stderr).toContain(`${shown}: invalid JSON: Unexpected token 'N'`);
    expect(stderr).not.toContain('truncated');
  });

  it('reports a syntax error that V8 locates at its line:column', async () => {
    const text = await readFile(sourceFile, 'utf8');
    const at = text.indexOf('"NOM_QP"');
    const { line, column } = lineColumnAt(text, at);
    const { stderr, shown } = await runWithBadInput(`${text.slice(0, at)},${text.slice(at)}`);
    expect(stderr).toContain(`${shown}:${line}:${column}: invalid JSON: Expected double-quoted property name`);
  });

  it('reports a FeatureCollection with zero features', async () => {
    const doc = await readSource(sourceFile);
    const { stderr, shown } = await runWithBadInput(JSON.stringify({ ...doc, features: [] }));
    expect(stderr).toContain(`pipeline: error: ${shown}: file has no features`);
  });

  it('reports JSON that is not a FeatureCollection, naming the field and its value', async () => {
    const { stderr, shown } = await runWithBadInput('{"type": "GeometryCollection", "geometries": []}');
    expect(stderr).toContain(`pipeline: error: ${shown} field type value "GeometryCollection": expected a GeoJSON FeatureCollection`);
  });

  it('reports a member of features that is not a Feature, naming its index', async () => {
    const doc = await readSource(sourceFile);
    const features: unknown[] = [...doc.features];
    features[3] = { type: 'Polygon', coordinates: [] };
    const { stderr, shown } = await runWithBadInput(JSON.stringify({ ...doc, features }));
    expect(stderr).toContain(`pipeline: error: ${shown} feature 3 field type: expected a GeoJSON Feature`);
  });
});
