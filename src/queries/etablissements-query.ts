/** One establishment as the map draws it. */
export interface EtablissementPoint {
  uai: string;
  nom: string;
  type: string;
  ep: 'REP+' | 'REP' | null;
  secteur: string;
  commune_nom: string;
  lon: number;
  lat: number;
  /** QPV it lies in and QPV within 300 m, comma-separated; empty when none. */
  qpv: string;
}

/** Every located establishment; éducation prioritaire last so that it is drawn on top. */
export function buildEtablissementPointsQuery(): string {
  return `
SELECT uai, nom, type, ep, secteur, commune_nom, lon, lat, concat_ws(',', qpv_code, qpv_300m) AS qpv
FROM etablissements
WHERE lon IS NOT NULL AND lat IS NOT NULL
ORDER BY CASE ep WHEN 'REP+' THEN 2 WHEN 'REP' THEN 1 ELSE 0 END, uai`;
}
