import { ACCESSIBILITY_STATUS_LABEL } from '../../domain/site-pages.ts';
import { EditeurContact } from './editeur.tsx';
import { SitePage, viewLink } from './site-page.tsx';

/**
 * The déclaration d'accessibilité (RGAA), after the State's model: the state declared, what
 * the automated checks of the test suite cover, the known defects, how to report one, the
 * remedies. No audit exists: the RGAA makes that « non conforme », said with the reason.
 */
export function AccessibilitePage() {
  return (
    <SitePage view="accessibilite">
      <p>
        L’éditeur de l’Observatoire de la réussite éducative s’engage à rendre ce service accessible, conformément à l’article 47 de la loi n° 2005-102 du 11
        février 2005. Cette déclaration s’applique à l’observatoire tel que publié avec cette version de son code.
      </p>

      <h2 className="fr-h4">État de conformité</h2>
      <p>
        L’Observatoire de la réussite éducative est <strong>{ACCESSIBILITY_STATUS_LABEL}</strong> avec le référentiel général d’amélioration de
        l’accessibilité (RGAA), version 4.1.2. Aucun audit de conformité RGAA n’a été réalisé : sans résultat d’audit en cours de validité, le RGAA
        impose de déclarer le service non conforme, quels que soient les résultats des vérifications automatiques ci-dessous.
      </p>

      <h2 className="fr-h4">Ce qui est vérifié</h2>
      <ul>
        <li>
          À chaque modification, les tests de bout en bout ouvrent l’observatoire dans Chromium et y exécutent axe-core (règles WCAG 2.1, niveaux A et AA)
          : un test échoue sur toute violation jugée grave ou critique. Sont vérifiés ainsi la carte et ses onglets (Indicateur, Filtres, Couches), la fiche
          d’un QPV (à côté de la carte et en pleine page), la comparaison de QPV, la vue Territoire, le catalogue et l’import d’actions, le panneau Données
          et les quatre pages du pied de page.
        </li>
        <li>Un test parcourt la carte au clavier (touche Tab) et échoue si un élément atteint n’a pas de nom accessible.</li>
        <li>Un test vérifie que les liens d’évitement (« Aller au contenu », « Aller à la carte », « Aller à la recherche ») donnent le focus à leur cible.</li>
      </ul>
      <p>
        Ces vérifications automatiques ne couvrent qu’une partie des critères du RGAA : elles ne jugent ni la pertinence des textes de remplacement, ni
        l’ordre de lecture, ni l’usage avec un lecteur d’écran ou une loupe. Elles ne remplacent pas un audit.
      </p>

      <h2 className="fr-h4">Contenus non accessibles connus</h2>
      <ul>
        <li>
          <strong>La carte</strong> est dessinée en WebGL : les QPV, établissements et lieux qu’elle montre ne sont pas atteignables un à un au clavier ni
          lus par un lecteur d’écran. La carte elle-même se déplace et se zoome au clavier (flèches, + et −). Les mêmes informations sont accessibles
          autrement : la recherche, le tableau des QPV sous la carte (chacun ouvre sa fiche), les fiches, la comparaison et la vue Territoire.
        </li>
        <li>
          <strong>Les graphiques du panneau Filtres</strong> n’ont pas été vérifiés avec un lecteur d’écran. Leurs sélections se font aussi au clavier et
          leur résultat est listé dans le tableau sous la carte.
        </li>
        <li>
          <strong>L’export de la carte</strong> est une image (PNG) ; les exports CSV de la fiche, de la comparaison et du tableau donnent les mêmes
          chiffres sous forme de texte.
        </li>
      </ul>

      <h2 className="fr-h4">Établissement de cette déclaration</h2>
      <p>
        Cette déclaration a été établie le 7 décembre 2026. Technologies utilisées : HTML, CSS, JavaScript, SVG, WebGL. Environnement des vérifications :
        Chromium (Debian) sans interface, WebGL logiciel, et axe-core.
      </p>

      <h2 className="fr-h4">Retour d’information et contact</h2>
      <p>
        Si vous n’arrivez pas à accéder à un contenu ou à un service, contactez l’éditeur de l’observatoire pour être orienté vers une alternative
        accessible ou obtenir le contenu sous une autre forme : <EditeurContact />
      </p>

      <h2 className="fr-h4">Voies de recours</h2>
      <p>
        Si vous avez signalé à l’éditeur un défaut d’accessibilité qui vous empêche d’accéder à un contenu ou à un service et que vous n’avez pas obtenu de
        réponse satisfaisante, vous pouvez :
      </p>
      <ul>
        <li>
          écrire un message au Défenseur des droits (
          <a href="https://formulaire.defenseurdesdroits.fr/" target="_blank" rel="noreferrer" title="Formulaire du Défenseur des droits - nouvelle fenêtre">
            formulaire en ligne
          </a>
          ) ;
        </li>
        <li>
          contacter le délégué du Défenseur des droits de votre région (
          <a href="https://www.defenseurdesdroits.fr/saisir/delegues" target="_blank" rel="noreferrer" title="Délégués du Défenseur des droits - nouvelle fenêtre">
            liste des délégués
          </a>
          ) ;
        </li>
        <li>envoyer un courrier par la poste (gratuit, ne pas mettre de timbre) : Défenseur des droits, Libre réponse 71120, 75342 Paris CEDEX 07.</li>
      </ul>
      <p className="fr-text--sm">
        Voir aussi les <a {...viewLink('mentions-legales')}>mentions légales</a>.
      </p>
    </SitePage>
  );
}
