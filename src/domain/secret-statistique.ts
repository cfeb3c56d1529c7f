/**
 * Secret statistique: counts of people below this threshold are never shown (nor used in
 * classes). One rule for every view and export; the threshold can be changed here.
 */
export const SECRET_THRESHOLD = 11;

/** Kinds of value (`indicateurs_meta.type_valeur`) the rule applies to: counts of people. */
export const SECRET_TYPES: readonly string[] = ['effectif'];
