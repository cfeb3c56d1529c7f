import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Polygon } from 'geojson';
import { type CsvFile, readCsv } from '../../data-pipeline/read/read-csv.ts';
import type { SourceInput } from '../../data-pipeline/read/read-source.ts';
import { type Source, SOURCES_DIR } from '../../data-pipeline/registry.ts';
import { communePlaces } from '../../data-pipeline/tables/actions/commune-places.ts';
import { tempDir } from './pipeline-cli.ts';

/**
 * Fixtures of the actions template and the Cités / PRE registries: the committed source files,
 * small extracts of them, and an extract of `territoires` (communes as the pipeline publishes
 * them: IGN Admin Express 2018 outlines, names with the article the COG gives them).
 */
export const TERRITOIRES_EXTRACT = {
  rows: [
    { niveau: 'commune' as const, code: '17300', nom: 'La Rochelle', lon: -1.1703375000000003, lat: 46.163131250000006 },
    { niveau: 'commune' as const, code: '33063', nom: 'Bordeaux', lon: -0.5779473684210527, lat: 44.85097368421053 },
    { niveau: 'commune' as const, code: '33119', nom: 'Cenon', lon: -0.52205, lat: 44.8549 },
    { niveau: 'commune' as const, code: '33249', nom: 'Lormont', lon: -0.5164142857142858, lat: 44.87634285714286 },
    { niveau: 'commune' as const, code: '38185', nom: 'Grenoble', lon: 5.71695, lat: 45.185566666666666 },
    { niveau: 'commune' as const, code: '64445', nom: 'Pau', lon: -0.3498923076923077, lat: 43.32625384615384 },
    { niveau: 'commune' as const, code: '97408', nom: 'La Possession', lon: 55.40295757575758, lat: -21.001015151515144 },
    { niveau: 'departement' as const, code: '33', nom: 'Gironde', lon: -0.6, lat: 44.8 },
  ],
};
export const COMMUNES = communePlaces(TERRITOIRES_EXTRACT);

const square = (x: number, y: number, size: number): Polygon => ({
  type: 'Polygon',
  coordinates: [[[x, y], [x + size, y], [x + size, y + size], [x, y + size], [x, y]]],
});
/** Stand-in outlines (squares, not the IGN shapes): Bordeaux and Cenon share an edge, Lormont lies apart; La Rochelle has none. */
export const COMMUNE_OUTLINES: ReadonlyMap<string, Polygon> = new Map([
  ['33063', square(-0.6, 44.8, 0.05)],
  ['33119', square(-0.55, 44.8, 0.05)],
  ['33249', square(-0.55, 44.9, 0.02)],
  ['38185', square(5.7, 45.15, 0.05)],
  ['64445', square(-0.4, 43.3, 0.05)],
  ['97408', square(55.38, -21.02, 0.05)],
]);

const TABLE_OF = { 'actions-template': 'actions', 'cites-registre': 'cites', 'pre-registre': 'pre' } as const;
type TemplateLayout = keyof typeof TABLE_OF;

export function templateSource(id: string, layout: TemplateLayout): Source {
  return { id, table: TABLE_OF[layout], file: `${id}.csv`, format: 'csv', layout, publisher: 'fixture', licence: 'fixture', millesime: '2026', url: 'https://example.org' };
}

/** Writes `lines` (UTF-8, `\n`) to a temp file and reads it back with the pipeline's CSV reader. */
export async function templateInput(id: string, layout: TemplateLayout, lines: readonly string[]): Promise<SourceInput<CsvFile>> {
  const file = path.join(await tempDir('actions'), `${id}.csv`);
  await writeFile(file, `${lines.join('\n')}\n`);
  return { source: templateSource(id, layout), data: await readCsv(file, `${id}.csv`) };
}

/** The lines of a committed source file (`actions-recueil/actions.csv`…), header first. */
export async function sourceLines(relative: string): Promise<string[]> {
  return (await readFile(path.join(SOURCES_DIR, relative), 'utf8')).trimEnd().split('\n');
}
