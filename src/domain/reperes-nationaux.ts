/**
 * « Repères nationaux »: what the 208 Cités éducatives declared in the 2024 *revue de projet*,
 * as the national study of February 2026 reports it (seed 002, DESIGN.md §1). They describe
 * the programme, never one Cité: the answers of each Cité are not published, so a territory
 * view shows them beside the Cité's own figures, labelled as national, with their source.
 *
 * Each figure cites the line of `data-pipeline/sources/seeds/002_7730ce798fb9a474.txt` it is
 * read from, with the words it is read in; `tests/unit/reperes-nationaux.test.ts` reads each
 * one back from that line, so a figure or a line that drifts fails. The study's own slips are
 * kept as written and flagged, not corrected (seeds README: « 162/208 soit 68 % »).
 */

/** The study and the survey behind every repère. */
export const REPERES_SOURCE = {
  seed: '002_7730ce798fb9a474.txt',
  study: 'Comprendre les pratiques d’alliances éducatives dans le contexte des Cités éducatives',
  publisher: 'ANCT et réseau national des centres de ressources politique de la ville (RNCRPV)',
  published: 'février 2026',
  survey: 'Revue de projet 2024',
  /** The year the figures describe (DESIGN.md §8: a millésime is not a publication date). */
  millesime: 2024,
  /** Cités that answered the survey. */
  cites: 208,
  /** Lines of the seed that say so: the title, the survey and its 208 Cités, the legal deposit. */
  lines: { title: 7, survey: 126, deposit: 21 },
} as const;

export const REPERE_THEMES = [
  { id: 'pilotage', label: 'Instance de pilotage opérationnel' },
  { id: 'maturite', label: 'Maturité des coopérations' },
  { id: 'groupes', label: 'Groupes de travail' },
  { id: 'articulation', label: 'Articulations' },
  { id: 'interprofessionnalite', label: 'Formations interprofessionnelles' },
  { id: 'publics', label: 'Sphère famille : association des publics' },
  { id: 'ages', label: 'Petite enfance et 16–25 ans' },
  { id: 'sante', label: 'Santé' },
] as const;
export type RepereTheme = (typeof REPERE_THEMES)[number]['id'];

/**
 * A share the study writes as a percentage, or a count of Cités out of a total (with the
 * percentage it writes beside it, if any, even when that percentage is not count / total).
 */
export type RepereValue = { kind: 'percent'; percent: number } | { kind: 'count'; count: number; total: number; writtenPercent?: number };

export interface RepereNational {
  id: string;
  theme: RepereTheme;
  /** What is counted, in French. */
  label: string;
  /** What the figure is computed over (« les 208 Cités répondantes »), said with it (DESIGN.md §8). */
  base: string;
  value: RepereValue;
  /** Line of the seed (from 1) the figure is read on. */
  line: number;
  /** The words of that line it is read in, verbatim (a table cell: the cell's text). */
  quote: string;
  /** For a cell of a table: the line of its header row and the name of its column. */
  column?: { headerLine: number; name: string };
}

const percent = (p: number): RepereValue => ({ kind: 'percent', percent: p });
const count = (n: number, total: number, writtenPercent?: number): RepereValue => ({ kind: 'count', count: n, total, ...(writtenPercent === undefined ? {} : { writtenPercent }) });

const REPONSES = 'les réponses, fonctions présentes dans l’instance (31 intitulés, choix multiples)';
const DES_208 = 'les 208 Cités répondantes';
const REPONDANTES = 'les Cités répondantes';
const AVEC_PRE = 'les Cités qui s’articulent avec leur PRE';
const AGES_16_25 = 'les Cités répondantes (association déclarée)';

export const REPERES_NATIONAUX: readonly RepereNational[] = [
  { id: 'pilotage-en', theme: 'pilotage', label: 'Éducation nationale', base: REPONSES, value: percent(42), line: 725, quote: 'soit 42 % des réponses totales' },
  { id: 'pilotage-ville', theme: 'pilotage', label: 'Ville', base: REPONSES, value: percent(33), line: 725, quote: 'La Ville est représentée par un taux de réponses de 33 %' },
  { id: 'pilotage-prefecture', theme: 'pilotage', label: 'Préfecture', base: REPONSES, value: percent(15), line: 725, quote: 'la préfecture par 15 % des réponses' },
  { id: 'pilotage-autres', theme: 'pilotage', label: 'Autres institutions', base: REPONSES, value: percent(8), line: 725, quote: 'la catégorie « Autres » par 8 %' },

  { id: 'maturite-1', theme: 'maturite', label: 'Stade 1 : communication et entraide', base: DES_208, value: percent(15), line: 859, quote: 'stade 1 communication et entraide : 15 % des 208 Cités éducatives' },
  { id: 'maturite-2', theme: 'maturite', label: 'Stade 2 : coordination', base: DES_208, value: percent(47), line: 860, quote: 'stade 2 coordination : 47 % des 208 Cités éducatives' },
  { id: 'maturite-3', theme: 'maturite', label: 'Stade 3 : coopération et intégration', base: DES_208, value: percent(38), line: 861, quote: 'stade 3 coopération et intégration : 38 % des 208 Cités éducatives' },

  { id: 'groupes-existence', theme: 'groupes', label: 'Au moins un groupe de travail ou une commission thématique, fin 2024', base: REPONDANTES, value: percent(84), line: 1242, quote: 'Fin 2024, 84 % des Cités répondant à la Revue de projet déclarent l\'existence de ce type de groupe de travail' },
  { id: 'groupes-1-4', theme: 'groupes', label: 'De 1 à 4 groupes de travail', base: DES_208, value: count(175, 208), line: 1246, quote: '175 Cités répondantes sur 208 ont un à 4 groupes de travail' },
  { id: 'groupes-reflexif', theme: 'groupes', label: 'Mission réflexive (échange et réflexion)', base: REPONDANTES, value: percent(78), line: 230, quote: '78 % des Cités répondantes' },
  { id: 'groupes-operationnel', theme: 'groupes', label: 'Mission opérationnelle (définition et portage des actions)', base: REPONDANTES, value: percent(69), line: 231, quote: '69 % des Cités répondantes' },
  { id: 'groupes-evaluatif', theme: 'groupes', label: 'Mission évaluative (suivi, évaluation)', base: REPONDANTES, value: percent(35), line: 232, quote: '35 % des Cités répondantes' },

  { id: 'articulation-contrat-de-ville', theme: 'articulation', label: 'Articulation avec les enjeux éducatifs renforcée par le nouveau contrat de ville', base: DES_208, value: count(163, 208, 78), line: 892, quote: '163 Cités éducatives sur 208 répondent positivement, soit 78 %' },
  { id: 'articulation-pre-information', theme: 'articulation', label: 'PRE : partage régulier d’information', base: AVEC_PRE, value: percent(95), line: 934, quote: '95 %', column: { headerLine: 931, name: 'Oui' } },
  { id: 'articulation-pre-axes', theme: 'articulation', label: 'PRE : axes stratégiques communs', base: AVEC_PRE, value: percent(75), line: 944, quote: '75 %', column: { headerLine: 938, name: 'Oui' } },
  { id: 'articulation-pre-fusion', theme: 'articulation', label: 'PRE : fusion des instances', base: AVEC_PRE, value: percent(12), line: 950, quote: '12 %', column: { headerLine: 947, name: 'Oui' } },

  { id: 'formation-interprofessionnelle', theme: 'interprofessionnalite', label: 'Au moins une formation interprofessionnelle en 2024', base: DES_208, value: count(162, 208, 68), line: 985, quote: 'Sur les 208 Cités éducatives, qui ont répondu à la Revue de projet 2024, 162 d\'entre elles déclarent avoir mis en place au moins une formation interprofessionnelle soit 68 % en 2024' },

  { id: 'publics-associes', theme: 'publics', label: 'Enfants, jeunes, parents ou habitants associés au fonctionnement de la Cité', base: DES_208, value: count(119, 208), line: 1068, quote: '119 Cités éducatives sur 208 indiquent l\'association des enfants/jeunes et/ou parents/habitants au fonctionnement de la Cité éducative' },
  { id: 'publics-parents', theme: 'publics', label: 'Parents associés', base: DES_208, value: percent(53), line: 1101, quote: 'L\'association des parents est indiquée par 53 % des 208 Cités éducatives' },
  { id: 'publics-caf', theme: 'publics', label: 'Association avec la Caf', base: DES_208, value: count(177, 208), line: 1219, quote: '177 Cités éducatives sur 208 indiquent une association avec la Caf' },

  { id: 'ages-petite-enfance', theme: 'ages', label: 'Petite enfance (0–6 ans) public cible prioritaire', base: DES_208, value: count(181, 208), line: 1375, quote: '181 Cités éducatives sur 208 répondent positivement' },
  { id: 'ages-missions-locales', theme: 'ages', label: 'Association avec les missions locales', base: AGES_16_25, value: percent(89), line: 1396, quote: '89 %', column: { headerLine: 1395, name: 'Missions locales' } },
  { id: 'ages-lycees', theme: 'ages', label: 'Association avec les lycées', base: AGES_16_25, value: percent(80), line: 1396, quote: '80 %', column: { headerLine: 1395, name: 'Lycées' } },
  { id: 'ages-cio', theme: 'ages', label: 'Association avec les CIO', base: AGES_16_25, value: percent(50), line: 1396, quote: '50 %', column: { headerLine: 1395, name: 'Centre d\'Information et d\'Orientation' } },
  { id: 'ages-superieur', theme: 'ages', label: 'Association avec l’enseignement supérieur', base: AGES_16_25, value: percent(48), line: 1396, quote: '48 %', column: { headerLine: 1395, name: 'Etablissements d\'enseignement supérieur' } },
  { id: 'ages-cfa', theme: 'ages', label: 'Association avec les CFA', base: AGES_16_25, value: percent(26), line: 1396, quote: '26 %', column: { headerLine: 1395, name: 'Centres de Formation des apprentis' } },
  { id: 'ages-education-populaire', theme: 'ages', label: 'Association avec l’éducation populaire et l’insertion', base: DES_208, value: count(159, 208), line: 1404, quote: '159 cités sur 208 déclarent s\'associer avec elles' },

  { id: 'sante-prioritaire', theme: 'sante', label: 'Santé enjeu prioritaire', base: DES_208, value: count(186, 208), line: 1408, quote: '186 Cités éducatives sur 208 répondent que l\'axe santé est un enjeu prioritaire' },
  { id: 'sante-ars', theme: 'sante', label: 'Association avec l’ARS', base: DES_208, value: count(114, 208), line: 1408, quote: '114 Cités sur 208' },
];

/** count / total as a whole percentage (how the study rounds). */
export const countPercent = (v: { count: number; total: number }) => Math.round((100 * v.count) / v.total);

/** A count whose written percentage is not count / total: shown as the study writes it, and said so. */
export const percentMismatch = (v: RepereValue): boolean => v.kind === 'count' && v.writtenPercent !== undefined && v.writtenPercent !== countPercent(v);
