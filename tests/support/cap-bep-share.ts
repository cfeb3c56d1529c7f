/**
 * The CAP-BEP share of job seekers (A, B, C) the risk index used to have, kept to say in
 * docs/methodologie.md why it was dropped: 100 × abc_capbep / (abc_capbep + abc_bac +
 * abc_supbac) per QPV, latest year. A query on the published `indicateurs`, one row per QPV
 * having all three (`qpv_code`, `v`); shared by the check of the doc's correlation table and
 * by the doc-figures check of how many scored QPV it is computed on.
 */
export const CAP_BEP_SHARE_SQL = `
  SELECT territoire_code AS qpv_code,
         100 * max(valeur) FILTER (WHERE indicateur = 'abc_capbep') / nullif(sum(valeur) FILTER (WHERE indicateur IN ('abc_capbep', 'abc_bac', 'abc_supbac')), 0) AS v
  FROM indicateurs WHERE niveau = 'qpv' AND indicateur IN ('abc_capbep', 'abc_bac', 'abc_supbac')
  GROUP BY territoire_code HAVING count(valeur) = 3`;
