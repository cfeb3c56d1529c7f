import type { Table } from 'apache-arrow';
import { rankSearchHits, normaliseSearchText, type SearchHit, searchTerms } from './search-query.ts';

/**
 * The search of QPV and territories (communes, départements, régions, académies, contrats de
 * ville) in JS, over the published `qpv` and `territoires` Arrow files: it answers as soon as
 * they are fetched, seconds before DuckDB has started. Matched and ranked as the SQL search of
 * the Cités, PRE and schools (`searchSql` over `scoredSql`), tested against it on the published data.
 */

/** One place with its folded name and code, as the search compares them. */
export interface Place extends Omit<SearchHit, 'rank'> {
  normNom: string;
  normCode: string;
}

const TERRITORY_KIND_ORDER: Readonly<Record<string, number>> = { commune: 1, departement: 2, region: 3, contrat_de_ville: 4 };
/** A territory's second line; the département code is never null for a commune or a contrat de ville (table-layouts.ts). */
const TERRITORY_DETAIL: Readonly<Record<string, (departement: string) => string>> = {
  commune: (d) => `Commune (${d})`,
  contrat_de_ville: (d) => `Contrat de ville (${d})`,
  departement: () => 'Département',
  region: () => 'Région',
};

/** The places of the published `qpv` and `territoires` tables (either may be missing). */
export function buildPlaces(qpv: Table | null, territoires: Table | null): Place[] {
  const places: Place[] = [];
  const add = (table: Table, place: (row: (column: string) => string) => Pick<Place, 'kind' | 'kind_order' | 'code' | 'nom' | 'detail'>) => {
    const columns = new Map(table.schema.fields.map((f) => [f.name, table.getChild(f.name)!]));
    for (let i = 0; i < table.numRows; i++) {
      const value = (column: string) => columns.get(column)?.get(i) as unknown;
      const p = place((column) => String(value(column)));
      const box = ['xmin', 'ymin', 'xmax', 'ymax'].map((c) => Number(value(c)));
      places.push({ ...p, xmin: box[0]!, ymin: box[1]!, xmax: box[2]!, ymax: box[3]!, normNom: normaliseSearchText(p.nom), normCode: p.code.toLowerCase() });
    }
  };
  if (qpv !== null) add(qpv, (row) => ({ kind: 'qpv', kind_order: 0, code: row('code'), nom: row('nom'), detail: `QPV · ${row('commune_nom')} (${row('departement_code')})` }));
  if (territoires !== null) {
    add(territoires, (row) => {
      const niveau = row('niveau');
      return { kind: niveau as SearchHit['kind'], kind_order: TERRITORY_KIND_ORDER[niveau] ?? 5, code: row('code'), nom: row('nom'), detail: (TERRITORY_DETAIL[niveau] ?? (() => 'Académie'))(row('departement_code')) };
    });
  }
  return places;
}

/**
 * The places whose folded name contains the text (with or without a leading article) or each
 * of its words, or whose code starts with it, best first (`rankSearchHits`); null when the
 * text is too short to search.
 */
export function searchPlaces(places: readonly Place[], query: string, limit = 10): SearchHit[] | null {
  const terms = searchTerms(query);
  if (terms === null) return null;
  const { q, bare, code, words } = terms;
  const hits: SearchHit[] = [];
  for (const { normNom, normCode, ...place } of places) {
    const inName = normNom.includes(q) || normNom.includes(bare);
    const codeStarts = normCode.startsWith(code);
    if (!inName && !codeStarts && !(words.length > 1 && words.every((w) => normNom.includes(w)))) continue;
    const rank =
      normCode === code ? 0
      : normNom === q || normNom === bare ? 1
      : normNom.startsWith(q) || normNom.startsWith(bare) ? 2
      : codeStarts ? 3
      : inName ? 4
      : 5;
    hits.push({ ...place, rank });
  }
  return rankSearchHits(hits, limit);
}
