import { cp, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sha256 } from '../../data-pipeline/publish.ts';
import { buildRefreshReport } from '../../data-pipeline/report/build-refresh-report.ts';
import { formatRefreshReport } from '../../data-pipeline/report/format-refresh-report.ts';
import { readPreviousOutput } from '../../data-pipeline/report/published-rows.ts';
import { SOURCES_DIR } from '../../data-pipeline/registry.ts';
import { REFRESH_REPORT_FILE, type RefreshReport, RefreshReportSchema, type TableChange, tableWithoutChanges } from '../../src/domain/refresh-report.ts';
import { TABLE_LAYOUTS } from '../../src/domain/table-layouts.ts';
import { sharedFullRun } from '../support/full-pipeline-run.ts';
import { type CliRun, REPO_ROOT, removeTempDirs, runCli, tempDir, writeInput } from '../support/pipeline-cli.ts';
import { readManifest } from '../support/published-data.ts';

/*
 * Two runs that differ by known rows: the shared full run (a first run, into its own folder)
 * is the previous data; a copy of it is refreshed by the CLI with two sources edited — one
 * école leaves REP+ for REP, one école is added and one removed (Annuaire, Occitanie), and
 * in qp.csv a poverty rate rises by 8.3 points and a count of job seekers falls under the
 * secret statistique threshold. One extra pipeline run, shared by every assertion.
 */
const ANNUAIRE = 'annuaire-education-occitanie-2024';
const INDICATEURS = 'qpv-occitanie-2015-indicateurs';
const LEAVES_REP_PLUS = '0300596K'; // École maternelle Albert Camus, Nîmes
const REMOVED = '0090102M'; // École primaire Auzat
const COPIED = '0090114A'; // École primaire La Bastide-du-Salat, copied as the added école
const ADDED = '0099999W';

let previousDir: string;
let out: string;
let run: CliRun;
let report: RefreshReport;

/** `line` with the `;`-separated cells of `header` replaced, by column name. */
function withCells(header: string, line: string, cells: Record<string, string>, sep: string): string {
  const names = header.split(sep);
  const values = line.split(sep);
  for (const [name, value] of Object.entries(cells)) values[names.indexOf(name)] = value;
  return values.join(sep);
}

async function editedAnnuaire(): Promise<string> {
  const text = await readFile(path.join(SOURCES_DIR, ANNUAIRE, 'fr-en-annuaire-education.csv'), 'utf8');
  const [header, ...lines] = text.replace(/^\uFEFF/, '').split('\n');
  const edited = lines.filter((l) => !l.startsWith(`${REMOVED};`)).map((l) => (l.startsWith(`${LEAVES_REP_PLUS};`) ? withCells(header!, l, { Appartenance_Education_Prioritaire: 'REP' }, ';') : l));
  const copied = lines.find((l) => l.startsWith(`${COPIED};`))!;
  edited.splice(edited.length - 1, 0, withCells(header!, copied, { Identifiant_de_l_etablissement: ADDED, Nom_etablissement: 'Ecole primaire Fixture' }, ';'));
  return writeInput('fr-en-annuaire-education.csv', `\uFEFF${[header, ...edited].join('\n')}`);
}

async function editedIndicateurs(): Promise<string> {
  const text = await readFile(path.join(SOURCES_DIR, 'qpv-occitanie-2015/qp.csv'), 'utf8');
  const [header, ...lines] = text.replace(/^\uFEFF/, '').split('\n');
  // QP009001 Coeur De Ville (Saint-Girons): tp60 40.2 → 48.5, abc_supbac 68 → 7.
  const edited = lines.map((l) => (l.startsWith('QP009001,') ? withCells(header!, l, { tp60: '48.5', abc_supbac: '7' }, ',') : l));
  return writeInput('qp.csv', `\uFEFF${[header, ...edited].join('\n')}`);
}

beforeAll(async () => {
  const shared = await sharedFullRun();
  previousDir = shared.out;
  out = path.join(await tempDir('refresh'), 'data');
  await cp(shared.out, out, { recursive: true });
  run = await runCli(['--out', out, '--input', `${ANNUAIRE}=${await editedAnnuaire()}`, '--input', `${INDICATEURS}=${await editedIndicateurs()}`], { env: { SOURCE_DATE_EPOCH: '1796083200' } });
  report = RefreshReportSchema.parse(JSON.parse(await readFile(path.join(out, REFRESH_REPORT_FILE), 'utf8')));
  // One full run in a child process: seconds alone, minutes when the shared machine is busy.
}, 360_000);
afterAll(removeTempDirs);

const unchanged = (name: string, rows: number) => tableWithoutChanges(name, 'compared', rows, rows);

/** The tables the edits change, and how (the derived ones follow the edited rows). */
const CHANGED_TABLES: Record<string, Partial<TableChange>> = {
  indicateurs: { changed: 2, changed_columns: { valeur: 2, statut: 1 }, examples: { added: [], removed: [], changed: ['QP009001 · abc_supbac · 2020', 'QP009001 · tp60 · 2019'] } },
  etablissements: { added: 1, removed: 1, changed: 1, changed_columns: { ep: 1 }, examples: { added: [ADDED], removed: [REMOVED], changed: [LEAVES_REP_PLUS] } },
  // The two networks of Nîmes the école moves between (REP+ → REP): their écoles and footprints.
  reseaux_ep: { changed: 2, changed_columns: { ecoles: 2, membres: 2, xmax: 1, ymax: 1, geometry: 2 }, examples: { added: [], removed: [], changed: ['0301010K', '0301098F'] } },
  // The poverty rate is a component of the risk index: its normalisation and every rank move.
  risque_decrochage: { changed: 56, changed_columns: { score: 40, rang: 10, rang_min: 6, rang_max: 13, percentile: 12 } },
  risque_composantes: { changed: 40, changed_columns: { valeur_brute: 1, valeur_normalisee: 40, contribution: 40 } },
};

describe('the refresh report of a run against the data it replaces', () => {
  it('is the exact list of what the edited rows changed, per table, by key', async () => {
    expect(run.code).toBe(0);
    const manifest = await readManifest(out);
    const expected = manifest.tables.map((t) => ({ ...unchanged(t.name, t.rows), ...CHANGED_TABLES[t.name] }));
    // Examples of the derived tables are checked by count only: their first keys are any five QPV.
    const comparable = (t: TableChange) => (t.name.startsWith('risque_') ? { ...t, examples: null } : t);
    expect(report.tables.map(comparable)).toEqual(expected.map(comparable));
    expect(report.tables.find((t) => t.name === 'risque_composantes')!.examples.changed[0]).toBe('QP009001 · taux_pauvrete');
    expect({ built_at: report.built_at, previous_built_at: report.previous_built_at }).toEqual({ built_at: manifest.built_at, previous_built_at: '2026-01-01T00:00:00.000Z' });
    expect(report.thresholds).toEqual({ indicator_points: 5, indicator_relative: 0.1 });
  });

  it('names the école that left REP+ and the QPV indicators that moved, with no figure', () => {
    expect(report.highlights).toEqual({
      education_prioritaire: { total: 1, items: [{ uai: LEAVES_REP_PLUS, nom: 'École maternelle Albert Camus', commune: 'Nîmes', from: 'REP+', to: 'REP' }] },
      indicateurs: {
        total: 2,
        items: [
          // 68 → 7 job seekers: hidden now, and neither count nor difference is given.
          { qpv_code: 'QP009001', qpv_nom: 'Coeur De Ville', indicateur: 'abc_supbac', libelle: 'Demandeurs d’emploi (A, B, C) de niveau supérieur au bac', move: 'masque' },
          { qpv_code: 'QP009001', qpv_nom: 'Coeur De Ville', indicateur: 'tp60', libelle: 'Taux de pauvreté (seuil 60 %)', move: 'hausse' },
        ],
      },
    });
    const published = JSON.stringify([report.highlights, report.tables]);
    // Each figure as a number of its own (a table's 6898 rows hold no 68).
    for (const figure of ['48.5', '40.2', '8.3', '7', '61', '68']) expect(published).not.toMatch(new RegExp(`(?<![\\d.])${figure.replace('.', '\\.')}(?![\\d.])`));
  });

  it('gives each source with its millésime, the two edited files as changed', async () => {
    const manifest = await readManifest(out);
    const edited = [ANNUAIRE, INDICATEURS];
    const ids = [...new Set(manifest.tables.flatMap((t) => t.sources.map((s) => s.id)))];
    expect(report.sources.map((s) => [s.id, s.status])).toEqual(ids.map((id) => [id, edited.includes(id) ? 'changed' : 'unchanged']));
    expect(report.sources.find((s) => s.id === ANNUAIRE)).toMatchObject({ millesime: '2024-11-26', previous_millesime: '2024-11-26', tables: ['etablissements', 'dnb_sessions', 'reseaux_ep', 'qpv_colleges', 'risque_decrochage', 'risque_composantes', 'acces_services'] });
  });

  it('counts the run’s warnings by table as the manifest does', async () => {
    const manifest = await readManifest(out);
    const withWarnings = manifest.tables.filter((t) => t.warnings > 0);
    expect(report.warnings.tables.map((t) => [t.table, t.count])).toEqual(withWarnings.map((t) => [t.name, t.warnings]));
    expect(report.warnings.total).toBe(withWarnings.reduce((n, t) => n + t.warnings, 0));
    for (const t of report.warnings.tables) expect(t.reasons.reduce((n, r) => n + r.count, 0)).toBeLessThanOrEqual(t.count);
  });

  it('is listed in the manifest with its size and checksum', async () => {
    const manifest = JSON.parse(await readFile(path.join(out, 'manifest.json'), 'utf8')) as { refresh_report: unknown };
    const bytes = await readFile(path.join(out, REFRESH_REPORT_FILE));
    expect(manifest.refresh_report).toEqual({ file: REFRESH_REPORT_FILE, bytes: bytes.byteLength, checksum: sha256(bytes) });
  });

  it('is printed at the end of the run, in English like the rest of the CLI', () => {
    const printed = run.stdout.slice(run.stdout.indexOf('refresh report'), run.stdout.indexOf('pipeline: published')).trimEnd().split('\n');
    const warnings = report.warnings.tables.map((t) => `${t.table} ${t.count}`).join(', ');
    expect(printed).toEqual([
      'refresh report, against the data built 2026-01-01T00:00:00.000Z:',
      '  indicateurs: 0 added, 0 removed, 2 changed (valeur, statut); 4305 → 4305 rows',
      '  etablissements: 1 added, 1 removed, 1 changed (ep); 13997 → 13997 rows',
      '  reseaux_ep: 0 added, 0 removed, 2 changed (ecoles, membres, xmax, ymax, geometry); 1085 → 1085 rows',
      '  risque_decrochage: 0 added, 0 removed, 56 changed (score, rang, rang_min, rang_max, percentile); 111 → 111 rows',
      '  risque_composantes: 0 added, 0 removed, 40 changed (valeur_brute, valeur_normalisee, contribution); 666 → 666 rows',
      `  ${report.tables.length - 5} table(s) unchanged`,
      `  sources: ${INDICATEURS} changed, ${ANNUAIRE} changed`,
      '  éducation prioritaire, 1 school(s) entered or left REP / REP+:',
      '    0300596K École maternelle Albert Camus (Nîmes): REP+ → REP',
      '  QPV indicators that moved (rates by 5 points or more, other values by 10 % or more; no figure given, secret statistique), 2:',
      '    QP009001 Coeur De Ville: abc_supbac now hidden (secret statistique)',
      '    QP009001 Coeur De Ville: tp60 up',
      `  warnings: ${report.warnings.total} (${warnings})`,
      `  written to ${path.relative(REPO_ROOT, path.join(out, REFRESH_REPORT_FILE))}`,
    ]);
  });
});

describe('the refresh report of a first run, and of a previous output it cannot read', () => {
  it('says a first run has nothing to compare with', async () => {
    const first = RefreshReportSchema.parse(JSON.parse(await readFile(path.join(previousDir, REFRESH_REPORT_FILE), 'utf8')));
    const manifest = await readManifest(previousDir);
    expect(first.previous_built_at).toBeNull();
    expect(first.tables.map((t) => [t.name, t.status, t.rows, t.previous_rows])).toEqual(manifest.tables.map((t) => [t.name, 'new', t.rows, null]));
    expect(new Set(first.sources.map((s) => s.status))).toEqual(new Set(['new']));
    expect(first.highlights).toEqual({ education_prioritaire: { total: 0, items: [] }, indicateurs: { total: 0, items: [] } });
    expect(formatRefreshReport(first, 'data/refresh-report.json')).toEqual([`refresh report: first run, no previous data to compare with (${manifest.tables.length} tables published) → data/refresh-report.json`]);
  });

  it('does not compare a table whose previous file does not match its manifest, and names a table new to the run', async () => {
    const dir = path.join(await tempDir('refresh-altered'), 'data');
    await cp(previousDir, dir, { recursive: true });
    const qpv = await readFile(path.join(dir, 'qpv.arrow'));
    await writeFile(path.join(dir, 'qpv.arrow'), qpv.subarray(0, qpv.byteLength - 8));
    const manifestFile = path.join(dir, 'manifest.json');
    const manifest = JSON.parse(await readFile(manifestFile, 'utf8')) as { tables: { name: string }[] };
    await writeFile(manifestFile, JSON.stringify({ ...manifest, tables: manifest.tables.filter((t) => t.name !== 'pre') }));
    const current = await readPreviousOutput(previousDir);
    const published = current!.manifest.tables.map((t) => ({ layout: TABLE_LAYOUTS.find((l) => l.name === t.name)!, bytes: current!.tables.get(t.name)!, warnings: [] }));
    const altered = buildRefreshReport(published, current!.manifest, await readPreviousOutput(dir));
    expect(altered.tables.filter((t) => t.status !== 'compared').map((t) => [t.name, t.status, t.rows, t.previous_rows])).toEqual([
      ['qpv', 'not_compared', 111, 111],
      ['pre', 'new', 2, null],
    ]);
    expect(altered.tables.every((t) => t.added + t.removed + t.changed === 0)).toBe(true);
  });
});
