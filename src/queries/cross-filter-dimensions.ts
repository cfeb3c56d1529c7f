import { type CategoryDimension, type DimensionDeclaration, type RangeDimension, registryOf } from '../domain/cross-filter.ts';
import { EP_LABELS, EP_STATUTS } from '../domain/education-prioritaire.ts';
import { formatDistance, formatValue } from '../domain/format-fr.ts';
import { INDICATOR_CATALOGUE, type IndicatorId, millesimeLabel } from '../domain/indicator-catalogue.ts';
import { RISK_COLLEGES } from '../domain/risk-index.ts';
import { SERVICES_16_25 } from '../domain/services-16-25.ts';
import { sqlString } from '../domain/sql.ts';
import { AXES, FINANCEMENTS, SPHERES } from '../domain/vocabulary.ts';
import { buildQpvIndicatorValuesQuery } from './indicator-queries.ts';
import { RISK_INDICATOR_ID, RISK_LABEL, RISK_TABLES } from './risk-indicator-queries.ts';

/**
 * Every dimension the cross-filter can show and filter, declared once: the engine, the URL,
 * the panel's picker, the histograms, the scatter plot, the result table, its CSV and the
 * map's GPU filter all read this list. Adding one is adding a declaration here
 * (docs/architecture.md, « Adding a dimension »). Each `values` query reads the published
 * tables, or the cross-filter's own (`cf_qpv`, `cf_qpv_actions`: cross-filter-queries.ts).
 */

const count = (v: number) => formatValue(v, '');
const notNull = (column: string) => `CASE WHEN ${column} IS NULL THEN 'nd' END`;

const GROUPS = {
  carte: 'Carte',
  risque: 'Décrochage et école',
  services: 'Services 16–25 ans (distance au plus proche)',
  actions: 'Actions et partenaires',
  insee: 'Indicateurs INSEE des QPV',
  categories: 'Catégories',
} as const;

/** The indicator the map is coloured by: its label, unit and millésime follow it. */
const VALEUR: RangeDimension = {
  kind: 'range',
  id: 'valeur',
  label: 'Indicateur de la carte',
  group: GROUPS.carte,
  tables: ['indicateurs', 'indicateurs_meta', 'qpv', ...RISK_TABLES],
  unit: '',
  millesime: '',
  sens: 'neutre',
  format: (v) => formatValue(v, ''),
  values: ({ indicator, weights }) => buildQpvIndicatorValuesQuery(indicator, weights),
  followsIndicator: true,
};

const RISQUE: RangeDimension = {
  kind: 'range',
  id: 'risque',
  label: RISK_LABEL,
  group: GROUPS.risque,
  tables: [...RISK_TABLES],
  unit: 'indice',
  millesime: 'pondérations choisies',
  sens: 'hausse_defavorable',
  note: 'Score de 0 à 100 avec les pondérations de l’onglet Indicateur (100 = le plus exposé)',
  format: (v) => formatValue(v, ''),
  values: ({ weights }) => buildQpvIndicatorValuesQuery(RISK_INDICATOR_ID, weights),
};

const COLLEGES_NOTE = `Moyenne des ${RISK_COLLEGES.k} collèges publics les plus proches (à ${RISK_COLLEGES.rayonM / 1000} km au plus), pondérée par la distance comme dans l’indice de risque`;

/** A column of the QPV's nearest public collèges, averaged with the risk index's weights (`qpv_colleges`). */
const collegeMean = (id: string, label: string, column: 'ips' | 'dnb_taux_reussite', unit: string, millesime: string): RangeDimension => ({
  kind: 'range',
  id,
  label,
  group: GROUPS.risque,
  tables: ['qpv_colleges', 'etablissements'],
  unit,
  millesime,
  sens: 'hausse_favorable',
  note: COLLEGES_NOTE,
  format: (v) => formatValue(v, unit),
  values: () => `
SELECT c.qpv_code AS code, sum(c.poids * e.${column}) / sum(c.poids) AS valeur, NULL AS statut
FROM qpv_colleges c JOIN etablissements e USING (uai)
WHERE e.${column} IS NOT NULL
GROUP BY c.qpv_code`,
});

const SCHOOL: RangeDimension[] = [
  collegeMean('ips', 'IPS des collèges proches', 'ips', '', 'dernière rentrée publiée par collège'),
  collegeMean('dnb', 'Réussite au DNB des collèges proches', 'dnb_taux_reussite', '%', 'dernière session publiée par collège'),
];

const ACCES_NOTE = 'À vol d’oiseau, depuis le QPV (0 si le service est dans le QPV) ; n.d. si aucun n’est localisé à son adresse';
const distance = (id: string, label: string, categorie: string | null): RangeDimension => ({
  kind: 'range',
  id,
  label,
  group: GROUPS.services,
  tables: ['acces_services'],
  unit: 'm',
  millesime: 'lieux des données chargées',
  sens: 'hausse_defavorable',
  fromZero: true,
  note: ACCES_NOTE,
  format: formatDistance,
  values: () =>
    categorie === null
      ? `SELECT code, distance_m AS valeur, ${notNull('distance_m')} AS statut FROM cf_qpv`
      : `SELECT qpv_code AS code, distance_m AS valeur, ${notNull('distance_m')} AS statut FROM acces_services WHERE categorie = ${sqlString(categorie)}`,
});
const SERVICES: RangeDimension[] = [
  distance('distance', 'Distance au service 16–25 ans le plus proche', null),
  ...SERVICES_16_25.map((s) => distance(`d_${s.id}`, `Distance : ${s.label}`, s.id)),
];

/** Count of a QPV's actions (published and imported here), of one sphère or all: 0 when it has none, so that absence can be brushed. */
const actionCount = (id: string, label: string, sphere: string | null): RangeDimension => ({
  kind: 'range',
  id,
  label,
  group: GROUPS.actions,
  tables: ['actions'],
  unit: '',
  millesime: 'actions recensées (et importées dans ce navigateur)',
  sens: 'hausse_favorable',
  fromZero: true,
  note: 'Actions placées dans le QPV (une action sans QPV compte pour chaque QPV de ses communes) ; 0 : aucune',
  format: count,
  values: () => `
SELECT c.code, count(DISTINCT a.id)::DOUBLE AS valeur, NULL AS statut
FROM cf_qpv c LEFT JOIN cf_qpv_actions a ON a.code = c.code${sphere === null ? '' : ` AND a.dimension = 'spheres' AND a.valeur = ${sqlString(sphere)}`}
GROUP BY c.code`,
});
const ACTIONS: RangeDimension[] = [
  actionCount('actions', 'Nombre d’actions', null),
  ...SPHERES.map((s) => actionCount(`actions_${s.id.replace(/-/g, '_')}`, `Actions de la sphère « ${s.label} »`, s.id)),
  {
    kind: 'range',
    id: 'postes',
    label: 'Postes aidés par l’État dans le QPV',
    group: GROUPS.actions,
    tables: ['lieux'],
    unit: '',
    millesime: 'lieux des données chargées',
    sens: 'hausse_favorable',
    fromZero: true,
    note: 'Adultes-relais et postes FONJEP des structures localisées dans le QPV ; 0 : aucun',
    format: count,
    values: () => `
SELECT c.code, coalesce(sum(l.postes), 0)::DOUBLE AS valeur, NULL AS statut
FROM cf_qpv c LEFT JOIN lieux l ON l.qpv_code = c.code
GROUP BY c.code`,
  },
];

/** Every INSEE indicator of the catalogue, secret statistique applied by its values query. */
const INSEE: RangeDimension[] = (Object.entries(INDICATOR_CATALOGUE) as [IndicatorId, (typeof INDICATOR_CATALOGUE)[IndicatorId]][]).map(([id, entry]) => ({
  kind: 'range',
  id: `i_${id}`,
  label: entry.libelle,
  group: GROUPS.insee,
  tables: ['indicateurs', 'indicateurs_meta', 'qpv'],
  unit: entry.unite,
  millesime: millesimeLabel(entry.millesime),
  sens: entry.sens,
  format: (v) => formatValue(v, entry.unite),
  values: ({ weights }) => buildQpvIndicatorValuesQuery(id, weights),
}));

const category = (id: string, label: string, categories: CategoryDimension['categories'], values: string, tables: CategoryDimension['tables'], aliases?: Record<string, string>): CategoryDimension => ({
  kind: 'category',
  id,
  label,
  group: GROUPS.categories,
  categories,
  tables,
  ...(aliases ? { aliases } : {}),
  values: () => values,
});
const actionsCategory = (dimension: string) => `SELECT code, string_agg(DISTINCT valeur, '|' ORDER BY valeur) AS valeurs FROM cf_qpv_actions WHERE dimension = ${sqlString(dimension)} GROUP BY code`;

const CATEGORIES: CategoryDimension[] = [
  // `f_ep=hors`, as URLs written before the « inconnu » status said « hors EP ».
  category('ep', 'Éducation prioritaire (écoles dans le QPV ou à 300 m)', EP_STATUTS.map((s) => ({ id: s, label: EP_LABELS[s] })), 'SELECT code, ep AS valeurs FROM cf_qpv', ['etablissements'], { hors: 'hors_ep' }),
  category('spheres', 'Sphères des actions', SPHERES, actionsCategory('spheres'), ['actions']),
  category('axes', 'Axes des actions', AXES, actionsCategory('axes'), ['actions']),
  category('financement', 'Financement des actions', FINANCEMENTS, actionsCategory('financement'), ['actions']),
];

export const DIMENSION_DECLARATIONS: readonly DimensionDeclaration[] = [VALEUR, RISQUE, ...SCHOOL, ...SERVICES, ...ACTIONS, ...CATEGORIES, ...INSEE];

/** The registry of the app. */
export const DIMENSIONS = registryOf(DIMENSION_DECLARATIONS);
