import { useEffect, useState } from 'react';
import { userMessage } from './user-message.ts';

/**
 * What `load` resolves to, called when the component mounts (pass a module-level function:
 * a new one would load again): null until then, and the French message of its error if it
 * fails (the detail in the console).
 */
export function useLoaded<T>(load: () => Promise<T>): { data: T | null; error: string | null } {
  const [state, setState] = useState<{ data: T | null; error: string | null }>({ data: null, error: null });
  useEffect(() => {
    let current = true;
    load().then(
      (data) => current && setState({ data, error: null }),
      (e: unknown) => current && setState({ data: null, error: userMessage(e, 'loading published data') }),
    );
    return () => {
      current = false;
    };
  }, [load]);
  return state;
}
