/**
 * One-off, reproducible conversion of the structured first reading of the seed documents
 * (`../shared/data/actions-recueil/actions-recueil.json`) into the actions template:
 * `data-pipeline/sources/actions-recueil/actions.csv`.
 *
 *   npx tsx scripts/convert-actions-recueil.ts [--json FILE] [--seed FILE] [--out FILE]
 *
 * The JSON's classifications (sphères, axes, niveaux, tranches) are kept as read (checked
 * against the seed text, see SOURCE.md); `scripts/actions-recueil/recueil-review.ts` adds the
 * financement categories and end years with the lines that support them. Every row goes
 * through the template's own validation, and the output through a personal-data guard.
 */
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { ACTIONS_TEMPLATE_COLUMNS, type ActionRecord, actionToCells, validateActionRecord } from '../src/domain/actions-template.ts';
import { formatTemplateIssue, MULTI_VALUE_SEPARATOR } from '../src/domain/template-cells.ts';
import { type CommuneMatch, loadCommuneLookup } from './actions-recueil/commune-lookup.ts';
import { contactSurnames, privacyProblems } from './actions-recueil/privacy-guard.ts';
import { ACTION_KINDS, ANNEE_FIN, DOCUMENTS, FINANCEMENT, LIEU_001 } from './actions-recueil/recueil-review.ts';

const REPO = path.resolve(import.meta.dirname, '..');
const SHARED = path.resolve(REPO, '../shared');

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
  const examples = o.example_actions?.length ? ` Exemples d’actions du document : ${o.example_actions.join(' ; ')}.` : '';
  for (const partner of o.partners ?? []) if (partner.includes(MULTI_VALUE_SEPARATOR)) throw new Error(`${o.id}: partner « ${partner} » holds the separator`);
  return {
    id: o.id,
    titre: o.title,
    resume: `${o.summary}${examples}`,
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

const csvCell = (value: string) => (/[;"\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value);

export function actionsCsv(actions: readonly ActionRecord[]): string {
  const lines = [ACTIONS_TEMPLATE_COLUMNS.join(';')];
  for (const action of actions) {
    const cells = actionToCells(action);
    lines.push(ACTIONS_TEMPLATE_COLUMNS.map((c) => csvCell(cells[c])).join(';'));
  }
  return `${lines.join('\n')}\n`;
}

async function main(): Promise<void> {
  const { values: args } = parseArgs({
    options: {
      json: { type: 'string', default: path.join(SHARED, 'data/actions-recueil/actions-recueil.json') },
      seed: { type: 'string', default: path.join(SHARED, 'seeds/000_9047d71bbe43d373.txt') },
      communes: { type: 'string', default: path.join(REPO, 'data-pipeline/sources/admin-express-2018/communes-simplifiees.geojson') },
      out: { type: 'string', default: path.join(REPO, 'data-pipeline/sources/actions-recueil/actions.csv') },
    },
  });
  const objects = z.array(RecueilObject).parse(JSON.parse(await readFile(args.json, 'utf8')));
  const lookup = await loadCommuneLookup(args.communes);
  const actions: ActionRecord[] = [];
  for (const o of objects.filter((x) => ACTION_KINDS.has(x.kind))) {
    const result = validateActionRecord(toCells(o, lookup));
    if (!result.ok) throw new Error(`${o.id}: ${result.issues.map(formatTemplateIssue).join(' ; ')}`);
    actions.push(result.action);
  }
  const csv = actionsCsv(actions);
  const problems = privacyProblems(csv, await contactSurnames(args.seed));
  if (problems.length > 0) throw new Error(`personal data in the output: ${problems.join(', ')}`);
  await writeFile(args.out, csv);
  console.log(`${actions.length} actions (${objects.length - actions.length} objects dropped) → ${path.relative(process.cwd(), args.out)}`);
}

await main();
