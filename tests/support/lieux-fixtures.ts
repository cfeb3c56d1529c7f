import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { readSource, SourceInputs } from '../../data-pipeline/read/read-source.ts';
import type { Source, SourceLayout } from '../../data-pipeline/registry.ts';
import type { TerritoiresBuild } from '../../data-pipeline/tables/build-territoires.ts';
import type { EtablissementRow } from '../../data-pipeline/tables/etablissements/etablissement-fields.ts';
import { tempDir } from './pipeline-cli.ts';

/*
 * Small files of the lieux layouts (records copied from data-pipeline/sources/, a few altered
 * on purpose), written to a temp dir and read by the pipeline's own readers.
 */

export interface LieuxFixtureFile {
  id: string;
  layout: SourceLayout;
  format: Source['format'];
  /** Parsed JSON (written with JSON.stringify) or, for CSV, the text itself. */
  content: unknown;
}

const EXTENSIONS: Record<Source['format'], string> = { csv: 'csv', json: 'json', geojson: 'geojson', xlsx: 'xlsx' };

export async function lieuxInputs(files: readonly LieuxFixtureFile[]): Promise<SourceInputs> {
  const dir = await tempDir('lieux');
  const read = [];
  for (const f of files) {
    const name = `${f.id}.${EXTENSIONS[f.format]}`;
    await writeFile(path.join(dir, name), typeof f.content === 'string' ? f.content : JSON.stringify(f.content));
    const source: Source = { id: f.id, table: 'lieux', file: name, format: f.format, layout: f.layout, publisher: 'test', licence: 'test', millesime: 'test', url: 'https://example.org/' };
    read.push({ source, data: await readSource(source, path.join(dir, name), name) });
  }
  return new SourceInputs(read);
}

/** A feature of `geom_cv_ctr.json`. */
export function contratPoint(code_cv: string, codgeo: string, insee_dep: string | null, lib_cv: string, coordinates: [number, number]) {
  return { type: 'Feature', properties: { codgeo, code_cv, lib_cv, insee_dep, pop: 1000 }, geometry: { type: 'Point', coordinates } };
}

export const featureCollection = (features: readonly unknown[]) => ({
  type: 'FeatureCollection',
  crs: { type: 'name', properties: { name: 'urn:ogc:def:crs:OGC:1.3:CRS84' } },
  features,
});

/** Territoires as the lieux build reads them: a few communes (code, name, point) and régions. */
export function territoiresOf(communes: readonly [string, string, number, number][], regionOfDepartement: ReadonlyMap<string, string>): Pick<TerritoiresBuild, 'rows' | 'regionOfDepartement'> {
  return {
    rows: communes.map(([code, nom, lon, lat]) => ({ niveau: 'commune' as const, code, nom, lon, lat })),
    regionOfDepartement: new Map(regionOfDepartement),
  };
}

export const REGIONS = new Map([
  ['01', '84'],
  ['13', '93'],
  ['2B', '94'],
  ['31', '76'],
  ['35', '53'],
  ['59', '32'],
  ['971', '01'],
  ['973', '03'],
  ['974', '04'],
]);

/** An etablissements row (only the fields the lieux build reads matter). */
export function etablissement(fields: Partial<EtablissementRow> & Pick<EtablissementRow, 'uai' | 'nom' | 'type'>): EtablissementRow {
  return {
    nature: null,
    secteur: 'public',
    ep: 'hors_ep',
    commune_code: '31555',
    commune_nom: 'Toulouse',
    departement_code: '31',
    region_code: '76',
    lon: null,
    lat: null,
    effectifs: null,
    ips: null,
    ips_annee: null,
    dnb_taux_reussite: null,
    dnb_session: null,
    qpv_code: null,
    qpv_300m: null,
    date_maj: null,
    source_id: 'annuaire-education-occitanie-2024',
    ...fields,
  };
}
