/**
 * The indicators the observatory publishes, curated: a short French label as a délégué·e du
 * préfet reads it, the unit, the kind of value, which way is worse, the theme and its
 * millésime (the year INSEE published it and, when a document says so, the year it describes).
 * Pure data, shared by the pipeline (which checks every source column against it and writes
 * `indicateurs_meta`) and the app (legends, fiches, secret statistique).
 *
 * Ids are the column names of INSEE's QPV files as the Hackaviz 2021 extract publishes them
 * (`data-pipeline/sources/qpv-occitanie-2015/qp.csv`); labels follow its dictionary
 * (`meta_qp.csv`).
 *
 * Millésimes. The extract's README (github.com/ToulouseDataViz/Hackaviz2021, commit a054acb)
 * says its data « ont été publiées par l'INSEE pour l'année 2019, sauf pour les données
 * concernant l'insertion professionnelle [pour lesquelles] l'année 2020 est considérée ». That
 * is the edition of INSEE's QPV database (`publication`): 2019, and 2020 for the insertion
 * professionnelle theme (taux d'emploi, emploi précaire, demandeurs d'emploi). An edition is
 * not the year observed: each theme of INSEE's QPV bases draws on a source of its own
 * (recensement, Filosofi, Cnaf, Pôle emploi, Sirene, BPE) whose year the base's documentation
 * gives, and neither the extract nor its dictionary says which base or which source year it
 * took. So `observee` is set only where a document ties the figures to a year:
 *
 * - the three population counts describe 2013, although the extract calls `pop_com` « une
 *   estimation de l'Insee et de la Cnaf en 2015 »: Insee Dossier Occitanie n° 7 (juillet 2018),
 *   « source : Insee, recensement de la population 2013 », gives « 358 000 habitants » in the
 *   105 QPV (the extract's `pop_mun` add up to 358 011), 68 640 in the Haute-Garonne (68 637),
 *   102 140 in the Hérault (102 137), and « en 2013 » 31 690 in Grand Mirail (31 691), 5 500 in
 *   Empalot (5 502), 1 360 in Cœur de ville at Saint-Gaudens (1 357); Toulouse's `pop_com`,
 *   458 298, is its population municipale 2013.
 * - every other indicator: no year documented, « publié en 2019 (or 2020), année observée non
 *   précisée ». The poverty rates are not those of the same 2018 dossier (Grand Mirail
 *   46,4 % there, `tp60` 48,5 % here), so they do not share the population's year either.
 */

/** The years of a value: INSEE's edition, and the year it describes when a document says it. */
export interface Millesime {
  /** Year of the INSEE QPV database edition the value comes from (the extract's « publiées … pour l'année »). */
  readonly publication: number;
  /** Year the value describes, only when a cited document ties it to one; null otherwise. */
  readonly observee: number | null;
  /** The document that gives `observee`, or why no observed year is given. */
  readonly fondement: string;
}

/** What `millesimeLabel` adds to the edition when no document gives the year observed. */
export const MILLESIME_UNSPECIFIED = ', année observée non précisée';

/**
 * How the app names an indicator's millésime, on screen and in exports: the observed year, or
 * the edition with a plain « année observée non précisée » (never an edition passed off as
 * the year observed). Written to `indicateurs_meta.millesime` by the pipeline.
 */
export function millesimeLabel(millesime: Pick<Millesime, 'publication' | 'observee'>): string {
  return millesime.observee === null ? `publié en ${millesime.publication}${MILLESIME_UNSPECIFIED}` : String(millesime.observee);
}

const EXTRACT_ONLY = 'Hackaviz 2021 README: « publiées par l’INSEE pour l’année 2019 »; no document gives the year the figures describe';
const PUBLISHED_2019: Millesime = { publication: 2019, observee: null, fondement: EXTRACT_ONLY };
const PUBLISHED_2020: Millesime = {
  publication: 2020,
  observee: null,
  fondement: 'Hackaviz 2021 README: « pour [l’insertion professionnelle], l’année 2020 est considérée »; no document gives the year the figures describe',
};
const CENSUS_2013: Millesime = {
  publication: 2019,
  observee: 2013,
  fondement:
    'Insee Dossier Occitanie n° 7 (juillet 2018), « source : Insee, recensement de la population 2013 »: the same QPV populations (358 000 in Occitanie, 68 640 in the Haute-Garonne, 102 140 in the Hérault, 31 690 in Grand Mirail); Toulouse 458 298 = population municipale 2013',
};

/**
 * `effectif`: a count of people or households, subject to the secret statistique at display.
 * `nombre`: a count of places (schools, establishments), which no secret covers.
 */
export type TypeValeur = 'taux' | 'effectif' | 'nombre' | 'montant' | 'indice';
/** Which way is worse for the population of the territory. */
export type Sens = 'hausse_defavorable' | 'hausse_favorable' | 'neutre';
export type Theme = 'population' | 'revenus' | 'prestations_sociales' | 'emploi' | 'education' | 'activite_economique';

export interface IndicatorEntry {
  readonly libelle: string;
  readonly unite: string;
  readonly type_valeur: TypeValeur;
  readonly sens: Sens;
  readonly theme: Theme;
  readonly millesime: Millesime;
}

const entry = (libelle: string, unite: string, type_valeur: TypeValeur, sens: Sens, theme: Theme, millesime: Millesime = PUBLISHED_2019): IndicatorEntry => ({
  libelle,
  unite,
  type_valeur,
  sens,
  theme,
  millesime,
});

// Per-unit-of-consumption incomes are yearly, in euros.
const euros = (libelle: string, sens: Sens) => entry(libelle, '€', 'montant', sens, 'revenus');
// The insertion professionnelle theme of INSEE's QPV bases, which the extract takes from 2020.
const emploi = (libelle: string, unite: string, type: TypeValeur, sens: Sens) => entry(libelle, unite, type, sens, 'emploi', PUBLISHED_2020);

export const INDICATOR_CATALOGUE = {
  pop_mun: entry('Population du quartier', 'habitants', 'effectif', 'neutre', 'population', CENSUS_2013),
  pop_com_qp: entry('Population des QPV de la commune', 'habitants', 'effectif', 'neutre', 'population', CENSUS_2013),
  pop_com: entry('Population de la commune', 'habitants', 'effectif', 'neutre', 'population', CENSUS_2013),
  ind_jeune: entry('Indice de jeunesse (0-19 ans / 60 ans et plus)', 'ratio', 'indice', 'neutre', 'population'),
  tx_tot_et: entry('Part des étrangers', '%', 'taux', 'neutre', 'population'),
  tx_f: entry('Part des femmes', '%', 'taux', 'neutre', 'population'),
  tx_f_et: entry('Part des étrangères parmi les femmes', '%', 'taux', 'neutre', 'population'),

  percou: entry('Personnes couvertes par une prestation CAF', 'personnes', 'effectif', 'neutre', 'prestations_sociales'),
  a: entry('Foyers allocataires de la CAF', 'foyers', 'effectif', 'neutre', 'prestations_sociales'),

  pmimp: entry('Part des ménages imposés', '%', 'taux', 'hausse_favorable', 'revenus'),
  part_chomprinc: entry('Part des ménages vivant surtout d’indemnités chômage', '%', 'taux', 'hausse_defavorable', 'revenus'),
  decuc_q2: euros('Revenu déclaré médian par unité de consommation', 'hausse_favorable'),
  decuc_d1: euros('Revenu déclaré par unité de consommation, 1er décile', 'hausse_favorable'),
  decuc_d9: euros('Revenu déclaré par unité de consommation, 9e décile', 'neutre'),
  disp_q2: euros('Revenu disponible médian par unité de consommation', 'hausse_favorable'),
  disp_d1: euros('Revenu disponible par unité de consommation, 1er décile', 'hausse_favorable'),
  disp_d9: euros('Revenu disponible par unité de consommation, 9e décile', 'neutre'),
  tp60: entry('Taux de pauvreté (seuil 60 %)', '%', 'taux', 'hausse_defavorable', 'revenus'),
  brev: entry('Taux de bas revenus', '%', 'taux', 'hausse_defavorable', 'revenus'),

  tx_tot_empl: emploi('Taux d’emploi des 15-64 ans', '%', 'taux', 'hausse_favorable'),
  tx_f_empl: emploi('Taux d’emploi des femmes de 15-64 ans', '%', 'taux', 'hausse_favorable'),
  tx_et_empl: emploi('Taux d’emploi des étrangers de 15-64 ans', '%', 'taux', 'hausse_favorable'),
  tx_tot_eprec: emploi('Part des emplois précaires', '%', 'taux', 'hausse_defavorable'),
  tx_f_eprec: emploi('Part des emplois précaires chez les femmes', '%', 'taux', 'hausse_defavorable'),
  tx_et_eprec: emploi('Part des emplois précaires chez les étrangers', '%', 'taux', 'hausse_defavorable'),
  abcde: emploi('Demandeurs d’emploi (catégories A à E)', 'personnes', 'effectif', 'hausse_defavorable'),
  abcde_f: emploi('Demandeurs d’emploi : femmes', 'personnes', 'effectif', 'hausse_defavorable'),
  abcde_h: emploi('Demandeurs d’emploi : hommes', 'personnes', 'effectif', 'hausse_defavorable'),
  abc_capbep: emploi('Demandeurs d’emploi (A, B, C) de niveau CAP-BEP', 'personnes', 'effectif', 'hausse_defavorable'),
  abc_bac: emploi('Demandeurs d’emploi (A, B, C) de niveau bac', 'personnes', 'effectif', 'hausse_defavorable'),
  abc_supbac: emploi('Demandeurs d’emploi (A, B, C) de niveau supérieur au bac', 'personnes', 'effectif', 'hausse_defavorable'),

  // Schools near the quartier: access is what counts; private ones are neither better nor worse.
  ec_mat: entry('Écoles maternelles à moins de 100 m', 'écoles', 'nombre', 'hausse_favorable', 'education'),
  ec_elem: entry('Écoles élémentaires à moins de 100 m', 'écoles', 'nombre', 'hausse_favorable', 'education'),
  ec_elem_pri: entry('Écoles élémentaires privées à moins de 100 m', 'écoles', 'nombre', 'neutre', 'education'),
  coll: entry('Collèges à moins de 300 m', 'collèges', 'nombre', 'hausse_favorable', 'education'),
  coll_pri: entry('Collèges privés à moins de 300 m', 'collèges', 'nombre', 'neutre', 'education'),

  nbetab: entry('Établissements économiques', 'établissements', 'nombre', 'hausse_favorable', 'activite_economique'),
  ens_sante: entry('Établissements d’enseignement, de santé et d’action sociale', 'établissements', 'nombre', 'hausse_favorable', 'activite_economique'),
  serv_par: entry('Établissements de services aux particuliers', 'établissements', 'nombre', 'hausse_favorable', 'activite_economique'),
  serv_tot: entry('Établissements de services (entreprises et particuliers)', 'établissements', 'nombre', 'hausse_favorable', 'activite_economique'),
  // Self-employed people: counted as people, so under the secret statistique.
  auto_ent: entry('Créations d’établissements par des auto-entrepreneurs', 'créations', 'effectif', 'neutre', 'activite_economique'),
} as const satisfies Record<string, IndicatorEntry>;

export type IndicatorId = keyof typeof INDICATOR_CATALOGUE;

/** Indicator ids in catalogue order: by theme, then as the source file orders them. */
export const INDICATOR_IDS = Object.keys(INDICATOR_CATALOGUE) as IndicatorId[];

export function isIndicatorId(id: string): id is IndicatorId {
  return Object.hasOwn(INDICATOR_CATALOGUE, id);
}

/** The catalogue entry of an indicator id, or undefined for an id it does not know. */
export function indicatorEntry(id: string): IndicatorEntry | undefined {
  return isIndicatorId(id) ? INDICATOR_CATALOGUE[id] : undefined;
}
