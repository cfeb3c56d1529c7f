import { useId } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { formatValue } from '../domain/format-fr.ts';
import { ZONE_BLANCHE_RADII_KM } from '../state/risk-slice.ts';
import { isDefaultRiskWeights } from '../domain/risk-index.ts';
import { useAppStore } from '../state/store.ts';
import { type CollegeView, rankText, type RisqueView, type ServiceView } from '../view-models/fiche-risque-model.ts';
import { RISK_COLLEGES } from '../domain/risk-index.ts';

const points = (v: number | null) => (v === null ? '' : formatValue(v, ''));

/**
 * The décrochage risk index: score, rank and how robust it is to the weights, class, what each
 * component brings to it, and the collèges its school components come from.
 */
/** `scoredLabel`: the QPV the rank and percentile are taken among, named from the data (null while it loads). */
export function FicheRisque({ risque, scoredLabel, colleges }: { risque: RisqueView; scoredLabel: string | null; colleges: readonly CollegeView[] | null }) {
  const among = scoredLabel ?? 'QPV notés';
  const custom = useAppStore((s) => !isDefaultRiskWeights(s.riskWeights));
  const drivers = risque.score === null ? [] : risque.composantes.filter((c) => c.contribution !== null).slice(0, 2);
  return (
    <section aria-labelledby="fiche-risque-titre" data-testid="fiche-risque">
      <h3 id="fiche-risque-titre" className="fr-h6">
        Indice de risque de décrochage
      </h3>
      {risque.score === null ? (
        <p className="fr-text--sm">
          n.d. : {risque.composantesDisponibles} composante(s) renseignée(s) sur {risque.composantesTotal} ; il les faut toutes pour un indice.
        </p>
      ) : (
        <>
          <p className="fr-text--sm" data-score={risque.score}>
            <strong>{formatValue(risque.score, '')} / 100</strong> (100 = le plus exposé) · plus exposé que {formatValue(risque.percentile ?? 0, '%')} des {among.replace(/^les /, '')} · classe{' '}
            <strong>{risque.classe?.libelle ?? 'n.d.'}</strong>
          </p>
          <p className="fr-text--sm" data-testid="fiche-risque-rang" data-rang={risque.rang} data-rang-min={risque.rangMin} data-rang-max={risque.rangMax}>
            Rang (1 = le plus exposé) : <strong>{rankText(risque)}</strong> ; classement parmi {among}.
          </p>
        </>
      )}
      {drivers.length > 0 && (
        <p className="fr-text--sm" data-testid="fiche-risque-drivers">
          Ce qui pèse le plus : {drivers.map((c) => `${c.libelle} (${points(c.contribution)} points)`).join(' ; ')}.
        </p>
      )}
      <p className="fr-text--xs" data-testid="fiche-risque-weights" data-custom={custom}>
        {custom ? 'Calculé avec vos pondérations (onglet Indicateur, indice de risque).' : 'Pondérations par défaut (toutes les composantes à 1).'}
      </p>
      <table className="fiche__table fr-text--xs">
        <caption className="fr-text--xs">Composantes : valeur, rang centile parmi les QPV (100 = le plus exposé), poids et points apportés à l’indice</caption>
        <thead>
          <tr>
            <th scope="col">Composante</th>
            <th scope="col">Valeur</th>
            <th scope="col">Centile</th>
            <th scope="col">Poids</th>
            <th scope="col">Points</th>
          </tr>
        </thead>
        <tbody>
          {risque.composantes.map((c) => (
            <tr key={c.id} data-composante={c.id}>
              <th scope="row">
                {c.libelle} <span className="fiche__year">({c.millesime})</span>
              </th>
              <td data-col="valeur" data-status={c.valeur.status}>
                {c.text}
              </td>
              <td>{points(c.normalisee)}</td>
              <td>{formatValue(c.poids, '')}</td>
              <td data-col="contribution">{points(c.contribution)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {colleges !== null && <FicheColleges colleges={colleges} />}
    </section>
  );
}

/** The collèges of the QPV's school context (`qpv_colleges`), with distance and weight. */
function FicheColleges({ colleges }: { colleges: readonly CollegeView[] }) {
  return (
    <table className="fiche__table fr-text--xs" data-testid="fiche-risque-colleges">
      <caption className="fr-text--xs">
        Collèges retenus pour l’IPS et le DNB : les {RISK_COLLEGES.k} collèges publics les plus proches du QPV (à {formatValue(RISK_COLLEGES.rayonM / 1000, '')} km au plus
        de son contour), pondérés par la distance — le secteur probable, pas la carte scolaire
      </caption>
      <thead>
        <tr>
          <th scope="col">Collège</th>
          <th scope="col">Distance</th>
          <th scope="col">Poids</th>
          <th scope="col">IPS</th>
          <th scope="col">DNB</th>
        </tr>
      </thead>
      <tbody>
        {colleges.length === 0 ? (
          <tr>
            <td colSpan={5}>Aucun collège public avec IPS et DNB à moins de {formatValue(RISK_COLLEGES.rayonM / 1000, '')} km.</td>
          </tr>
        ) : (
          colleges.map((c) => (
            <tr key={c.uai} data-uai={c.uai}>
              <th scope="row">
                {c.nom} <span className="fiche__year">{[c.commune, c.uai].filter(Boolean).join(' · ')}</span>
              </th>
              <td data-col="distance">{c.distanceText}</td>
              <td data-col="poids">{c.poidsText}</td>
              <td>{c.ips === null ? 'n.d.' : formatValue(c.ips, '')}</td>
              <td>{c.dnb === null ? 'n.d.' : formatValue(c.dnb, '%')}</td>
            </tr>
          ))
        )}
      </tbody>
    </table>
  );
}

/**
 * The nearest service of each 16–25 category, with the counts within 1, 3 and 5 km and the
 * *zone blanche* flag at the radius chosen here (kept in the store and the URL).
 */
export function FicheServices({ services }: { services: readonly ServiceView[] }) {
  const { km, setKm } = useAppStore(useShallow((s) => ({ km: s.zoneBlancheKm, setKm: s.setZoneBlancheKm })));
  const radiusId = useId();
  const blanches = services.filter((s) => s.zoneBlanche === true);
  return (
    <section aria-labelledby="fiche-services-titre" data-testid="fiche-services">
      <h3 id="fiche-services-titre" className="fr-h6">
        Services 16–25 ans les plus proches (à vol d’oiseau)
      </h3>
      <div className="no-print">
        <label className="fr-label fr-text--sm" htmlFor={radiusId}>
          Zone blanche : aucun service de la catégorie à moins de
        </label>
        <select id={radiusId} className="fr-select fr-select--sm" value={km} onChange={(e) => setKm(Number(e.target.value))} data-testid="zone-blanche-radius">
          {ZONE_BLANCHE_RADII_KM.map((r) => (
            <option key={r} value={r}>
              {r} km
            </option>
          ))}
        </select>
      </div>
      <p className="fr-text--sm" data-testid="zone-blanche-summary" data-count={blanches.length}>
        {blanches.length === 0
          ? `Aucune zone blanche à ${km} km parmi les catégories localisées.`
          : `Zone blanche à ${km} km : ${blanches.map((s) => s.label).join(', ')}.`}
      </p>
      <table className="fiche__table fr-text--xs">
        <thead>
          <tr>
            <th scope="col">Service</th>
            <th scope="col">Le plus proche</th>
            <th scope="col">
              <abbr title="Nombre à moins de 1 km, 3 km et 5 km">1 / 3 / 5 km</abbr>
            </th>
            <th scope="col">Zone blanche ({km} km)</th>
          </tr>
        </thead>
        <tbody>
          {services.map((s) => (
            <tr key={s.categorie} data-categorie={s.categorie}>
              <th scope="row">
                {s.label}
                {s.serviceNom && <span className="fiche__year"> — {s.serviceNom}</span>}
              </th>
              <td data-col="distance">{s.distanceText}</td>
              <td>{s.within.every((n) => n === null) ? '' : s.within.map((n) => n ?? 0).join(' / ')}</td>
              <td data-col="zone-blanche" data-zone-blanche={s.zoneBlanche ?? 'nd'}>
                {s.zoneBlanche === null ? 'n.d.' : s.zoneBlanche ? <strong>oui</strong> : 'non'}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
