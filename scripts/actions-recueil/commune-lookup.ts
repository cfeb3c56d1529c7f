import { readFile } from 'node:fs/promises';
import { vocabularyKey } from '../../src/domain/vocabulary.ts';

/**
 * Commune name + département → INSEE code, from the IGN Admin Express file the pipeline
 * reads. That file drops leading articles (`Rochelle`, `Bouscat`, `Havre`), so names are
 * compared without them, and without case, accents and dashes.
 */
export interface CommuneMatch {
  code: string;
  /** The name to publish: the file's, or the document's when the file dropped its article. */
  nom: string;
}

const withoutArticle = (name: string) => vocabularyKey(name).replace(/^(le|la|les|l) /, '');

export async function loadCommuneLookup(geojsonFile: string): Promise<(name: string, departement: string) => CommuneMatch> {
  const doc = JSON.parse(await readFile(geojsonFile, 'utf8')) as { features: { properties: { code: string; nom: string } }[] };
  const byKey = new Map<string, { code: string; nom: string }[]>();
  for (const { properties: p } of doc.features) {
    const key = withoutArticle(p.nom);
    byKey.set(key, [...(byKey.get(key) ?? []), p]);
  }
  return (name, departement) => {
    const hits = (byKey.get(withoutArticle(name)) ?? []).filter((c) => (c.code.startsWith('97') ? c.code.slice(0, 3) : c.code.slice(0, 2)) === departement);
    if (hits.length !== 1) throw new Error(`commune « ${name} » (${departement}): ${hits.length} matches in ${geojsonFile}`);
    const hit = hits[0]!;
    return { code: hit.code, nom: vocabularyKey(hit.nom) === vocabularyKey(name) ? hit.nom : name };
  };
}
