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
