/** The fewest and the most QPV a comparison holds (Comparer, its URL, the fiche's « Comparer » button). */
export const COMPARISON_MIN = 2;
export const COMPARISON_MAX = 6;
