import { Footer } from '@codegouvfr/react-dsfr/Footer';
import { ACCESSIBILITY_STATUS, SITE_PAGE_TITLES } from '../../domain/site-pages.ts';
import { viewLink } from './site-page.tsx';

/**
 * The DSFR footer: the accessibility state and the pages a public-service site must have
 * (domain/site-pages.ts), each opened in the app by `vue=`.
 */
export function SiteFooter() {
  return (
    <Footer
      id="pied-de-page"
      className="site-footer"
      brandTop={
        <>
          République
          <br />
          Française
        </>
      }
      homeLinkProps={{ ...viewLink('carte'), title: 'Accueil — Observatoire de la réussite éducative' }}
      contentDescription="Observatoire local de la réussite éducative : les QPV, l’éducation prioritaire et les Cités éducatives sur une carte, à partir de données ouvertes officielles traitées dans votre navigateur. Aucune donnée n’est envoyée."
      accessibility={ACCESSIBILITY_STATUS}
      accessibilityLinkProps={viewLink('accessibilite')}
      termsLinkProps={viewLink('mentions-legales')}
      bottomItems={[
        { text: SITE_PAGE_TITLES['donnees-personnelles'], linkProps: viewLink('donnees-personnelles') },
        { text: SITE_PAGE_TITLES.sources, linkProps: viewLink('sources') },
      ]}
      license={
        <>
          Les données publiées proviennent de fichiers officiels en open data, sous Licence Ouverte / Etalab 2.0 sauf mention contraire : voir{' '}
          <a {...viewLink('sources')}>{SITE_PAGE_TITLES.sources}</a>.
        </>
      }
    />
  );
}
