import { z } from 'zod';
import {
  communeCodesCell,
  departementCell,
  departementOfCommune,
  MULTI_VALUE_SEPARATOR,
  optionalTextCell,
  qpvCodesCell,
  readTemplateHeader,
  requiredTextCell,
  type TemplateHeader,
  type TemplateIssue,
  textListCell,
  validateTemplateRecord,
  vocabularyListCell,
  yearCell,
} from './template-cells.ts';
import { AXES, FINANCEMENTS, NIVEAUX_ALLIANCE, SPHERES, TRANCHES, type VocabularyEntry } from './vocabulary.ts';

/**
 * THE actions template (issue "Cité éducative view"): one row per action, French column
 * names, `|` between the values of a multi-valued cell. The pipeline imports the published
 * actions with it and the app validates imported files with it: one definition, here.
 * Documented in `docs/actions-template.md`; header file `docs/templates/actions.csv`.
 */
export const ACTIONS_TEMPLATE_COLUMNS = [
  'id',
  'titre',
  'resume',
  'cite',
  'commune_code',
  'commune',
  'departement_code',
  'qpv_code',
  'spheres',
  'axes',
  'niveaux',
  'tranches',
  'financement',
  'porteur',
  'partenaires',
  'annee_debut',
  'annee_fin',
  'lieu',
  'source',
] as const;

export type ActionsTemplateColumn = (typeof ACTIONS_TEMPLATE_COLUMNS)[number];

/** Columns whose value is required (the others may be left out of the header). */
export const ACTIONS_REQUIRED_COLUMNS: readonly ActionsTemplateColumn[] = ['titre', 'spheres', 'source'];

/** The columns whose values come from a closed vocabulary (`vocabulary.ts`), and which. */
export const ACTIONS_VOCABULARIES = {
  spheres: SPHERES,
  axes: AXES,
  niveaux: NIVEAUX_ALLIANCE,
  tranches: TRANCHES,
  financement: FINANCEMENTS,
} as const satisfies Partial<Record<ActionsTemplateColumn, readonly VocabularyEntry[]>>;

/** Ids chosen by people: letters, digits and `-_.:`, so that they read well in URLs and SQL. */
const ACTION_ID = /^[A-Za-z0-9][A-Za-z0-9_.:-]{0,63}$/;

export const ActionsTemplateSchema = z
  .object({
    id: optionalTextCell(64).refine((v) => v === null || ACTION_ID.test(v), 'identifiant invalide : lettres, chiffres et - _ . : (64 caractères au plus)'),
    titre: requiredTextCell(300),
    resume: optionalTextCell(5000),
    cite: textListCell(),
    commune_code: communeCodesCell(),
    commune: textListCell(),
    departement_code: departementCell(),
    qpv_code: qpvCodesCell(),
    spheres: vocabularyListCell(ACTIONS_VOCABULARIES.spheres, { required: true }),
    axes: vocabularyListCell(ACTIONS_VOCABULARIES.axes),
    niveaux: vocabularyListCell(ACTIONS_VOCABULARIES.niveaux),
    tranches: vocabularyListCell(ACTIONS_VOCABULARIES.tranches),
    financement: vocabularyListCell(ACTIONS_VOCABULARIES.financement),
    porteur: optionalTextCell(500),
    partenaires: textListCell(),
    annee_debut: yearCell(),
    annee_fin: yearCell(),
    lieu: optionalTextCell(1000),
    source: requiredTextCell(1000),
  })
  .superRefine((a, ctx) => {
    const issue = (column: ActionsTemplateColumn, message: string) => ctx.addIssue({ code: 'custom', path: [column], message });
    if (a.commune.length > 0 && a.commune_code.length > 0 && a.commune.length !== a.commune_code.length) {
      issue('commune', `${a.commune.length} noms pour ${a.commune_code.length} codes (commune_code) : un nom par code, dans le même ordre, ou aucun nom`);
    }
    const other = a.departement_code === null ? undefined : a.commune_code.find((c) => departementOfCommune(c) !== a.departement_code);
    if (other !== undefined) issue('departement_code', `la commune ${other} n'est pas dans le département ${a.departement_code}`);
    if (a.annee_debut !== null && a.annee_fin !== null && a.annee_fin < a.annee_debut) issue('annee_fin', `année de fin ${a.annee_fin} avant l'année de début ${a.annee_debut}`);
    if (a.financement.includes('non-finance') && a.financement.length > 1) issue('financement', '« non financé » ne se combine pas avec une source de financement');
  });

/** One valid row of the template, normalised: vocabulary ids, INSEE codes with their zeros. */
export type ActionRecord = z.output<typeof ActionsTemplateSchema>;

export type ActionValidation = { ok: true; action: ActionRecord } | { ok: false; issues: TemplateIssue[] };

/** One record (cells keyed by template column) → the normalised action, or its issues by column. */
export function validateActionRecord(record: Readonly<Record<string, string | undefined>>): ActionValidation {
  const result = validateTemplateRecord(ActionsTemplateSchema, record);
  return result.ok ? { ok: true, action: result.value } : result;
}

/** Matches a file's header to the template, forgiving case, accents and `_`/space (`Sphères`, `commune code`). */
export function readActionsHeader(header: readonly string[]): TemplateHeader<ActionsTemplateColumn> {
  return readTemplateHeader(ACTIONS_TEMPLATE_COLUMNS, ACTIONS_REQUIRED_COLUMNS, header);
}

/** A normalised action back as template cells (how the conversion script writes the CSV). */
export function actionToCells(action: ActionRecord): Record<ActionsTemplateColumn, string> {
  return Object.fromEntries(
    ACTIONS_TEMPLATE_COLUMNS.map((c) => {
      const value = action[c];
      return [c, Array.isArray(value) ? value.join(MULTI_VALUE_SEPARATOR) : value === null ? '' : String(value)];
    }),
  ) as Record<ActionsTemplateColumn, string>;
}
