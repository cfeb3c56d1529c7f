import type { Table } from 'apache-arrow';
import type { EpStatut } from '../domain/education-prioritaire.ts';

/** One establishment as the map draws it. */
export interface EtablissementPoint {
  uai: string;
  nom: string;
  type: string;
  ep: EpStatut;
  secteur: string;
  commune_nom: string;
  lon: number;
  lat: number;
  /** QPV it lies in and QPV within 300 m, comma-separated; empty when none. */
  qpv: string;
}

/** Drawing order, bottom to top. */
const EP_RANK: Record<EpStatut, number> = { hors_ep: 0, inconnu: 1, REP: 2, 'REP+': 3 };
const epRank = (ep: EtablissementPoint['ep']) => EP_RANK[ep] ?? 0;

/**
 * Every located establishment of the published `etablissements` table, read from its Arrow
 * columns (the map draws them without waiting for DuckDB): éducation prioritaire last, so that
 * it is drawn on top (unknown status over hors EP), then by UAI.
 */
export function etablissementPoints(table: Table): EtablissementPoint[] {
  const column = (name: string) => {
    const c = table.getChild(name);
    if (c === null) throw new Error(`etablissements: no column "${name}"`);
    return c;
  };
  const [uai, nom, type, ep, secteur, commune, lon, lat, qpvIn, qpvNear] = ['uai', 'nom', 'type', 'ep', 'secteur', 'commune_nom', 'lon', 'lat', 'qpv_code', 'qpv_300m'].map(column);
  const points: EtablissementPoint[] = [];
  for (let i = 0; i < table.numRows; i++) {
    const [x, y] = [lon!.get(i) as number | null, lat!.get(i) as number | null];
    if (x === null || y === null) continue;
    points.push({
      uai: uai!.get(i) as string,
      nom: nom!.get(i) as string,
      type: type!.get(i) as string,
      ep: ep!.get(i) as EtablissementPoint['ep'],
      secteur: secteur!.get(i) as string,
      commune_nom: commune!.get(i) as string,
      lon: x,
      lat: y,
      qpv: [qpvIn!.get(i) as string | null, qpvNear!.get(i) as string | null].filter((q) => q !== null).join(','),
    });
  }
  return points.sort((a, b) => epRank(a.ep) - epRank(b.ep) || (a.uai < b.uai ? -1 : a.uai > b.uai ? 1 : 0));
}
