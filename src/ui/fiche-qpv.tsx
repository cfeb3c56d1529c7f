import { tableRows } from '../domain/connector.ts';
import { SECRET_THRESHOLD } from '../domain/secret-statistique.ts';
import { useSql } from '../db/use-sql.ts';
import { buildQpvEtablissementsQuery, buildQpvIdentityQuery, buildQpvIndicatorsQuery } from '../queries/fiche-qpv-queries.ts';
import { useAppStore } from '../state/store.ts';

type Row = Record<string, unknown>;
const rows = (t: Parameters<typeof tableRows>[0]) => tableRows(t);
const NEEDS = ['qpv', 'territoires', 'indicateurs', 'indicateurs_meta', 'etablissements'];

const number = (v: unknown, unite: unknown) => {
  if (typeof v !== 'number') return '';
  const n = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: Math.abs(v) >= 100 ? 0 : 1 }).format(v);
  return unite === '%' ? `${n} %` : unite === '€' ? `${n} €` : n;
};

const valueCell = (r: Row) => (r.statut === 'secret' ? `< ${SECRET_THRESHOLD}` : r.valeur === null ? 'n.d.' : number(r.valeur, r.unite));

/** The fiche of the selected QPV: identity, every indicator with median and rank, schools. */
export function FicheQpv({ code }: { code: string }) {
  const selectQpv = useAppStore((s) => s.selectQpv);
  const identity = useSql(buildQpvIdentityQuery(code), rows, NEEDS);
  const indicators = useSql(buildQpvIndicatorsQuery(code), rows, NEEDS);
  const schools = useSql(buildQpvEtablissementsQuery(code), rows, NEEDS);
  const q = identity.data?.[0];
  const error = identity.error ?? indicators.error ?? schools.error;

  return (
    <section className="side-panel" role="dialog" aria-modal="false" aria-labelledby="fiche-title" data-testid="fiche-qpv">
      <div className="data-panel__head">
        <h2 id="fiche-title" className="fr-h5">
          {q ? String(q.nom) : code}
        </h2>
        <button type="button" className="fr-btn fr-btn--tertiary-no-outline fr-btn--sm fr-icon-close-line" title="Fermer la fiche" onClick={() => selectQpv(null)}>
          Fermer
        </button>
      </div>
      {error !== null && <p className="fr-error-text">Fiche indisponible : {error}</p>}
      {q && (
        <p className="fr-text--sm">
          QPV <code>{String(q.code)}</code> (génération {String(q.generation)}) · {String(q.communes_libelle)} · {String(q.departement_nom)} ({String(q.departement_code)}) ·{' '}
          {String(q.region_nom)}
        </p>
      )}
      {indicators.data && (
        <table className="fiche__table fr-text--xs" data-testid="fiche-indicateurs">
          <caption className="fr-text--sm">Indicateurs (INSEE) · médiane et rang parmi les QPV de l’observatoire, 1 = le plus défavorable</caption>
          <thead>
            <tr>
              <th scope="col">Indicateur</th>
              <th scope="col">Valeur</th>
              <th scope="col">Médiane QPV</th>
              <th scope="col">Rang</th>
            </tr>
          </thead>
          <tbody>
            {indicators.data.map((r) => (
              <tr key={String(r.indicateur)} data-indicateur={String(r.indicateur)}>
                <th scope="row">
                  {String(r.libelle)} <span className="fiche__year">({String(r.annee)})</span>
                </th>
                <td>{valueCell(r)}</td>
                <td>{number(r.mediane_qpv, r.unite)}</td>
                <td>{typeof r.rang === 'number' ? `${r.rang} / ${String(r.qpv_avec_valeur)}` : ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {schools.data && (
        <>
          <h3 className="fr-h6">Établissements dans le QPV ou à moins de 300 m ({schools.data.length})</h3>
          <ul className="fr-text--xs" data-testid="fiche-etablissements">
            {schools.data.map((e) => (
              <li key={String(e.uai)}>
                {String(e.nom)} — {e.ep ? String(e.ep) : 'hors EP'}
                {e.dans_le_qpv ? '' : ' (à moins de 300 m)'}
                {typeof e.ips === 'number' ? ` · IPS ${number(e.ips, '')}` : ''}
                {typeof e.dnb_taux_reussite === 'number' ? ` · DNB ${number(e.dnb_taux_reussite, '%')}` : ''}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
