import { SITE_EDITEUR } from '../../domain/site-pages.ts';
import { EditeurMissing } from './editeur.tsx';
import { SitePage, viewLink } from './site-page.tsx';

/** Mentions légales: who publishes and hosts, what the service is built with, what may be reused. */
export function MentionsLegalesPage() {
  return (
    <SitePage view="mentions-legales">
      <h2 className="fr-h4">Éditeur</h2>
      {SITE_EDITEUR === null ? (
        <EditeurMissing />
      ) : (
        <dl>
          <dt>Éditeur</dt>
          <dd>
            {SITE_EDITEUR.nom}, {SITE_EDITEUR.adresse}
          </dd>
          <dt>Direction de la publication</dt>
          <dd>{SITE_EDITEUR.directionPublication}</dd>
          <dt>Contact</dt>
          <dd>{SITE_EDITEUR.contact}</dd>
          <dt>Hébergement</dt>
          <dd>{SITE_EDITEUR.hebergeur}</dd>
        </dl>
      )}

      <h2 className="fr-h4">Le service</h2>
      <p>
        L’Observatoire de la réussite éducative est une application qui fonctionne entièrement dans votre navigateur : l’hébergeur ne sert que des fichiers
        (le code de l’application et les données publiées). Il ne demande aucun compte, ne dépose aucun cookie et ne mesure pas l’audience ; la page ne
        s’adresse à aucun autre site que celui qui la sert (voir <a {...viewLink('donnees-personnelles')}>Données personnelles</a>).
      </p>
      <p>
        Son interface suit le Système de design de l’État (DSFR). Son usage, avec la marque de l’État et la police Marianne, est réservé aux sites de
        l’État et des organismes qui y sont autorisés : un éditeur qui n’en relève pas les retire avant publication.
      </p>

      <h2 className="fr-h4">Réutilisation des contenus</h2>
      <p>
        Les données affichées proviennent de fichiers officiels en open data (INSEE, ANCT, IGN, ministère de l’Éducation nationale…), réutilisables sous
        la Licence Ouverte / Etalab 2.0 en citant leur source ; chaque table, avec son producteur, sa licence et son millésime, est décrite sur la page{' '}
        <a {...viewLink('sources')}>Sources et licences</a>.
      </p>
      <p>
        Les repères nationaux de la vue Territoire sont de courtes citations de l’étude « Comprendre les pratiques d’alliances éducatives dans le contexte
        des Cités éducatives » (ANCT et RNCRPV, février 2026), avec leur source ; la reproduction de cette publication est soumise à autorisation de
        l’ANCT.
      </p>

      <h2 className="fr-h4">Liens vers d’autres sites</h2>
      <p>Les liens vers d’autres sites (gouvernement, Défenseur des droits) s’ouvrent dans une nouvelle fenêtre ; l’éditeur n’est pas responsable de leur contenu.</p>

      <h2 className="fr-h4">Accessibilité</h2>
      <p>
        État de conformité et moyens de signaler un défaut : <a {...viewLink('accessibilite')}>déclaration d’accessibilité</a>.
      </p>
    </SitePage>
  );
}
