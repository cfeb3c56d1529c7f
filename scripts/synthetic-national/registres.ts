import { loadRegistry, sourcePath } from '../../data-pipeline/registry.ts';
import { readCsv } from '../../data-pipeline/read/read-csv.ts';
import { csvText } from './csv-text.ts';
import type { Random } from './random.ts';
import type { SyntheticQpv } from './qpv.ts';
import type { Commune, Territory } from './territory.ts';

/**
 * The staff-filled files of the synthetic dataset, in their templates: 16–25 places
 * (`lieux-annuaire`: missions locales, PIJ/BIJ, Promeneurs du Net, E2C, EPIDE in about their
 * national numbers, 60 % of those with an address within 3 km of a QPV), Cités éducatives
 * (the communes with the most QPV, each Cité over its commune's QPV), PRE, and actions of
 * the Cités, each rewritten from one of the shipped actions (its sphères, axes, tranches…
 * kept; its text, place and source replaced).
 */
export const SYNTHETIC_SOURCE_TEXT = 'SYNTHÉTIQUE : écrit par scripts/synthetic-national.ts pour la mesure de performance, aucune donnée réelle';

/** Category as the file writes it, its number at scale 1, its name, whether it has an address. */
const PLACES: readonly [string, number, string, boolean][] = [
  ['mission_locale', 440, 'Mission locale de', true],
  ['PIJ/BIJ', 1300, 'Point information jeunesse de', true],
  ['Promeneur du Net', 1000, 'Promeneur du Net de', false],
  ['E2C', 140, 'École de la deuxième chance de', true],
  ['EPIDE', 20, 'EPIDE de', true],
];

export function lieuxCsv(scale: number, qpv: readonly SyntheticQpv[], territory: Territory, random: Random): string {
  const rows: Record<string, string | number>[] = [];
  for (const [categorie, count, label, address] of PLACES) {
    for (let i = 0; i < Math.max(1, Math.round(count * scale)); i++) {
      const near = random.chance(0.6) ? random.pick(qpv) : undefined;
      const at = near === undefined ? undefined : nearPoint(near, territory, random);
      const communeIndex = at?.communeIndex ?? random.int(0, territory.communes.length - 1);
      const [lon, lat] = at === undefined ? territory.pointOf(communeIndex) : [at.lon, at.lat];
      const commune = territory.communes[communeIndex]!;
      rows.push({
        id: `synth-${categorie.replace(/\W+/g, '-').toLowerCase()}-${i + 1}`,
        nom: `${label} ${commune.nom}`,
        categorie,
        adresse: address ? `${random.int(1, 120)} rue de la République, ${commune.nom}` : '',
        code_commune: commune.code,
        latitude: address ? lat.toFixed(5) : '',
        longitude: address ? lon.toFixed(5) : '',
        annee: 2025,
      });
    }
  }
  return csvText(['id', 'nom', 'categorie', 'adresse', 'code_commune', 'latitude', 'longitude', 'annee'], rows, ';');
}

function nearPoint(qpv: SyntheticQpv, territory: Territory, random: Random): { lon: number; lat: number; communeIndex: number } | undefined {
  const distance = 3000 * Math.sqrt(random.next());
  const angle = random.between(0, 2 * Math.PI);
  const lat = qpv.lat + (distance * Math.sin(angle)) / 111_195;
  const lon = qpv.lon + (distance * Math.cos(angle)) / (111_195 * Math.cos((qpv.lat * Math.PI) / 180));
  const communeIndex = territory.communeAt(lon, lat);
  return communeIndex === undefined ? undefined : { lon, lat, communeIndex };
}

interface Cite {
  nom: string;
  commune: Commune;
  qpv: SyntheticQpv[];
}

/** The communes with QPV, those with the most first (then by code): where Cités and PRE go. */
function qpvCommunes(qpv: readonly SyntheticQpv[]): { commune: Commune; qpv: SyntheticQpv[] }[] {
  const byCommune = new Map<string, { commune: Commune; qpv: SyntheticQpv[] }>();
  for (const q of qpv) {
    const entry = byCommune.get(q.commune.code) ?? { commune: q.commune, qpv: [] };
    entry.qpv.push(q);
    byCommune.set(q.commune.code, entry);
  }
  return [...byCommune.values()].sort((a, b) => b.qpv.length - a.qpv.length || a.commune.code.localeCompare(b.commune.code));
}

/** A name per commune, unique: the département's code added where two communes share one. */
function uniqueNames(prefix: string, communes: readonly Commune[]): string[] {
  const seen = new Set<string>();
  return communes.map((c) => {
    const plain = `${prefix} ${c.nom}`;
    const name = seen.has(plain) ? `${plain} (${c.departement})` : plain;
    seen.add(name);
    return name;
  });
}

export function citesOf(scale: number, qpv: readonly SyntheticQpv[]): Cite[] {
  const hosts = qpvCommunes(qpv).slice(0, Math.max(1, Math.round(208 * scale)));
  const names = uniqueNames('Cité éducative de', hosts.map((h) => h.commune));
  return hosts.map((h, i) => ({ nom: names[i]!, commune: h.commune, qpv: h.qpv }));
}

export function citesCsv(cites: readonly Cite[], random: Random): string {
  const rows = cites.map((c) => ({
    nom: c.nom,
    annee_labellisation: random.pick([2019, 2020, 2022, 2024]),
    communes: c.commune.code,
    qpv_codes: c.qpv.map((q) => q.code).join('|'),
    source: SYNTHETIC_SOURCE_TEXT,
  }));
  return csvText(['nom', 'annee_labellisation', 'communes', 'qpv_codes', 'qpv_noms', 'commune_entiere', 'porteur', 'source'], rows, ';');
}

export function preCsv(scale: number, qpv: readonly SyntheticQpv[]): string {
  const hosts = qpvCommunes(qpv).slice(0, Math.max(1, Math.round(500 * scale)));
  const names = uniqueNames('PRE de', hosts.map((h) => h.commune));
  return csvText(['nom', 'porteur', 'communes', 'source'], hosts.map((h, i) => ({ nom: names[i]!, communes: h.commune.code, source: SYNTHETIC_SOURCE_TEXT })), ';');
}

export async function actionsCsv(scale: number, cites: readonly Cite[], random: Random): Promise<string> {
  const source = (await loadRegistry()).find((s) => s.id === 'actions-recueil')!;
  const real = await readCsv(sourcePath(source), source.file, { delimiter: ';' });
  const rows = Array.from({ length: Math.max(1, Math.round(600 * scale)) }, (_, i) => {
    const model = real.rows[i % real.rows.length]!.values;
    const cite = cites[i % cites.length]!;
    return {
      ...model,
      id: `synth-action-${i + 1}`,
      resume: `Action synthétique, sur le modèle de « ${model.titre} ».`,
      cite: cite.nom,
      commune_code: cite.commune.code,
      commune: cite.commune.nom,
      departement_code: cite.commune.departement,
      qpv_code: random.pick(cite.qpv).code,
      porteur: cite.nom,
      partenaires: '',
      lieu: '',
      source: SYNTHETIC_SOURCE_TEXT,
    };
  });
  return csvText(real.header, rows, ';');
}
