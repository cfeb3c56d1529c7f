/**
 * One-off, reproducible conversion of the structured first reading of the seed documents
 * (`data-pipeline/sources/actions-recueil/actions-recueil.json`) into the actions template:
 * `data-pipeline/sources/actions-recueil/actions.csv`.
 *
 *   npx tsx scripts/convert-actions-recueil.ts [--json FILE] [--out FILE] [--seed FILE]
 *
 * `--seed` (the recueil's original text: the repository ships it without its contact blocks)
 * adds its contacts' surnames to the personal-data guard; without it the guard checks e-mails
 * and phone numbers only, and says so.
 *
 * The JSON's classifications (sphères, axes, niveaux, tranches) of the fiches are kept as read
 * (checked against the seed text, see SOURCE.md); `scripts/actions-recueil/recueil-review.ts`
 * adds the financement categories and end years with the lines that support them, and turns
 * each of 001's orientations into its example actions, one row each with its own reading.
 * Every row goes through the template's own validation, and the output through a
 * personal-data guard.
 */
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { type ActionRecord, validateActionRecord } from '../src/domain/actions-template.ts';
import { actionsTemplateCsv } from '../src/domain/actions-template-files.ts';
import { formatTemplateIssue, MULTI_VALUE_SEPARATOR } from '../src/domain/template-cells.ts';
import { type CommuneMatch, loadCommuneLookup } from './actions-recueil/commune-lookup.ts';
import { contactSurnames, privacyProblems } from './actions-recueil/privacy-guard.ts';
import { ACTION_KINDS, ANNEE_FIN, DOCUMENTS, EXAMPLE_ACTIONS, FINANCEMENT, LIEU_001 } from './actions-recueil/recueil-review.ts';

const REPO = path.resolve(import.meta.dirname, '..');
const SOURCE_DIR = path.join(REPO, 'data-pipeline/sources/actions-recueil');

const strings = z.array(z.string()).nullable();
const RecueilObject = z.object({
  id: z.string(),
  kind: z.string(),
  title: z.string(),
  summary: z.string(),
  commune: strings,
  departement_code: z.string().nullable(),
  territory_context: z.string(),
  cite_educative: z.boolean().nullable(),
  axes: strings,
  spheres: strings,
  alliance_levels: strings,
  age_groups: strings,
  porteur: z.string().nullable(),
  partners: strings,
  start_year: z.number().int().nullable(),
  example_actions: strings.optional(),
  source: z.object({ file: z.string(), section: z.string(), lines: z.string() }),
});
type RecueilObject = z.infer<typeof RecueilObject>;

const join = (values: readonly string[] | null | undefined) => (values ?? []).join(MULTI_VALUE_SEPARATOR);

/** One JSON object → the cells of one template row (before validation). */
function toCells(o: RecueilObject, lookup: (name: string, departement: string) => CommuneMatch): Record<string, string> {
  const communes = (o.commune ?? []).map((name) => lookup(name, o.departement_code ?? ''));
  const document = DOCUMENTS[o.source.file];
  if (document === undefined) throw new Error(`${o.id}: unknown source file ${o.source.file}`);
  for (const partner of o.partners ?? []) if (partner.includes(MULTI_VALUE_SEPARATOR)) throw new Error(`${o.id}: partner « ${partner} » holds the separator`);
  return {
    id: o.id,
    titre: o.title,
    resume: o.summary,
    // A Cité named by its commune (« Cité éducative de Pau »); 001's Cité has no name.
    cite: o.cite_educative === true ? join(communes.map((c) => `Cité éducative de ${c.nom}`)) : '',
    commune_code: join(communes.map((c) => c.code)),
    commune: join(communes.map((c) => c.nom)),
    departement_code: o.departement_code ?? '',
    qpv_code: '',
    spheres: join(o.spheres),
    axes: join(o.axes),
    niveaux: join(o.alliance_levels),
    tranches: join(o.age_groups),
    financement: join(FINANCEMENT[o.id]?.ids),
    porteur: o.porteur ?? '',
    partenaires: join(o.partners),
    annee_debut: o.start_year === null ? '' : String(o.start_year),
    annee_fin: ANNEE_FIN[o.id] === undefined ? '' : String(ANNEE_FIN[o.id]!.year),
    lieu: o.source.file.startsWith('001_') ? LIEU_001 : o.territory_context,
    source: `${document}, ${o.source.section}, lignes ${o.source.lines}`,
  };
}

/**
 * An orientation of 001 → one row per example action (`orientation-01-1`…): the example's words
 * as title, its own reading (`EXAMPLE_ACTIONS`), the orientation's place, porteur and year.
 */
function exampleRows(o: RecueilObject, orientation: Record<string, string>): Record<string, string>[] {
  const examples = o.example_actions ?? [];
  const readings = EXAMPLE_ACTIONS[o.id] ?? [];
  if (readings.length !== examples.length) throw new Error(`${o.id}: ${examples.length} example actions in the JSON, ${readings.length} readings in recueil-review.ts`);
  const number = Number(o.id.slice(-2));
  return examples.map((example, i) => {
    const r = readings[i]!;
    return {
      ...orientation,
      id: `${o.id}-${i + 1}`,
      titre: example,
      resume: `Exemple d’action de l’orientation stratégique n° ${number} « ${o.title} », validée par le comité de pilotage de la Cité éducative en juin 2021.`,
      spheres: join(r.spheres),
      axes: join(r.axes),
      niveaux: join(r.niveaux),
      tranches: join(r.tranches),
      source: `${orientation.source} (orientation ${number}), exemple ligne${r.lines.includes('-') ? 's' : ''} ${r.lines}`,
    };
  });
}

async function main(): Promise<void> {
  const { values: args } = parseArgs({
    options: {
      json: { type: 'string', default: path.join(SOURCE_DIR, 'actions-recueil.json') },
      seed: { type: 'string' },
      communes: { type: 'string', default: path.join(REPO, 'data-pipeline/sources/admin-express-2018/communes-simplifiees.geojson') },
      out: { type: 'string', default: path.join(SOURCE_DIR, 'actions.csv') },
    },
  });
  const objects = z.array(RecueilObject).parse(JSON.parse(await readFile(args.json, 'utf8')));
  const lookup = await loadCommuneLookup(args.communes);
  const actions: ActionRecord[] = [];
  for (const o of objects.filter((x) => ACTION_KINDS.has(x.kind))) {
    const cells = toCells(o, lookup);
    for (const row of o.kind === 'orientation_strategique' ? exampleRows(o, cells) : [cells]) {
      const result = validateActionRecord(row);
      if (!result.ok) throw new Error(`${row.id}: ${result.issues.map(formatTemplateIssue).join(' ; ')}`);
      actions.push(result.action);
    }
  }
  const csv = actionsTemplateCsv(actions);
  if (args.seed === undefined) console.warn('no --seed: the output is checked for e-mails and phone numbers, not for the contacts’ surnames');
  const problems = privacyProblems(csv, args.seed === undefined ? [] : await contactSurnames(args.seed));
  if (problems.length > 0) throw new Error(`personal data in the output: ${problems.join(', ')}`);
  await writeFile(args.out, csv);
  const dropped = objects.filter((x) => !ACTION_KINDS.has(x.kind)).length;
  console.log(`${actions.length} actions (${dropped} objects dropped) → ${path.relative(process.cwd(), args.out)}`);
}

await main();
