import { readFileSync } from 'node:fs';
import type { FeatureCollection, MultiPolygon, Polygon, Position } from 'geojson';
import { fromWgs84, haversineMeters, toWgs84 } from '../../geo/index.ts';
import { loadRegistry, sourcePath } from '../../data-pipeline/registry.ts';
import { cumulative, type Random } from './random.ts';
import type { Commune, ContratDeVille, Territory } from './territory.ts';

/**
 * Synthetic QPV: the outlines of the 111 real QPV of the shipped 2015 files, each copy
 * mirrored or not, turned by a random angle and scaled by 0.8–1.25, then set down around a
 * real contrat de ville of métropole (drawn in proportion to its QPV population), at 0.6 to
 * a few km from its point, never overlapping another QPV of the same contrat. Written as the
 * ANCT's 2024 national file is: Lambert-93 (EPSG:2154), 2024 property names.
 *
 * Codes are `QN99` + 3 digits + a letter from S to Z: the pipeline's 2024 pattern (QN + 5
 * digits + a character), but département 99x does not exist, so no code can be a real one.
 */
export const QPV_SOURCE_IDS = ['qpv-occitanie-2015', 'qpv-ille-et-vilaine-2015'] as const;
const CODE_LETTERS = 'STUVWXYZ';
export const MAX_QPV = 1000 * CODE_LETTERS.length;

export interface QpvShape {
  /** The real QPV it is copied from (its indicators are the template of the copy's). */
  templateCode: string;
  /** Rings in metres around the outline's centre (Lambert-93 offsets). */
  parts: Position[][][];
  /** Farthest vertex from the centre, metres. */
  radius: number;
}

export interface SyntheticQpv {
  code: string;
  nom: string;
  templateCode: string;
  commune: Commune;
  contrat: ContratDeVille;
  lon: number;
  lat: number;
  radius: number;
  /** Lambert-93 metres. */
  geometry: MultiPolygon;
}

type QpvFile = FeatureCollection<Polygon | MultiPolygon, Record<string, string>>;

/** The real QPV outlines, in metres around each one's centre. */
export async function realQpvShapes(): Promise<QpvShape[]> {
  const registry = await loadRegistry();
  const shapes: QpvShape[] = [];
  for (const id of QPV_SOURCE_IDS) {
    const file = JSON.parse(readFileSync(sourcePath(registry.find((s) => s.id === id)!), 'utf8')) as QpvFile;
    for (const { properties, geometry } of file.features) {
      const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
      const metres = polygons.map((rings) => rings.map((ring) => ring.map(([lon, lat]) => fromWgs84(lon!, lat!, 2154) as Position)));
      const all = metres.flat(2);
      const cx = (Math.min(...all.map((p) => p[0]!)) + Math.max(...all.map((p) => p[0]!))) / 2;
      const cy = (Math.min(...all.map((p) => p[1]!)) + Math.max(...all.map((p) => p[1]!))) / 2;
      const parts = metres.map((rings) => rings.map((ring) => ring.map(([x, y]) => [x! - cx, y! - cy])));
      const radius = Math.max(...parts.flat(2).map(([x, y]) => Math.hypot(x!, y!)));
      shapes.push({ templateCode: String(properties.code_qp ?? properties.CODE_QP), parts, radius });
    }
  }
  return shapes;
}

const NAMES = ['Les Tilleuls', 'Le Moulin', 'La Source', 'Les Peupliers', 'Le Val Fleuri', 'Les Hauts de Ville', 'La Plaine', 'Les Acacias', 'Le Parc', 'Les Marronniers', 'La Roseraie', 'Les Érables', 'Le Clos', 'Les Coteaux', 'La Gare', 'Le Centre Ancien', 'Les Bruyères', 'La Forêt', 'Les Sablons', 'Le Pré'];
const SUFFIXES = ['', ' Nord', ' Sud', ' Est', ' Ouest', ' - Centre', ' I', ' II'];

/** `count` synthetic QPV over the contrats de ville of `territory`, in a seeded order. */
export function placeQpv(count: number, territory: Territory, shapes: readonly QpvShape[], random: Random): SyntheticQpv[] {
  if (count > MAX_QPV) throw new Error(`${count} QPV: at most ${MAX_QPV} synthetic codes`);
  const contrats = territory.contratsDeVille;
  const weights = cumulative(contrats.map((c) => c.population));
  const byContrat = new Map<number, SyntheticQpv[]>();
  const placed: SyntheticQpv[] = [];
  for (let i = 0; i < count; i++) {
    const c = random.weighted(weights);
    const around = byContrat.get(c) ?? [];
    const shape = random.pick(shapes);
    const qpv = place(i, shape, contrats[c]!, around, territory, random);
    around.push(qpv);
    byContrat.set(c, around);
    placed.push(qpv);
  }
  return placed;
}

function place(i: number, shape: QpvShape, contrat: ContratDeVille, around: readonly SyntheticQpv[], territory: Territory, random: Random): SyntheticQpv {
  const scale = random.between(0.8, 1.25);
  const angle = random.between(0, 2 * Math.PI);
  const mirror = random.chance(0.5) ? -1 : 1;
  const radius = shape.radius * scale;
  const [cx, cy] = fromWgs84(contrat.lon, contrat.lat, 2154);
  // Farther out as the contrat fills up, and as tries fail.
  for (let attempt = 0; attempt < 1000; attempt++) {
    const reach = 600 + 900 * Math.sqrt(around.length + 1) + 50 * attempt;
    const direction = random.between(0, 2 * Math.PI);
    const distance = around.length === 0 && attempt === 0 ? random.between(0, 600) : random.between(600, reach);
    const x = cx + distance * Math.cos(direction);
    const y = cy + distance * Math.sin(direction);
    const [lon, lat] = toWgs84(x, y, 2154);
    const commune = territory.communeAt(lon, lat);
    const clear = around.every((q) => haversineMeters([lon, lat], [q.lon, q.lat]) > radius + q.radius + 150);
    if (commune === undefined || !clear) continue;
    const cos = Math.cos(angle) * scale;
    const sin = Math.sin(angle) * scale;
    const move = ([px, py]: Position): Position => [Math.round((x + (mirror * px! * cos - py! * sin)) * 10) / 10, Math.round((y + (mirror * px! * sin + py! * cos)) * 10) / 10];
    // A mirror image turns the rings the other way: reversed, they keep the file's winding.
    const rings = shape.parts.map((rs) => rs.map((ring) => (mirror === -1 ? [...ring].reverse() : ring).map(move)));
    const code = `QN99${String(i % 1000).padStart(3, '0')}${CODE_LETTERS[Math.floor(i / 1000)]}`;
    const nom = `${random.pick(NAMES)}${random.pick(SUFFIXES)}`;
    return { code, nom, templateCode: shape.templateCode, commune: territory.communes[commune]!, contrat, lon, lat, radius, geometry: { type: 'MultiPolygon', coordinates: rings } };
  }
  throw new Error(`no room for QPV ${i} around the contrat de ville of ${contrat.epci}`);
}
