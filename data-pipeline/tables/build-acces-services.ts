import { haversineMeters, type LonLat, PointIndex } from '../../geo/index.ts';
import { foldText } from '../../src/domain/fold-text.ts';
import { accesCountColumn, ACCES_PRECISIONS, ACCES_RADII_M, type Service1625, SERVICES_16_25 } from '../../src/domain/services-16-25.ts';
import type { Location } from '../pipeline-error.ts';
import type { TableBuild } from '../table-build.ts';
import type { EtablissementsBuild } from './build-etablissements.ts';
import type { LieuxBuild } from './build-lieux.ts';
import type { QpvBuild } from './build-qpv.ts';

export type AccesServiceRow = Record<string, string | number | null> & {
  qpv_code: string;
  categorie: string;
  services_localises: number;
  distance_m: number | null;
  service_id: string | null;
  service_nom: string | null;
};

interface ServicePlace {
  id: string;
  nom: string;
  point: LonLat;
}

/** Places of one category that have a point precise enough for a distance. */
function placesOf(service: Service1625, lieux: Pick<LieuxBuild, 'rows'>, etablissements: Pick<EtablissementsBuild, 'rows'>): ServicePlace[] {
  const { origin } = service;
  if (origin.table === 'lieux') {
    return lieux.rows.flatMap((l) =>
      l.categorie === origin.categorie && l.precision !== null && ACCES_PRECISIONS.includes(l.precision) && l.lon !== null && l.lat !== null
        ? [{ id: l.id, nom: l.nom, point: [l.lon, l.lat] as const }]
        : [],
    );
  }
  const natures = new Set(origin.natures.map(foldText));
  return etablissements.rows.flatMap((e) =>
    e.secteur === origin.secteur && e.nature !== null && natures.has(foldText(e.nature)) && e.lon !== null && e.lat !== null ? [{ id: e.uai, nom: e.nom, point: [e.lon, e.lat] as const }] : [],
  );
}

/**
 * Access of every QPV to each category of 16–25 service (`SERVICES_16_25`): the distance to
 * the nearest place — 0 when one lies in the QPV (its source geometry, the one that gives
 * establishments their `qpv_code`), else great-circle metres from the QPV's representative
 * point (`qpv.lon/lat`, inside the polygon: no population-weighted point is available) — and
 * the number of places at most 1, 3 and 5 km away by the same measure (a place in the QPV
 * counts in every radius). A category with no located place has null distance and counts
 * (n.d.: absent from the data is not absent from the territory).
 *
 * Nearest neighbours and radius counts go through `PointIndex` (R-tree, then exact distances
 * on the candidates); « in the QPV » through the QPV `PolygonIndex`: no loop over all pairs.
 */
export function buildAccesServices(
  qpv: Pick<QpvBuild, 'rows' | 'locations' | 'geometries'>,
  lieux: Pick<LieuxBuild, 'rows'>,
  etablissements: Pick<EtablissementsBuild, 'rows'>,
): TableBuild<AccesServiceRow> {
  const rows: AccesServiceRow[] = [];
  const locations: Location[] = [];
  const qpvIndex = new Map(qpv.geometries.codes.map((code, i) => [code, i]));
  for (const service of SERVICES_16_25) {
    const places = placesOf(service, lieux, etablissements);
    const index = new PointIndex(places.map((p) => p.point));
    // QPV (position in the polygon index) → places lying in it.
    const inside = new Map<number, number[]>();
    places.forEach((p, i) => {
      for (const q of qpv.geometries.index.containing(...p.point)) inside.set(q, [...(inside.get(q) ?? []), i]);
    });
    qpv.rows.forEach((row, r) => {
      const from: LonLat = [Number(row.lon), Number(row.lat)];
      const within = inside.get(qpvIndex.get(row.code) ?? -1) ?? [];
      const nearest = within.length > 0 ? { index: nearestOf(within, places, from), meters: 0 } : index.nearest(...from);
      const counts = Object.fromEntries(
        ACCES_RADII_M.map((radius) => [accesCountColumn(radius), nearest === null ? null : new Set([...within, ...index.withinDistance(...from, radius)]).size]),
      );
      const place = nearest === null ? null : places[nearest.index]!;
      rows.push({
        qpv_code: row.code,
        categorie: service.id,
        services_localises: places.length,
        distance_m: nearest?.meters ?? null,
        service_id: place?.id ?? null,
        service_nom: place?.nom ?? null,
        ...counts,
      });
      locations.push(qpv.locations[r]!);
    });
  }
  return { rows, locations, rowsIn: rows.length, rejected: [], warnings: [] };
}

/** Of several places in the QPV, the one nearest its representative point (lowest index on a tie). */
function nearestOf(candidates: readonly number[], places: readonly ServicePlace[], from: LonLat): number {
  let best = candidates[0]!;
  for (const i of candidates) if (haversineMeters(from, places[i]!.point) < haversineMeters(from, places[best]!.point)) best = i;
  return best;
}
