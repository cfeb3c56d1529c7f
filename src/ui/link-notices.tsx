import './link-notices.css';
import { memo } from 'react';
import { useAppStore } from '../state/store.ts';
import { useReferenceCheck } from './use-reference-check.ts';

/**
 * The notices of links the app could not follow as written (see state/url-notices.ts), each
 * dismissable. Memoised: it sits beside the map's panel, which a brush move renders again.
 */
export const LinkNotices = memo(function LinkNotices() {
  useReferenceCheck();
  const notices = useAppStore((s) => s.notices);
  const dismiss = useAppStore((s) => s.dismissNotice);
  if (notices.length === 0) return null;
  return (
    <div className="link-notices" data-testid="link-notices">
      {notices.map((n) => (
        <div key={n.id} className="fr-alert fr-alert--info fr-alert--sm" role="status">
          <p>{n.text}</p>
          <button type="button" className="fr-btn--close fr-btn" title="Masquer ce message" onClick={() => dismiss(n.id)}>
            Masquer
          </button>
        </div>
      ))}
    </div>
  );
});
