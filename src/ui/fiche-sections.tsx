import { perimetreLabel } from '../domain/cite-perimetre.ts';
import { EP_LABELS, isEpStatut } from '../domain/education-prioritaire.ts';
import { formatValue } from '../domain/format-fr.ts';
import { FINANCEMENTS, TRANCHES, vocabularyLabel } from '../domain/vocabulary.ts';
import type { EtablissementView, FicheModel } from '../view-models/fiche-model.ts';

const labels = (list: Parameters<typeof vocabularyLabel>[0], ids: string | null) => (ids ? ids.split('|').map((id) => vocabularyLabel(list, id)).join(', ') : '');

function etablissementDetails(e: EtablissementView): string {
  // « inconnu » alone would not say what is unknown in a list of facts.
  const ep = isEpStatut(e.ep) && e.ep !== 'inconnu' ? EP_LABELS[e.ep] : 'EP inconnue';
  const parts = [ep, e.secteur === 'prive' ? 'privé' : 'public'];
  if (e.effectifs.status !== 'nd') parts.push(`${e.effectifsText} élèves`);
  if (e.ips !== null) parts.push(`IPS ${formatValue(e.ips, '')}${e.ips_annee ? ` (${e.ips_annee})` : ''}`);
  if (e.dnb_taux_reussite !== null) parts.push(`DNB ${formatValue(e.dnb_taux_reussite, '%')}${e.dnb_session ? ` (${e.dnb_session})` : ''}`);
  if (!e.dans_le_qpv) parts.push('à moins de 300 m');
  return parts.join(' · ');
}

/** Schools in the QPV or within 300 m: éducation prioritaire, pupils (secret statistique), IPS, DNB. */
export function FicheEtablissements({ etablissements }: { etablissements: readonly EtablissementView[] }) {
  return (
    <section aria-labelledby="fiche-etablissements-titre">
      <h3 id="fiche-etablissements-titre" className="fr-h6">
        Établissements dans le QPV ou à moins de 300 m ({etablissements.length})
      </h3>
      {etablissements.length === 0 ? (
        <p className="fr-text--sm">Aucun établissement recensé.</p>
      ) : (
        <ul className="fr-text--xs fiche__list" data-testid="fiche-etablissements">
          {etablissements.map((e) => (
            <li key={e.uai} data-ep={e.ep}>
              <strong>{e.nom}</strong> <span className="fiche__year">{e.uai}</span> — {etablissementDetails(e)}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** Cités éducatives and PRE whose perimeter holds the QPV. */
export function FicheProgrammes({ cites, pre }: Pick<FicheModel, 'cites' | 'pre'>) {
  return (
    <section aria-labelledby="fiche-programmes-titre" data-testid="fiche-programmes">
      <h3 id="fiche-programmes-titre" className="fr-h6">
        Cité éducative et programme de réussite éducative
      </h3>
      <ul className="fr-text--sm fiche__list">
        {cites.length === 0 && <li>Aucune Cité éducative recensée dont le périmètre comprend ce QPV.</li>}
        {cites.map((c) => (
          <li key={c.nom} data-programme="cite">
            {c.nom}
            {c.annee_labellisation ? `, labellisée en ${c.annee_labellisation}` : ''}
            {c.porteur ? ` · porteur : ${c.porteur}` : ''}
            {c.perimetre === 'qpv' ? '' : ` (${perimetreLabel(c.perimetre)})`}
          </li>
        ))}
        {pre.length === 0 && <li>Aucun PRE recensé dans la commune.</li>}
        {pre.map((p) => (
          <li key={p.nom} data-programme="pre">
            {p.nom}
            {p.porteur ? ` · porteur : ${p.porteur}` : ''}
          </li>
        ))}
      </ul>
    </section>
  );
}

/** Actions of the QPV (or of its commune) by sphère de la coéducation; empty sphères are said. */
export function FicheActions({ actionsBySphere }: Pick<FicheModel, 'actionsBySphere'>) {
  return (
    <section aria-labelledby="fiche-actions-titre" data-testid="fiche-actions">
      <h3 id="fiche-actions-titre" className="fr-h6">
        Actions par sphère de la coéducation
      </h3>
      <dl className="fr-text--xs fiche__spheres">
        {actionsBySphere.map(({ sphere, label, actions }) => (
          <div key={sphere} data-sphere={sphere} data-count={actions.length}>
            <dt>
              {label} ({actions.length})
            </dt>
            {actions.length === 0 && <dd className="fiche__year">Aucune action recensée</dd>}
            {actions.map((a) => (
              <dd key={a.id}>
                {a.titre}
                {a.porteur ? ` — ${a.porteur}` : ''}
                {a.tranches ? ` · ${labels(TRANCHES, a.tranches)}` : ''}
                {a.financement ? ` · ${labels(FINANCEMENTS, a.financement)}` : ''}
                {a.rattachement === 'commune' ? ' (action de la commune)' : ''}
              </dd>
            ))}
          </div>
        ))}
      </dl>
    </section>
  );
}
