import { useId } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { formatValue } from '../domain/format-fr.ts';
import { isDefaultRiskWeights, RISK_CLASSES, RISK_COMPONENTS, RISK_COLLEGES, RISK_COMPONENT_IDS, RISK_NORMALISATION, type RiskComponent, type RiskComponentId } from '../domain/risk-index.ts';
import type { Choropleth } from '../map/use-choropleth.ts';
import { RISK_WEIGHT_RANGE } from '../state/risk-slice.ts';
import { useAppStore } from '../state/store.ts';
import { formatCount } from './format.ts';
import './risk-weights-panel.css';

const direction = (sens: 1 | -1) => (sens === 1 ? 'plus la valeur est élevée, plus le risque l’est' : 'plus la valeur est faible, plus le risque est élevé');

/**
 * The pondérations of the risk index: one slider per component (0 leaves it out), the
 * defaults back in one click, how many QPV get a score, and how the index is built. Each
 * change recomputes the index in DuckDB-WASM: map, legend, histogram and table follow.
 */
export function RiskWeightsPanel({ choropleth }: { choropleth: Choropleth }) {
  const { weights, setRiskWeight, resetRiskWeights } = useAppStore(
    useShallow((s) => ({ weights: s.riskWeights, setRiskWeight: s.setRiskWeight, resetRiskWeights: s.resetRiskWeights })),
  );
  const titleId = useId();
  const total = RISK_COMPONENT_IDS.reduce((sum, id) => sum + weights[id], 0);
  const weighted = RISK_COMPONENT_IDS.filter((id) => weights[id] > 0);
  const scored = choropleth.classes.counts.reduce((a, b) => a + b, 0);

  return (
    <section className="risk-weights" aria-labelledby={titleId} data-testid="risk-weights">
      <h3 id={titleId} className="fr-text--md fr-mb-1v">
        Pondérations de l’indice
      </h3>
      <p className="fr-text--xs fr-mb-1w">
        Chaque composante est classée parmi les QPV notés (100 = le plus exposé) ; l’indice est leur moyenne pondérée. Un poids de 0 retire la composante.
      </p>
      <p className="fr-text--sm fr-mb-1w" role="status" data-testid="risk-counts" data-scored={choropleth.fill === null ? '' : scored} data-nd={choropleth.fill === null ? '' : choropleth.noData.nd}>
        {choropleth.fill === null
          ? 'Calcul de l’indice…'
          : `${formatCount(scored)} QPV avec un indice · ${formatCount(choropleth.noData.nd)} n.d. (une composante pondérée manque)`}
      </p>
      <ul className="risk-weights__list">
        {RISK_COMPONENTS.map((c) => (
          <WeightControl
            key={c.id}
            component={c}
            weight={weights[c.id]}
            share={total > 0 ? weights[c.id] / total : 0}
            last={weighted.length === 1 && weighted[0] === c.id}
            onChange={(w) => setRiskWeight(c.id, w)}
          />
        ))}
      </ul>
      <button type="button" className="fr-btn fr-btn--sm fr-btn--secondary fr-mt-1w" disabled={isDefaultRiskWeights(weights)} onClick={resetRiskWeights}>
        Pondérations par défaut
      </button>
      <details className="risk-weights__method fr-mt-1w">
        <summary className="fr-text--sm">Comment l’indice est calculé</summary>
        <ul className="fr-text--xs">
          <li>Normalisation : {RISK_NORMALISATION.libelle.toLowerCase()}, ex aequo au rang moyen.</li>
          <li>Indice = somme des poids × rangs des composantes, divisée par la somme des poids : de 0 à 100 (100 = le plus exposé).</li>
          <li>
            Données manquantes : rien n’est imputé. Un QPV dont une composante de poids non nul manque est <strong>n.d.</strong>, jamais 0 : tous les QPV notés le sont sur les
            mêmes composantes, classées parmi les mêmes QPV.
          </li>
          <li>
            Collèges : les {RISK_COLLEGES.k} collèges publics les plus proches du QPV (à {formatValue(RISK_COLLEGES.rayonM / 1000, '')} km au plus), pondérés par 1 / (distance +{' '}
            {RISK_COLLEGES.decalageM} m).
          </li>
          <li>Classes : quintiles des QPV notés, de « {RISK_CLASSES[0].libelle} » à « {RISK_CLASSES[RISK_CLASSES.length - 1]!.libelle} ». Rangs et classes sont relatifs aux QPV chargés.</li>
          <li>L’indice décrit l’exposition sociale d’un quartier, pas celle de ses élèves (erreur écologique) ; il ne mesure pas le décrochage observé.</li>
          <li>
            Référence : DEPP–Céreq, <cite>Atlas des risques sociaux d’échec scolaire</cite> (2016). Méthodologie complète (composantes, sources, limites) : document{' '}
            <code>docs/methodologie.md</code> de l’observatoire.
          </li>
        </ul>
      </details>
    </section>
  );
}

interface WeightControlProps {
  component: RiskComponent & { id: RiskComponentId };
  weight: number;
  /** Its share of the sum of the weights (before missing components). */
  share: number;
  /** The only component left with a weight: it cannot go to 0 (no index then). */
  last: boolean;
  onChange(weight: number): void;
}

function WeightControl({ component: c, weight, share, last, onChange }: WeightControlProps) {
  const id = useId();
  const hintId = useId();
  const text = weight === 0 ? 'retirée' : `poids ${formatValue(weight, '')} (${formatValue(100 * share, '%')})`;
  return (
    <li className="risk-weights__item" data-composante={c.id}>
      <label className="fr-label fr-text--sm" htmlFor={id}>
        {c.libelle}
      </label>
      <span id={hintId} className="risk-weights__hint fr-text--xs fr-mb-0">
        {c.millesime} · {direction(c.sens)}
        {last && ' · seule composante pondérée : son poids ne peut descendre à 0'}
      </span>
      <div className="risk-weights__control">
        <input
          id={id}
          type="range"
          min={last ? RISK_WEIGHT_RANGE.step : RISK_WEIGHT_RANGE.min}
          max={RISK_WEIGHT_RANGE.max}
          step={RISK_WEIGHT_RANGE.step}
          value={weight}
          aria-describedby={hintId}
          aria-valuetext={text}
          onChange={(e) => onChange(Number(e.target.value))}
        />
        <output htmlFor={id} className="risk-weights__value">
          {text}
        </output>
      </div>
    </li>
  );
}
