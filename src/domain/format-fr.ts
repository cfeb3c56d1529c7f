import { hiddenLabel, type Shown } from './secret-statistique.ts';

/**
 * Numbers and dates as a French reader expects them on screen (narrow no-break space between
 * thousands, decimal comma, « % » and « € » after a space). Exports have their own, plainer
 * form (`src/export/csv-fr.ts`).
 */

const formatters = new Map<number, Intl.NumberFormat>();
const formatter = (digits: number) => {
  let f = formatters.get(digits);
  if (f === undefined) {
    f = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: digits });
    formatters.set(digits, f);
  }
  return f;
};

/** A value with its unit: one decimal below 100, none above (`45,2 %`, `13 480 €`, `2 304`). */
export function formatValue(value: number, unite: string): string {
  const n = formatter(Math.abs(value) >= 100 ? 0 : 1).format(value);
  return unite === '%' ? `${n} %` : unite === '€' ? `${n} €` : n;
}

/** A difference, always signed; rates differ by points (`+3,2 pts`), not by percent. */
export function formatDifference(difference: number, unite: string): string {
  const n = formatter(Math.abs(difference) >= 100 ? 0 : 1).format(Math.abs(difference));
  const sign = n === '0' ? '±' : difference > 0 ? '+' : '−';
  return unite === '%' ? `${sign}${n} pts` : unite === '€' ? `${sign}${n} €` : `${sign}${n}`;
}

/** A value through the secret statistique: the figure, `< 11` (or `masqué`), or `n.d.`. */
export function formatShown(shown: Shown, unite: string, threshold?: number): string {
  return shown.status === 'ok' ? formatValue(shown.value, unite) : (hiddenLabel(shown, threshold) ?? 'n.d.');
}

const dateFr = new Intl.DateTimeFormat('fr-FR', { day: '2-digit', month: '2-digit', year: 'numeric', timeZone: 'Europe/Paris' });

/** `JJ/MM/AAAA`, in French time (an export made at 00:30 in Paris is dated that day). */
export function formatDateFr(date: Date): string {
  return dateFr.format(date);
}

/** A straight-line distance: metres under 1 km, else km with one decimal. */
export function formatDistance(metres: number): string {
  return metres < 1000 ? `${formatter(0).format(Math.round(metres))} m` : `${formatter(1).format(metres / 1000)} km`;
}
