import { useEffect, useState } from 'react';
import type { Manifest } from './manifest.ts';
import { loadManifest } from './published-data.ts';

/** The published dataset's manifest (fetched once for the whole app); null until it arrives. */
export function useManifest(): { manifest: Manifest | null; error: string | null } {
  const [state, setState] = useState<{ manifest: Manifest | null; error: string | null }>({ manifest: null, error: null });
  useEffect(() => {
    let current = true;
    loadManifest().then(
      (manifest) => current && setState({ manifest, error: null }),
      (e: unknown) => current && setState({ manifest: null, error: e instanceof Error ? e.message : String(e) }),
    );
    return () => {
      current = false;
    };
  }, []);
  return state;
}
