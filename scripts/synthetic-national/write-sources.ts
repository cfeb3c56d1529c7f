import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { REGISTRY_FILE, type Source } from '../../data-pipeline/registry.ts';
import { SOURCE_LAYOUTS } from '../../data-pipeline/source-layouts.ts';
import { indicatorsCsv } from './indicators.ts';
import { placeQpv, realQpvShapes, type SyntheticQpv } from './qpv.ts';
import { Random } from './random.ts';
import { actionsCsv, citesCsv, citesOf, lieuxCsv, preCsv } from './registres.ts';
import { schoolFiles } from './schools.ts';
import { REAL_TERRITORY_SOURCES, Territory } from './territory.ts';

/** Sizes at scale 1, France's: QPV 2024 and the Annuaire de l'éducation's schools. */
export const NATIONAL_QPV = 1600;
export const NATIONAL_SCHOOLS = 60_000;

export interface SyntheticNationalOptions {
  /** 1 = France's size; the tests use ~0.02. */
  scale: number;
  seed: number;
}

/** What the pipeline needs to build the synthetic dataset: `npm run pipeline -- ${pipelineArgs(…)}`. */
export interface SyntheticNationalSources {
  registryFile: string;
  /** Source id → the synthetic file written for it. */
  inputs: Map<string, string>;
  counts: { qpv: number; etablissements: number; lieux: number; cites: number; pre: number; actions: number; communes: number };
}

/** The registry's entries of the synthetic files (`file` is how the manifest names them). */
const SYNTHETIC: readonly Pick<Source, 'id' | 'table' | 'format' | 'layout' | 'file'>[] = [
  { id: 'qpv-synthetique-2024', table: 'qpv', format: 'geojson', layout: 'qpv', file: 'QP2024_synthetique_LB93.geojson' },
  { id: 'indicateurs-qpv-synthetiques', table: 'indicateurs', format: 'csv', layout: 'qpv-indicateurs-insee', file: 'indicateurs-qpv.csv' },
  { id: 'annuaire-education-synthetique', table: 'etablissements', format: 'csv', layout: 'annuaire-education', file: 'fr-en-annuaire-education.csv' },
  { id: 'dnb-etablissements-synthetique', table: 'etablissements', format: 'csv', layout: 'dnb-etablissements', file: 'fr-en-dnb-par-etablissement.csv' },
  { id: 'ips-colleges-synthetique', table: 'etablissements', format: 'csv', layout: 'colleges-ips', file: 'fr-en-ips-colleges-ap2023.csv' },
  { id: 'lieux-16-25-synthetiques', table: 'lieux', format: 'csv', layout: 'lieux-annuaire', file: 'lieux.csv' },
  { id: 'cites-synthetiques', table: 'cites', format: 'csv', layout: 'cites-registre', file: 'cites.csv' },
  { id: 'pre-synthetiques', table: 'pre', format: 'csv', layout: 'pre-registre', file: 'pre.csv' },
  { id: 'actions-synthetiques', table: 'actions', format: 'csv', layout: 'actions-template', file: 'actions.csv' },
];
/** Shipped sources read as they are: the territories, and the INSEE dictionary of the indicator columns. */
const REAL = [...REAL_TERRITORY_SOURCES, 'qpv-occitanie-2015-dictionnaire'];

/** Writes the synthetic source files and their registry into `dir`. */
export async function writeSyntheticNational(dir: string, { scale, seed }: SyntheticNationalOptions): Promise<SyntheticNationalSources> {
  const random = new Random(seed);
  const territory = await Territory.load();
  const qpv = placeQpv(Math.max(1, Math.round(NATIONAL_QPV * scale)), territory, await realQpvShapes(), random);
  const schools = schoolFiles(Math.max(1, Math.round(NATIONAL_SCHOOLS * scale)), qpv, territory, random);
  const cites = citesOf(scale, qpv);
  const lieux = lieuxCsv(scale, qpv, territory, random);
  const files: Record<string, string> = {
    'qpv-synthetique-2024': qpvGeoJson(qpv, territory),
    'indicateurs-qpv-synthetiques': await indicatorsCsv(qpv, random),
    'annuaire-education-synthetique': schools.annuaire,
    'dnb-etablissements-synthetique': schools.dnb,
    'ips-colleges-synthetique': schools.ips,
    'lieux-16-25-synthetiques': lieux,
    'cites-synthetiques': citesCsv(cites, random),
    'pre-synthetiques': preCsv(scale, qpv),
    'actions-synthetiques': await actionsCsv(scale, cites, random),
  };
  await mkdir(dir, { recursive: true });
  const inputs = new Map<string, string>();
  for (const entry of SYNTHETIC) {
    const file = path.join(dir, entry.file);
    await writeFile(file, files[entry.id]!);
    inputs.set(entry.id, file);
  }
  const shipped = (JSON.parse(await readFile(REGISTRY_FILE, 'utf8')) as { sources: Source[] }).sources;
  const publisher = `SYNTHÉTIQUE : scripts/synthetic-national.ts (graine ${seed}, échelle ${scale}), aucune donnée réelle`;
  const synthetic: Source[] = SYNTHETIC.map((entry) => {
    const origin: string = SOURCE_LAYOUTS[entry.layout].origin;
    return {
      ...entry,
      file: `synthetique-national/${entry.file}`,
      ...(entry.format === 'csv' ? { encoding: 'utf-8' as const, delimiter: entry.layout === 'qpv-indicateurs-insee' ? (',' as const) : (';' as const) } : {}),
      publisher,
      licence: 'aucune : données synthétiques',
      millesime: 'synthétique',
      url: origin.startsWith('https://') ? origin : 'https://www.data.gouv.fr',
      notes: `imite la disposition ${entry.layout}`,
      synthetic: true as const,
    };
  });
  const registryFile = path.join(dir, 'registry.json');
  await writeFile(registryFile, `${JSON.stringify({ sources: [...REAL.map((id) => shipped.find((s) => s.id === id)!), ...synthetic] }, null, 2)}\n`);
  const lines = (text: string) => text.trimEnd().split('\n').length - 1;
  return {
    registryFile,
    inputs,
    counts: { qpv: qpv.length, etablissements: schools.schools.length, lieux: lines(lieux), cites: cites.length, pre: lines(files['pre-synthetiques']!), actions: lines(files['actions-synthetiques']!), communes: territory.communes.length },
  };
}

/** The pipeline's command-line arguments that build the dataset of `sources`. */
export function pipelineArgs(sources: SyntheticNationalSources): string[] {
  return ['--registry', sources.registryFile, ...[...sources.inputs].flatMap(([id, file]) => ['--input', `${id}=${file}`])];
}

/** The QPV as the ANCT's 2024 national file: Lambert-93 with its `crs` member, 2024 property names. */
function qpvGeoJson(qpv: readonly SyntheticQpv[], territory: Territory): string {
  return JSON.stringify({
    type: 'FeatureCollection',
    name: 'QP2024_synthetique_LB93',
    crs: { type: 'name', properties: { name: 'urn:ogc:def:crs:EPSG::2154' } },
    features: qpv.map((q) => {
      const departement = territory.departements.get(q.commune.departement)!;
      return {
        type: 'Feature',
        properties: {
          code_qp: q.code,
          lib_qp: q.nom,
          insee_reg: departement.region.code,
          lib_reg: departement.region.nom,
          insee_dep: departement.code,
          lib_dep: departement.nom,
          insee_com: q.commune.code,
          lib_com: q.commune.nom,
          siren_epci: q.contrat.siren,
          lib_epci: q.contrat.epci,
        },
        geometry: q.geometry,
      };
    }),
  });
}
