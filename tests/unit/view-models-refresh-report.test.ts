import { describe, expect, it } from 'vitest';
import { indicatorMove, type RefreshReport, RefreshReportSchema, type TableChange, tableWithoutChanges } from '../../src/domain/refresh-report.ts';
import { refreshReportView, SHOWN_ITEMS } from '../../src/view-models/refresh-report-model.ts';

const table = (name: string, rows: number, change: Partial<TableChange> = {}): TableChange => ({ ...tableWithoutChanges(name, 'compared', rows, rows), ...change });

const source = { tables: ['etablissements'], publisher: 'Ministère de l’Éducation nationale', file: 'fr-en-annuaire-education.csv', previous_millesime: '2023-06-08' } as const;

/** The report of the integration test's second run (tests/integration/pipeline-refresh-report.test.ts), shortened. */
const REPORT: RefreshReport = RefreshReportSchema.parse({
  schema_version: 1,
  built_at: '2026-12-01T00:00:00.000Z',
  previous_built_at: '2026-01-01T00:00:00.000Z',
  thresholds: { indicator_points: 5, indicator_relative: 0.1 },
  sources: [
    { ...source, id: 'annuaire-2024', millesime: '2024-11-26', status: 'changed' },
    { ...source, id: 'annuaire-35', millesime: '2023-06-08', status: 'unchanged' },
  ],
  tables: [
    table('qpv', 111),
    table('indicateurs', 4305, { changed: 2, changed_columns: { valeur: 2, statut: 1 } }),
    table('etablissements', 13997, { added: 1, removed: 1, changed: 1, changed_columns: { ep: 1 } }),
    { ...table('pre', 2), status: 'new', previous_rows: null },
  ],
  highlights: {
    education_prioritaire: { total: 1, items: [{ uai: '0300596K', nom: 'École maternelle Albert Camus', commune: 'Nîmes', from: 'REP+', to: 'REP' }] },
    indicateurs: {
      total: 2,
      items: [
        { qpv_code: 'QP009001', qpv_nom: 'Coeur De Ville', indicateur: 'abc_supbac', libelle: 'Demandeurs d’emploi (A, B, C) de niveau supérieur au bac', move: 'masque' },
        { qpv_code: 'QP009001', qpv_nom: 'Coeur De Ville', indicateur: 'tp60', libelle: 'Taux de pauvreté (seuil 60 %)', move: 'hausse' },
      ],
    },
  },
  warnings: { total: 247, tables: [{ table: 'etablissements', count: 245, reasons: [] }, { table: 'indicateurs', count: 2, reasons: [] }] },
});

// Intl's French output uses narrow no-break spaces; compared here with plain ones.
const plain = (value: unknown): unknown => JSON.parse(JSON.stringify(value).replace(/[\u202f\u00a0]/g, ' '));

describe('refreshReportView', () => {
  it('says in French when the data was built, against what, and what changed per table', () => {
    expect(plain(refreshReportView(REPORT))).toEqual({
      title: 'Mise à jour du 1 décembre 2026 à 01:00',
      comparison: 'Comparée aux données construites le 1 janvier 2026 à 01:00.',
      sources: [
        { id: 'annuaire-2024', publisher: 'Ministère de l’Éducation nationale', millesime: '2024-11-26 (auparavant 2023-06-08)', status: 'fichier modifié', file: 'fr-en-annuaire-education.csv' },
        { id: 'annuaire-35', publisher: 'Ministère de l’Éducation nationale', millesime: '2023-06-08', status: 'inchangée', file: 'fr-en-annuaire-education.csv' },
      ],
      tables: [
        { name: 'indicateurs', text: '0 ligne ajoutée, 0 retirée, 2 modifiées (colonnes valeur, statut) ; 4 305 → 4 305 lignes' },
        { name: 'etablissements', text: '1 ligne ajoutée, 1 retirée, 1 modifiée (colonne ep) ; 13 997 → 13 997 lignes' },
        { name: 'pre', text: 'nouvelle table, 2 lignes' },
      ],
      unchanged: 'Sans changement : qpv.',
      ep: { title: 'Éducation prioritaire : 1 établissement entré en REP / REP+ ou sorti', note: null, items: ['École maternelle Albert Camus (Nîmes, 0300596K) : REP+ → REP'], more: null },
      indicateurs: {
        title: 'Indicateurs des QPV : 2 valeurs ont bougé',
        note: 'Un taux compte s’il a bougé de 5 points ou plus, une autre valeur de 10 % ou plus ; une valeur masquée ou de nouveau publiée compte toujours. Aucun chiffre n’est donné : un écart entre deux effectifs pourrait révéler un effectif sous le seuil du secret statistique.',
        items: [
          'Coeur De Ville (QP009001) — Demandeurs d’emploi (A, B, C) de niveau supérieur au bac : désormais masqué (secret statistique)',
          'Coeur De Ville (QP009001) — Taux de pauvreté (seuil 60 %) : en hausse',
        ],
        more: null,
      },
      warnings: '247 avertissements à la construction (etablissements : 245, indicateurs : 2).',
    });
  });

  it('says a first run has nothing to compare with, and lists its sources without a status', () => {
    const first = refreshReportView({ ...REPORT, previous_built_at: null, highlights: { education_prioritaire: { total: 0, items: [] }, indicateurs: { total: 0, items: [] } }, warnings: { total: 0, tables: [] } });
    expect(first).toMatchObject({ comparison: 'Première construction : aucune donnée publiée auparavant à comparer.', tables: [], unchanged: null, ep: null, indicateurs: null, warnings: 'Aucun avertissement à la construction.' });
    expect(first.sources.map((s) => s.status)).toEqual([null, null]);
  });

  it('shows the first items of a long list and counts the rest', () => {
    const item = { qpv_code: 'QP0', qpv_nom: 'Q', indicateur: 'tp60', libelle: 'Taux', move: 'baisse' as const };
    const items = Array.from({ length: 30 }, (_, i) => ({ ...item, qpv_code: `QP${i}` }));
    const view = refreshReportView({ ...REPORT, highlights: { ...REPORT.highlights, indicateurs: { total: 450, items } } });
    expect(view.indicateurs!.items).toHaveLength(SHOWN_ITEMS);
    expect(plain(view.indicateurs!.more)).toBe('… et 430 autres (voir refresh-report.json)');
  });
});

describe('indicatorMove', () => {
  const ok = (valeur: number) => ({ valeur, statut: 'ok' });
  it('counts a rate that moved by 5 points or more, another value by 10 % or more', () => {
    expect([indicatorMove(ok(40.2), ok(45.2), 'taux'), indicatorMove(ok(40.2), ok(45.1), 'taux'), indicatorMove(ok(40.2), ok(30), 'taux')]).toEqual(['hausse', null, 'baisse']);
    expect([indicatorMove(ok(1000), ok(1100), 'effectif'), indicatorMove(ok(1000), ok(1099), 'effectif'), indicatorMove(ok(0), ok(1), 'nombre')]).toEqual(['hausse', null, 'hausse']);
  });

  it('names a value hidden or shown again without a direction, and one that appears or goes', () => {
    expect(indicatorMove(ok(68), { valeur: null, statut: 'secret' }, 'effectif')).toBe('masque');
    expect(indicatorMove(ok(68), { valeur: null, statut: 'secret_secondaire' }, 'effectif')).toBe('masque');
    expect(indicatorMove({ valeur: null, statut: 'secret' }, ok(12), 'effectif')).toBe('publie');
    expect(indicatorMove({ valeur: null, statut: 'secret' }, { valeur: null, statut: 'secret_secondaire' }, 'effectif')).toBeNull();
    expect([indicatorMove(ok(3), { valeur: null, statut: 'nd' }, 'taux'), indicatorMove({ valeur: null, statut: 'nd' }, ok(3), 'taux')]).toEqual(['retire', 'disponible']);
  });
});
