/**
 * The one way text is compared across the project (search, vocabulary, headers, names):
 * no accents, lower case, every run of other characters (apostrophes, dashes, underscores,
 * spaces) as one space. « L'Isle-d'Abeau » → « l isle d abeau ».
 */
export function foldText(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/** `foldText` in DuckDB SQL, for a column or expression: the same folding on both sides. */
export function foldTextSql(expression: string): string {
  return `trim(regexp_replace(lower(strip_accents(${expression})), '[^a-z0-9]+', ' ', 'g'))`;
}
