import { bufferedHull, PointIndex } from '../../geo/index.ts';
import { RESEAU_ECOLE_MAX_METERS } from '../../src/domain/table-layouts.ts';
import { normaliseGeometry, repairWarning, type SimplifyOptions } from '../normalise-geometry.ts';
import type { Location, RowIssue } from '../pipeline-error.ts';
import type { TableBuild } from '../table-build.ts';
import type { EtablissementsBuild } from './build-etablissements.ts';
import { type EpReseau as Ep, isEpReseau } from '../../src/domain/education-prioritaire.ts';
import { RESEAU_BUFFER_METERS } from '../../src/domain/reseau-emprise.ts';
import type { EtablissementRow } from './etablissements/etablissement-fields.ts';

/** Margin around the hull of a network's schools (shared with the app, which explains it). */
export const FOOTPRINT_BUFFER_METERS = RESEAU_BUFFER_METERS;
// A 300 m band does not need more than ~10 m of detail.
const SIMPLIFY: SimplifyOptions = { toleranceDeg: 0.0001, decimals: 4 };

export type ReseauRow = Record<string, string | number | null> & { uai_college: string; ep: Ep };

interface Member {
  uai: string;
  meters: number;
  lon: number;
  lat: number;
}

type ReseauMember = EtablissementRow & { ep: Ep };
const inReseau = (row: EtablissementRow): row is ReseauMember => isEpReseau(row.ep);

/** Collèges of one status in one département, indexed by their points. */
interface Group {
  colleges: { row: ReseauMember; at: Location }[];
  index: PointIndex;
}

const groupKey = (departement: string, ep: Ep) => `${departement}/${ep}`;

/**
 * REP and REP+ networks, as no source here gives network membership: a network is one REP or
 * REP+ collège (the tête de réseau) and the REP or REP+ écoles attached to it. Each école is
 * attached to the nearest collège (great-circle, `PointIndex`) of the same status in the same
 * département; one farther than `RESEAU_ECOLE_MAX_METERS`, or with no such collège, joins no network
 * (warning). Footprint, modelled (« emprise estimée » in the app, `reseau-emprise.ts`): convex
 * hull of the collège and its écoles buffered by 300 m — a 300 m disc around a collège with no
 * école attached.
 * A collège without coordinates has no footprint: left out (warning). `ecoles` is null in
 * départements where the sources hold no école at all (the annuaires cover Occitanie and
 * Ille-et-Vilaine; the national file is collèges only).
 */
export function buildReseauxEp(etablissements: Pick<EtablissementsBuild, 'rows' | 'locations'>): TableBuild<ReseauRow> {
  const warnings: RowIssue[] = [];
  const located = new Map<string, Group['colleges']>();
  const withEcoles = new Set<string>();
  const candidates = etablissements.rows.map((row, i) => ({ row, at: etablissements.locations[i]! }));
  for (const { row } of candidates) if (row.type === 'ecole') withEcoles.add(row.departement_code);

  // Only a stated REP or REP+ builds or joins a network: 'hors_ep' and 'inconnu' never do.
  const colleges = candidates.flatMap(({ row, at }) => (row.type === 'college' && inReseau(row) ? [{ row, at }] : []));
  for (const c of colleges) {
    if (c.row.lon === null || c.row.lat === null) {
      warnings.push({ location: c.at, reason: `${c.row.ep} collège without coordinates: no network footprint, left out of reseaux_ep` });
      continue;
    }
    const key = groupKey(c.row.departement_code, c.row.ep);
    located.set(key, [...(located.get(key) ?? []), c]);
  }
  const groups = new Map<string, Group>();
  for (const [key, group] of located) groups.set(key, { colleges: group, index: new PointIndex(group.map(({ row }) => [row.lon!, row.lat!] as const)) });

  const members = new Map<string, Member[]>();
  for (const { row, at } of candidates) {
    if (row.type !== 'ecole' || !inReseau(row)) continue;
    const issue = attach(row, groups.get(groupKey(row.departement_code, row.ep)), members);
    if (issue !== null) warnings.push({ location: at, reason: issue });
  }

  const rows: ReseauRow[] = [];
  const locations: Location[] = [];
  for (const group of groups.values()) {
    for (const { row: college, at } of group.colleges) {
      const ecoles = (members.get(college.uai) ?? []).sort((a, b) => a.meters - b.meters || (a.uai < b.uai ? -1 : 1));
      const outline = bufferedHull([[college.lon!, college.lat!], ...ecoles.map((e) => [e.lon, e.lat])], FOOTPRINT_BUFFER_METERS);
      const footprint = normaliseGeometry(outline, null, SIMPLIFY);
      if ('problem' in footprint) {
        warnings.push({ location: at, reason: `network footprint unusable (${footprint.problem}): left out of reseaux_ep` });
        continue;
      }
      const repaired = repairWarning(footprint, at);
      if (repaired !== null) warnings.push(repaired);
      const [xmin, ymin, xmax, ymax] = footprint.bbox;
      rows.push({
        uai_college: college.uai,
        nom: college.nom,
        ep: college.ep,
        commune_code: college.commune_code,
        departement_code: college.departement_code,
        region_code: college.region_code,
        ecoles: withEcoles.has(college.departement_code) ? ecoles.length : null,
        membres: ecoles.length > 0 ? ecoles.map((e) => e.uai).join('|') : null,
        lon: college.lon,
        lat: college.lat,
        xmin,
        ymin,
        xmax,
        ymax,
        geometry: JSON.stringify(footprint.geometry),
      });
      locations.push(at);
    }
  }
  return { rows, locations, rowsIn: colleges.length, rejected: [], warnings };
}

/** Adds the école to the members of its nearest collège; returns why it joins none, or null. */
function attach(ecole: ReseauMember, group: Group | undefined, members: Map<string, Member[]>): string | null {
  const what = `${ecole.ep} école`;
  if (ecole.lon === null || ecole.lat === null) return `${what} without coordinates: attached to no network`;
  const nearest = group?.index.nearest(ecole.lon, ecole.lat) ?? null;
  if (group === undefined || nearest === null) return `${what}: no ${ecole.ep} collège in département ${ecole.departement_code}: attached to no network`;
  const college = group.colleges[nearest.index]!.row;
  if (nearest.meters > RESEAU_ECOLE_MAX_METERS) {
    return `${what}: nearest ${ecole.ep} collège of département ${ecole.departement_code}, ${college.uai}, is ${(nearest.meters / 1000).toFixed(1)} km away (more than ${RESEAU_ECOLE_MAX_METERS / 1000} km): attached to no network`;
  }
  const list = members.get(college.uai) ?? [];
  list.push({ uai: ecole.uai, meters: nearest.meters, lon: ecole.lon, lat: ecole.lat });
  members.set(college.uai, list);
  return null;
}
