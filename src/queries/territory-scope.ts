import type { Territoire } from '../domain/cross-filter.ts';
import { QPV_PERIMETRE } from '../domain/cite-perimetre.ts';
import { sqlString } from '../domain/sql.ts';

/**
 * What belongs to a territory (a Cité, a commune, a département, a région), as SQL shared by
 * every query of the territory view. A territory is a set of communes (its own for a commune,
 * its perimeter for a Cité, all of theirs for a département or région) and, above the commune,
 * a set of départements:
 * - rows with a commune belong to the territories holding that commune;
 * - rows placed at a département only (an action in « 37 », a place without commune) belong
 *   to that département and its région, never to a commune or a Cité;
 * - an action naming the Cité in its `cite` cell belongs to that Cité wherever it is placed.
 */

/** The two CTEs every territory query starts with: `t_communes(code)` and `t_departements(code)`. */
export function territoryScopeCtes(t: Territoire): string {
  const code = sqlString(t.code);
  const communes = {
    commune: `SELECT code FROM territoires WHERE niveau = 'commune' AND code = ${code}`,
    departement: `SELECT code FROM territoires WHERE niveau = 'commune' AND departement_code = ${code}`,
    region: `SELECT code FROM territoires WHERE niveau = 'commune' AND region_code = ${code}`,
    cite: `SELECT DISTINCT unnest(string_split(communes, '|')) AS code FROM cites WHERE nom = ${code}`,
  }[t.niveau];
  const departements = {
    commune: 'SELECT NULL::VARCHAR AS code WHERE FALSE',
    cite: 'SELECT NULL::VARCHAR AS code WHERE FALSE',
    departement: `SELECT code FROM territoires WHERE niveau = 'departement' AND code = ${code}`,
    region: `SELECT code FROM territoires WHERE niveau = 'departement' AND region_code = ${code}`,
  }[t.niveau];
  return `t_communes AS (${communes}), t_departements AS (${departements})`;
}

const communeList = '(SELECT coalesce(list(code), []::VARCHAR[]) FROM t_communes)';
const departementList = '(SELECT coalesce(list(code), []::VARCHAR[]) FROM t_departements)';

/** A row with one commune (`commune_code`) and one département column, e.g. `qpv`, by where it is placed. */
function placedByCommune(alias: string): string {
  return `(${alias}.commune_code IN (SELECT code FROM t_communes) OR ${alias}.departement_code IN (SELECT code FROM t_departements))`;
}

const citeRow = (t: Territoire) => `FROM cites WHERE nom = ${sqlString(t.code)}`;
/** The QPV a Cité's source names, as a list (empty when none). */
const namedQpvList = (t: Territoire) => `(SELECT coalesce(string_split(qpv_codes, '|'), []::VARCHAR[]) ${citeRow(t)})`;
/** SQL true when the Cité's perimeter is the QPV its source names rather than its communes. */
const perimeterIsQpv = (t: Territoire) => `coalesce((SELECT perimetre ${citeRow(t)}) = ${sqlString(QPV_PERIMETRE)}, FALSE)`;

/**
 * A located row with `commune_code`, `departement_code`, `qpv_code` and `qpv_300m` (`etablissements`,
 * `lieux`) of the territory: placed in it, except for a Cité whose perimeter is the QPV its
 * source names — then the rows in those QPV or within 300 m of them (the « quartier vécu »
 * of `qpv_300m`), not the whole commune the perimeter lies in.
 */
export function placedInTerritory(t: Territoire, alias: string): string {
  const placed = placedByCommune(alias);
  if (t.niveau !== 'cite') return placed;
  const near = `list_has_any(string_split(concat_ws(',', ${alias}.qpv_code, ${alias}.qpv_300m), ','), ${namedQpvList(t)})`;
  return `(CASE WHEN ${perimeterIsQpv(t)} THEN ${near} ELSE ${placed} END)`;
}

/** A row whose communes and départements are `|`-separated lists (`actions`, `pre`). */
export function listedInTerritory(communes: string, departements: string): string {
  return `(coalesce(list_has_any(string_split(${communes}, '|'), ${communeList}), FALSE) OR coalesce(list_has_any(string_split(${departements}, '|'), ${departementList}), FALSE))`;
}

/** An action (alias `a`) of the territory: placed in it, or naming its Cité. */
export function actionInTerritory(t: Territoire, alias = 'a'): string {
  const placed = listedInTerritory(`${alias}.commune_code`, `${alias}.departement_code`);
  if (t.niveau !== 'cite') return placed;
  const namesCite = `coalesce(list_contains(string_split(${alias}.cite, '|'), ${sqlString(t.code)}), FALSE)`;
  // A Cité drawn as its QPV holds the actions placed in them, not every action of the commune.
  const inNamedQpv = `coalesce(list_has_any(string_split(${alias}.qpv_code, '|'), ${namedQpvList(t)}), FALSE)`;
  return `(${namesCite} OR CASE WHEN ${perimeterIsQpv(t)} THEN ${inNamedQpv} ELSE ${placed} END)`;
}

/**
 * A QPV (alias `q`) of the territory: by its main commune or its département; for a Cité whose
 * perimeter is the QPV its source names (`perimetre` = 'qpv'), those QPV alone, else the QPV
 * of its communes and any it names.
 */
export function qpvInTerritory(t: Territoire, alias = 'q'): string {
  const placed = placedByCommune(alias);
  if (t.niveau !== 'cite') return placed;
  const named = `list_contains(${namedQpvList(t)}, ${alias}.code)`;
  return `(CASE WHEN ${perimeterIsQpv(t)} THEN ${named} ELSE (${placed} OR ${named}) END)`;
}
