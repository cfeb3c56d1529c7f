import type { Territoire } from '../domain/cross-filter.ts';
import { foldText, foldTextSql } from '../domain/fold-text.ts';
import { sqlString } from '../domain/sql.ts';
import { ALL_ACTIONS_VIEW } from './local-actions-queries.ts';
import { actionInTerritory, territoryScopeCtes } from './territory-scope.ts';

/**
 * The actions catalogue: every action, published and local, filtered and sorted in SQL.
 * Within a vocabulary the chosen values are alternatives (an action with any of them
 * passes); across vocabularies they all apply, as in the cross-filter.
 */
export const CATALOGUE_VOCABULARIES = ['spheres', 'axes', 'niveaux', 'tranches', 'financement'] as const;
export type CatalogueVocabulary = (typeof CATALOGUE_VOCABULARIES)[number];

export const CATALOGUE_SORTS = ['titre', 'commune', 'annee_debut', 'financement'] as const;
export type CatalogueSort = (typeof CATALOGUE_SORTS)[number];

export interface CatalogueQuery {
  /** Folded substring of the title, summary, porteur, partners, communes or Cités. */
  texte: string;
  values: Readonly<Record<CatalogueVocabulary, readonly string[]>>;
  origine: 'toutes' | 'publiees' | 'locales';
  territoire: Territoire | null;
  sort: CatalogueSort;
  descending: boolean;
}

export const DEFAULT_CATALOGUE_QUERY: CatalogueQuery = {
  texte: '',
  values: { spheres: [], axes: [], niveaux: [], tranches: [], financement: [] },
  origine: 'toutes',
  territoire: null,
  sort: 'titre',
  descending: false,
};

export function buildActionsCatalogueQuery(q: CatalogueQuery): string {
  const where: string[] = [];
  const text = foldText(q.texte);
  if (text !== '') {
    const haystack = foldTextSql("concat_ws(' ', a.titre, a.resume, a.porteur, a.partenaires, a.commune, a.cite, a.lieu)");
    where.push(`contains(${haystack}, ${sqlString(text)})`);
  }
  for (const v of CATALOGUE_VOCABULARIES) {
    const chosen = q.values[v];
    if (chosen.length > 0) where.push(`coalesce(list_has_any(string_split(a.${v}, '|'), [${chosen.map(sqlString).join(', ')}]), FALSE)`);
  }
  if (q.origine !== 'toutes') where.push(q.origine === 'locales' ? 'a.locale' : 'NOT a.locale');
  if (q.territoire !== null) where.push(actionInTerritory(q.territoire));
  const direction = q.descending ? 'DESC' : 'ASC';
  return `
${q.territoire === null ? '' : `WITH ${territoryScopeCtes(q.territoire)}`}
SELECT a.id, a.titre, a.commune, a.cite, a.spheres, a.tranches, a.financement, a.annee_debut, a.annee_fin, a.porteur, a.locale
FROM ${ALL_ACTIONS_VIEW} a
${where.length === 0 ? '' : `WHERE ${where.join('\n  AND ')}`}
ORDER BY a.${q.sort} ${direction} NULLS LAST, a.titre, a.id`;
}

/** Every column of one action (published or local), for its fiche. */
export function buildActionFicheQuery(id: string): string {
  return `SELECT * FROM ${ALL_ACTIONS_VIEW} WHERE id = ${sqlString(id)}`;
}
