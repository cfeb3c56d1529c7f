import type { Territoire } from '../domain/cross-filter.ts';
import { sqlNumber, sqlString } from '../domain/sql.ts';
import { SPHERES, TRANCHES } from '../domain/vocabulary.ts';
import { ALL_ACTIONS_VIEW } from './local-actions-queries.ts';
import { actionInTerritory, placedInTerritory, territoryScopeCtes } from './territory-scope.ts';

/**
 * The parcours matrix of a territory: one row per tranche d'âge × sphère (always all 25),
 * with the actions that cover the cell and the partner places that serve it.
 *
 * - An action covers every cell of its tranches × its sphères. An action without tranche
 *   covers no cell: `buildUnplacedInMatrixQuery` counts those apart.
 * - A place serves the tranches and sphères of its category (`src/domain/lieu-categories.ts`,
 *   published in its `tranches` / `spheres` cells): a mission locale serves 16–25 in the
 *   tiers-lieux sphère, a centre social every tranche in famille, tiers-lieux and quartier.
 */

const axis = (name: string, entries: readonly { id: string }[]) => `(VALUES ${entries.map((e, i) => `(${sqlString(e.id)}, ${sqlNumber(i)})`).join(', ')}) AS ${name}(id, rang)`;

const cells = (table: string, where: string) => `
  SELECT x.id, tr AS tranche, sp AS sphere
  FROM ${table} x, unnest(string_split(x.tranches, '|')) AS u(tr), unnest(string_split(x.spheres, '|')) AS v(sp)
  WHERE ${where}`;

export function buildParcoursMatrixQuery(t: Territoire): string {
  return `
WITH ${territoryScopeCtes(t)},
action_cells AS (${cells(ALL_ACTIONS_VIEW, actionInTerritory(t, 'x'))}),
lieu_cells AS (${cells('lieux', placedInTerritory(t, 'x'))})
SELECT tr.id AS tranche, sp.id AS sphere,
       (SELECT count(DISTINCT id) FROM action_cells c WHERE c.tranche = tr.id AND c.sphere = sp.id)::INTEGER AS actions,
       (SELECT count(DISTINCT id) FROM lieu_cells c WHERE c.tranche = tr.id AND c.sphere = sp.id)::INTEGER AS lieux
FROM ${axis('tr', TRANCHES)}, ${axis('sp', SPHERES)}
ORDER BY tr.rang, sp.rang`;
}

/** Actions of the territory the matrix cannot place: no tranche d'âge stated. */
export function buildUnplacedInMatrixQuery(t: Territoire): string {
  return `
WITH ${territoryScopeCtes(t)}
SELECT count(*)::INTEGER AS sans_tranche FROM ${ALL_ACTIONS_VIEW} a WHERE a.tranches IS NULL AND ${actionInTerritory(t)}`;
}

/** The actions of one cell: of the territory, covering `tranche` and `sphere`. */
export function buildCellActionsQuery(t: Territoire, tranche: string, sphere: string): string {
  return `
WITH ${territoryScopeCtes(t)}
SELECT a.id, a.titre, a.commune, a.spheres, a.tranches, a.financement, a.locale, a.lon, a.lat
FROM ${ALL_ACTIONS_VIEW} a
WHERE ${actionInTerritory(t)}
  AND list_contains(string_split(a.tranches, '|'), ${sqlString(tranche)})
  AND list_contains(string_split(a.spheres, '|'), ${sqlString(sphere)})
ORDER BY a.locale DESC, a.titre`;
}

/** The places of one cell: of the territory, serving `tranche` in `sphere`. */
export function buildCellLieuxQuery(t: Territoire, tranche: string, sphere: string): string {
  return `
WITH ${territoryScopeCtes(t)}
SELECT l.id, l.nom, l.categorie, l.commune_nom
FROM lieux l
WHERE ${placedInTerritory(t, 'l')}
  AND list_contains(string_split(l.tranches, '|'), ${sqlString(tranche)})
  AND list_contains(string_split(l.spheres, '|'), ${sqlString(sphere)})
ORDER BY l.categorie, l.nom`;
}
