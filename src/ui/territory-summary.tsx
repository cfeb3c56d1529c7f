import { ACTION_DIMENSIONS, type ActionDimension } from '../queries/territory-queries.ts';
import { categorieLabel, vocabularyLabels } from '../view-models/action-labels.ts';
import { epLabel } from '../domain/education-prioritaire.ts';
import { secretLabel } from '../domain/secret-statistique.ts';
import { formatCount } from './format.ts';
import { SecretNote } from './secret-note.tsx';
import type { Row, TerritoryData } from './use-territory-data.ts';

const DIMENSION_LABELS: Record<ActionDimension, string> = { spheres: 'Sphères', axes: 'Axes', niveaux: 'Niveaux d’alliance', financement: 'Financement' };
const NONE: Record<ActionDimension, string> = { spheres: 'non renseignée', axes: 'non renseigné', niveaux: 'non renseigné', financement: 'non précisé' };

const sum = (rows: readonly Row[], column: string) => rows.reduce((n, r) => n + (typeof r[column] === 'number' ? (r[column] as number) : 0), 0);

/** The territory in figures: QPV and population, éducation prioritaire, PRE, places, actions (`expanded`: lists open, for print). */
export function TerritorySummary({ data, expanded = false }: { data: TerritoryData; expanded?: boolean }) {
  const qpv = data.qpv.data ?? [];
  const withPopulation = qpv.filter((q) => typeof q.population === 'number');
  const secret = qpv.filter((q) => q.population_secret === true).length;
  const ep = data.etablissements.data ?? [];
  const repPlus = ep.filter((e) => e.ep === 'REP+').length;
  const rep = ep.filter((e) => e.ep === 'REP').length;
  const inconnus = ep.length - repPlus - rep;
  const lieux = data.lieux.data ?? [];
  const horsCommune = sum(lieux, 'hors_commune');
  const breakdown = data.breakdown.data ?? [];
  return (
    <dl className="territoire__summary" data-testid="territoire-resume">
      <dt>QPV</dt>
      <dd>
        {qpv.length === 0 ? 'aucun QPV dans les données de l’observatoire' : `${qpv.length} QPV`}
        {withPopulation.length > 0 &&
          ` · ${formatCount(sum(withPopulation, 'population'))} habitants${withPopulation.length < qpv.length ? ` (${withPopulation.length} QPV renseignés)` : ''} (INSEE, ${[...new Set(withPopulation.map((q) => String(q.millesime)))].join(' ; ')})`}
        {qpv.length > 0 && withPopulation.length === 0 && ' · population non disponible'}
        {secret > 0 && ` · population de ${secret} QPV sous le secret statistique (${secretLabel()})`}
        {secret > 0 && <SecretNote />}
      </dd>
      <dt>Éducation prioritaire</dt>
      <dd>
        {repPlus + rep === 0 ? 'aucun établissement REP ou REP+' : `${repPlus} REP+ · ${rep} REP`}
        {inconnus > 0 && ` · ${inconnus} établissement${inconnus > 1 ? 's' : ''} d’éducation prioritaire inconnue (non compté${inconnus > 1 ? 's' : ''} hors EP)`}
        {ep.length > 0 && (
          <details open={expanded}>
            <summary>Établissements</summary>
            <ul>
              {ep.map((e) => (
                <li key={String(e.uai)}>
                  {String(e.nom)} ({epLabel(e.ep)}, {String(e.commune_nom)})
                </li>
              ))}
            </ul>
          </details>
        )}
      </dd>
      <dt>PRE</dt>
      <dd>{(data.pre.data ?? []).length === 0 ? 'aucun PRE au registre' : (data.pre.data ?? []).map((p) => String(p.nom)).join(', ')}</dd>
      <dt>Lieux partenaires</dt>
      <dd>
        {sum(lieux, 'lieux') === 0 ? 'aucun lieu situé dans le territoire' : `${formatCount(sum(lieux, 'lieux'))} lieux`}
        <ul>
          {lieux
            .filter((l) => (l.lieux as number) > 0)
            .map((l) => (
              <li key={String(l.categorie)}>
                {categorieLabel(l.categorie)} : {String(l.lieux)}
              </li>
            ))}
        </ul>
        {horsCommune > 0 && <p className="fr-text--xs">{formatCount(horsCommune)} autres lieux du département, connus seulement par leur contrat de ville (sans commune), ne sont pas comptés ici.</p>}
      </dd>
      <dt>Actions</dt>
      <dd>
        {(data.actions.data ?? []).length} action{(data.actions.data ?? []).length > 1 ? 's' : ''}
        {ACTION_DIMENSIONS.map((d) => {
          const rows = breakdown.filter((r) => r.dimension === d);
          if (rows.length === 0) return null;
          return (
            <p key={d} className="fr-text--xs territoire__breakdown">
              <strong>{DIMENSION_LABELS[d]}</strong> : {rows.map((r) => `${r.valeur === null ? NONE[d] : vocabularyLabels(d, r.valeur)[0]} ${String(r.actions)}`).join(' · ')}
            </p>
          );
        })}
      </dd>
    </dl>
  );
}
