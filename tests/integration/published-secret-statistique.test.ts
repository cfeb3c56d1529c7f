import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Connector, tableRows } from '../../src/domain/connector.ts';
import { isSecretStatut, SECRET_THRESHOLD } from '../../src/domain/secret-statistique.ts';
import { TABLE_LAYOUTS } from '../../src/domain/table-layouts.ts';
import { sharedFullRun } from '../support/full-pipeline-run.ts';
import { connectToPublishedData, PUBLISHED_DIR, readManifest } from '../support/published-data.ts';

/**
 * No count of people under the secret statistique threshold in any published Arrow file: the
 * committed `public/data` and the output of a fresh pipeline run. Which columns hold counts
 * of people is declared in the layouts (`secret`); every other numeric column is listed here
 * with why it holds none, so that a new column forces the question.
 */
const NOT_PEOPLE: Record<string, string> = {
  'indicateurs.annee': 'a year',
  'indicateurs.annee_observee': 'a year',
  'indicateurs_meta.annee_observee': 'a year',
  'indicateurs_meta.annee_publication': 'a year',
  'etablissements.ips': 'an index',
  'etablissements.ips_annee': 'a year',
  'etablissements.dnb_taux_reussite': 'a rate',
  'etablissements.dnb_session': 'a year',
  'dnb_sessions.session': 'a year',
  'dnb_sessions.taux_reussite': 'a rate',
  'lieux.postes': 'posts the State funds at a named structure (ANCT publishes them per structure): an administrative fact, not a statistic on people',
  'lieux.annee': 'a year',
  'cites.annee_labellisation': 'a year',
  'actions.annee_debut': 'a year',
  'actions.annee_fin': 'a year',
  'reseaux_ep.ecoles': 'schools',
  'risque_decrochage.score': 'an index',
  'risque_decrochage.rang': 'a rank',
  'risque_decrochage.rang_min': 'a rank',
  'risque_decrochage.rang_max': 'a rank',
  'qpv_colleges.distance_m': 'metres',
  'qpv_colleges.rang': 'a rank',
  'qpv_colleges.poids': 'a weight',
  'risque_decrochage.percentile': 'a percentile',
  'risque_decrochage.classe': 'a class',
  'risque_decrochage.composantes_disponibles': 'components',
  'risque_decrochage.composantes_total': 'components',
  'risque_composantes.valeur_brute': 'rates and indices (no component is a count of people)',
  'risque_composantes.valeur_normalisee': 'a percentile',
  'risque_composantes.poids': 'a weight',
  'risque_composantes.contribution': 'points of the index',
  'acces_services.services_localises': 'places',
  'acces_services.distance_m': 'metres',
  'acces_services.n_1km': 'places',
  'acces_services.n_3km': 'places',
  'acces_services.n_5km': 'places',
};
const FOOTPRINT = new Set(['lon', 'lat', 'xmin', 'ymin', 'xmax', 'ymax']);

interface Finding {
  table: string;
  column: string;
  under: number;
  hiddenWithoutReason: number;
  example: string | null;
}

/** For each declared count of people: rows under the threshold, and null values whose status is not a secret or 'nd'. */
async function scan(db: Connector, tables: ReadonlySet<string>): Promise<Finding[]> {
  const findings: Finding[] = [];
  for (const layout of TABLE_LAYOUTS) {
    if (!tables.has(layout.name)) continue;
    for (const c of layout.columns) {
      if (c.secret === undefined) continue;
      const from = c.secret.rows === 'effectifIndicators' ? `${layout.name} t JOIN indicateurs_meta m USING (indicateur) WHERE m.type_valeur = 'effectif'` : `${layout.name} t WHERE TRUE`;
      const [row] = tableRows(await db.query(`SELECT count(*) FILTER (WHERE t.${c.name} < ${SECRET_THRESHOLD})::INTEGER AS under, min(t.${c.name}) AS smallest FROM ${from}`));
      const finding: Finding = { table: layout.name, column: c.name, under: Number(row!.under), hiddenWithoutReason: 0, example: row!.smallest === null ? null : String(row!.smallest) };
      findings.push(finding);
      // Before the status column existed, the counts were in the clear: the check above says so.
      if (finding.under > 0) continue;
      const [hidden] = tableRows(await db.query(`SELECT count(*)::INTEGER AS n FROM ${from} AND t.${c.name} IS NULL AND t.${c.secret.statut} NOT IN ('secret', 'secret_secondaire', 'nd')`));
      finding.hiddenWithoutReason = Number(hidden!.n);
    }
  }
  return findings;
}

describe.each([
  ['public/data', async () => PUBLISHED_DIR],
  ['a fresh pipeline run', async () => (await sharedFullRun()).out],
])('secret statistique in the Arrow files of %s', (_, folder) => {
  let db: Connector;
  let tables: Set<string>;
  beforeAll(async () => {
    const dir = await folder();
    db = await connectToPublishedData(dir);
    tables = new Set((await readManifest(dir)).tables.map((t) => t.name));
  });
  afterAll(() => db.close());

  it('holds no count of people under the threshold, and says why each hidden one is null', async () => {
    const findings = await scan(db, tables);
    expect(findings.map((f) => `${f.table}.${f.column}`)).toEqual(['indicateurs.valeur', 'etablissements.effectifs']);
    for (const f of findings) expect(f, `${f.table}.${f.column}`).toMatchObject({ under: 0, hiddenWithoutReason: 0 });
    // The smallest published count is at the threshold or above.
    for (const f of findings) expect(Number(f.example)).toBeGreaterThanOrEqual(SECRET_THRESHOLD);
  });

  it('hides the small counts rather than dropping their rows', async () => {
    const [schools] = tableRows(await db.query("SELECT count(*)::INTEGER AS n FROM etablissements WHERE effectifs_statut = 'secret' AND effectifs IS NULL"));
    const [indicators] = tableRows(await db.query("SELECT count(*)::INTEGER AS n FROM indicateurs WHERE statut = 'secret' AND valeur IS NULL"));
    expect(Number(schools!.n)).toBeGreaterThan(0);
    expect(Number(indicators!.n)).toBeGreaterThan(0);
  });

  it('leaves no hidden job seeker recoverable by difference: abcde = abcde_f + abcde_h has 0 or ≥ 2 hidden cells', async () => {
    const rows = tableRows(
      await db.query(`SELECT territoire_code, count(*) FILTER (WHERE statut IN ('secret', 'secret_secondaire'))::INTEGER AS hidden,
                             count(*) FILTER (WHERE valeur IS NULL)::INTEGER AS unknown
                      FROM indicateurs WHERE indicateur IN ('abcde', 'abcde_f', 'abcde_h') GROUP BY ALL`),
    );
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.filter((r) => Number(r.hidden) > 0 && Number(r.unknown) === 1)).toEqual([]);
  });
});

describe('the layouts', () => {
  it('say of every numeric column whether it holds counts of people', () => {
    const undeclared = TABLE_LAYOUTS.flatMap((l) => l.columns.filter((c) => c.type !== 'utf8' && !FOOTPRINT.has(c.name) && c.secret === undefined && NOT_PEOPLE[`${l.name}.${c.name}`] === undefined).map((c) => `${l.name}.${c.name}`));
    expect(undeclared).toEqual([]);
    expect(isSecretStatut('secret_secondaire')).toBe(true);
  });
});
