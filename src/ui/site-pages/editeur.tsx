import { SITE_EDITEUR } from '../../domain/site-pages.ts';

/** The publisher's contact, or, while none is set (domain/site-pages.ts), that it is missing. */
export function EditeurContact() {
  if (SITE_EDITEUR === null) return <strong>coordonnées non renseignées dans cette version (voir les mentions légales).</strong>;
  return <strong>{SITE_EDITEUR.contact}</strong>;
}

/** Said where the publisher's identity is due, while this version names none. */
export function EditeurMissing() {
  return (
    <div className="fr-alert fr-alert--warning fr-alert--sm fr-mb-2w">
      <p>
        Éditeur non renseigné : cette version de l’observatoire ne nomme pas l’organisme qui la met en ligne. Avant publication, il inscrit son nom, son
        adresse, sa direction de la publication, son contact et son hébergeur dans <code>SITE_EDITEUR</code> (<code>src/domain/site-pages.ts</code>).
      </p>
    </div>
  );
}
