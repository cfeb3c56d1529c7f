/**
 * The indicators the observatory publishes, curated: a short French label as a délégué·e du
 * préfet reads it, the unit, the kind of value, which way is worse, the theme and the year the
 * value describes. Pure data, shared by the pipeline (which checks every source column against
 * it and writes `indicateurs_meta`) and the app (legends, fiches, secret statistique).
 *
 * Ids are the column names of INSEE's QPV files as the Hackaviz 2021 extract publishes them
 * (`data-pipeline/sources/qpv-occitanie-2015/qp.csv`); labels follow its dictionary
 * (`meta_qp.csv`).
 *
 * Years (`annee`): the extract says its data « ont été publiées par l'INSEE pour l'année 2019,
 * sauf pour les données concernant l'insertion professionnelle [pour lesquelles] l'année 2020 est
 * considérée ». That is the year of INSEE's QPV database, kept as is: 2019, and 2020 for the
 * insertion professionnelle theme (taux d'emploi, emploi précaire, demandeurs d'emploi). The
 * surveys behind a 2019 database may describe an earlier year (Filosofi, recensement); the
 * file does not say which. The exception is the three population counts, which describe 2013
 * (the extract calls `pop_com` « une estimation de l'Insee et de la Cnaf en 2015 »): Toulouse's
 * 458 298 is its population municipale au 1ᵉʳ janvier 2013, and the 22 QPV of the Hérault add
 * up to 102 137, the « 102 140 habitants » of Insee Dossier Occitanie n° 7 (2018), « source :
 * recensement de la population 2013 ».
 */

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
  readonly annee: number;
}

const entry = (libelle: string, unite: string, type_valeur: TypeValeur, sens: Sens, theme: Theme, annee: number): IndicatorEntry => ({
  libelle,
  unite,
  type_valeur,
  sens,
  theme,
  annee,
});

// Per-unit-of-consumption incomes are yearly, in euros.
const euros = (libelle: string, sens: Sens) => entry(libelle, '€', 'montant', sens, 'revenus', 2019);
const emploi = (libelle: string, unite: string, type: TypeValeur, sens: Sens) => entry(libelle, unite, type, sens, 'emploi', 2020);

export const INDICATOR_CATALOGUE = {
  pop_mun: entry('Population du quartier', 'habitants', 'effectif', 'neutre', 'population', 2013),
  pop_com_qp: entry('Population des QPV de la commune', 'habitants', 'effectif', 'neutre', 'population', 2013),
  pop_com: entry('Population de la commune', 'habitants', 'effectif', 'neutre', 'population', 2013),
  ind_jeune: entry('Indice de jeunesse (0-19 ans / 60 ans et plus)', 'ratio', 'indice', 'neutre', 'population', 2019),
  tx_tot_et: entry('Part des étrangers', '%', 'taux', 'neutre', 'population', 2019),
  tx_f: entry('Part des femmes', '%', 'taux', 'neutre', 'population', 2019),
  tx_f_et: entry('Part des étrangères parmi les femmes', '%', 'taux', 'neutre', 'population', 2019),

  percou: entry('Personnes couvertes par une prestation CAF', 'personnes', 'effectif', 'neutre', 'prestations_sociales', 2019),
  a: entry('Foyers allocataires de la CAF', 'foyers', 'effectif', 'neutre', 'prestations_sociales', 2019),

  pmimp: entry('Part des ménages imposés', '%', 'taux', 'hausse_favorable', 'revenus', 2019),
  part_chomprinc: entry('Part des ménages vivant surtout d’indemnités chômage', '%', 'taux', 'hausse_defavorable', 'revenus', 2019),
  decuc_q2: euros('Revenu déclaré médian par unité de consommation', 'hausse_favorable'),
  decuc_d1: euros('Revenu déclaré par unité de consommation, 1er décile', 'hausse_favorable'),
  decuc_d9: euros('Revenu déclaré par unité de consommation, 9e décile', 'neutre'),
  disp_q2: euros('Revenu disponible médian par unité de consommation', 'hausse_favorable'),
  disp_d1: euros('Revenu disponible par unité de consommation, 1er décile', 'hausse_favorable'),
  disp_d9: euros('Revenu disponible par unité de consommation, 9e décile', 'neutre'),
  tp60: entry('Taux de pauvreté (seuil 60 %)', '%', 'taux', 'hausse_defavorable', 'revenus', 2019),
  brev: entry('Taux de bas revenus', '%', 'taux', 'hausse_defavorable', 'revenus', 2019),

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
  ec_mat: entry('Écoles maternelles à moins de 100 m', 'écoles', 'nombre', 'hausse_favorable', 'education', 2019),
  ec_elem: entry('Écoles élémentaires à moins de 100 m', 'écoles', 'nombre', 'hausse_favorable', 'education', 2019),
  ec_elem_pri: entry('Écoles élémentaires privées à moins de 100 m', 'écoles', 'nombre', 'neutre', 'education', 2019),
  coll: entry('Collèges à moins de 300 m', 'collèges', 'nombre', 'hausse_favorable', 'education', 2019),
  coll_pri: entry('Collèges privés à moins de 300 m', 'collèges', 'nombre', 'neutre', 'education', 2019),

  nbetab: entry('Établissements économiques', 'établissements', 'nombre', 'hausse_favorable', 'activite_economique', 2019),
  ens_sante: entry('Établissements d’enseignement, de santé et d’action sociale', 'établissements', 'nombre', 'hausse_favorable', 'activite_economique', 2019),
  serv_par: entry('Établissements de services aux particuliers', 'établissements', 'nombre', 'hausse_favorable', 'activite_economique', 2019),
  serv_tot: entry('Établissements de services (entreprises et particuliers)', 'établissements', 'nombre', 'hausse_favorable', 'activite_economique', 2019),
  // Self-employed people: counted as people, so under the secret statistique.
  auto_ent: entry('Créations d’établissements par des auto-entrepreneurs', 'créations', 'effectif', 'neutre', 'activite_economique', 2019),
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
