import { Breadcrumb } from '@codegouvfr/react-dsfr/Breadcrumb';
import { type MouseEvent, type ReactNode, useEffect, useRef } from 'react';
import { documentTitle, SERVICE_NAME, SITE_PAGE_TITLES, type SitePageView } from '../../domain/site-pages.ts';
import type { PageView } from '../../state/page-slice.ts';
import { useAppStore } from '../../state/store.ts';
import './site-pages.css';

/**
 * A link to a view that opens it in the app (the rest of the state, kept in the URL's hash,
 * stays: filters, map position…); its `href` is the view's own URL, for a new tab or a copy.
 */
export function viewLink(view: PageView) {
  return {
    href: `#vue=${view}`,
    onClick: (e: MouseEvent<HTMLAnchorElement>) => {
      if (e.ctrlKey || e.metaKey || e.shiftKey || e.button !== 0) return;
      e.preventDefault();
      useAppStore.getState().openView(view);
    },
  };
}

/**
 * One of the site's pages (domain/site-pages.ts) over the map: a DSFR breadcrumb, its title as
 * the page's `<h1>` and `<title>`, focused when it opens (a screen reader reads where it is).
 */
export function SitePage({ view, children }: { view: SitePageView; children: ReactNode }) {
  const title = SITE_PAGE_TITLES[view];
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    document.title = documentTitle(title);
    heading.current?.focus();
    return () => {
      document.title = SERVICE_NAME;
    };
  }, [title]);
  return (
    <section className="page-view site-page" aria-labelledby="site-page-title" data-testid={`page-${view}`}>
      <div className="site-page__body">
        <Breadcrumb className="fr-mt-0 fr-mb-2w" homeLinkProps={viewLink('carte')} segments={[]} currentPageLabel={title} />
        <h1 id="site-page-title" className="fr-h2" tabIndex={-1} ref={heading}>
          {title}
        </h1>
        {children}
        <p className="fr-mt-4w">
          <a className="fr-link fr-icon-arrow-left-line fr-link--icon-left" {...viewLink('carte')}>
            Retour à la carte
          </a>
        </p>
      </div>
    </section>
  );
}
