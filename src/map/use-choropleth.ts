import { useMemo, useRef } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { rowsOf } from '../domain/connector.ts';
import { isSecretStatut } from '../domain/secret-statistique.ts';
import { useSql } from '../db/use-sql.ts';
import { buildIndicatorListQuery, buildQpvIndicatorValuesQuery, type IndicatorOption, indicatorValueTables } from '../queries/indicator-queries.ts';
import { useAppStore } from '../state/store.ts';
import { type Classes, classify, classIndex } from './classify.ts';
import { hexToRgba, NO_DATA_COLOUR, palette, type Rgba } from './palettes.ts';

export interface Choropleth {
  options: IndicatorOption[];
  option: IndicatorOption | null;
  classes: Classes;
  colours: string[];
  /** QPV code → fill colour; null until DuckDB has answered. */
  fill: Map<string, Rgba> | null;
  /** Changes whenever `fill` does: deck.gl's update trigger (it cannot compare Maps). */
  fillKey: string;
  /** QPV without a value: not published ('nd') or under the secret statistique ('secret', 'secret_secondaire'). */
  noData: { nd: number; secret: number };
  error: string | null;
}

const FILL_ALPHA = 200;
const LIST_TABLES = ['indicateurs_meta', 'indicateurs'] as const;

type ValueRow = { code: string; valeur: number | null; statut: string };

/** The QPV choropleth of the chosen indicator: its values from DuckDB, classes and colours. */
export function useChoropleth(): Choropleth {
  const { indicator, classification, classCount, riskWeights } = useAppStore(
    useShallow((s) => ({ indicator: s.indicator, classification: s.classification, classCount: s.classCount, riskWeights: s.riskWeights })),
  );
  const list = useSql(buildIndicatorListQuery(), rowsOf<IndicatorOption>(), LIST_TABLES);
  const sql = buildQpvIndicatorValuesQuery(indicator, riskWeights);
  const values = useSql(sql, rowsOf<ValueRow>(), indicatorValueTables(indicator));
  // The values shown: the current ones, or, while new risk weights are recomputed, the
  // previous ones of the same indicator (the map does not blink to the default fill).
  const last = useRef<{ indicator: string; rows: ValueRow[]; version: number } | null>(null);
  const shown = useMemo(() => {
    if (values.status === 'ready' && values.sql === sql) last.current = { indicator, rows: values.data, version: (last.current?.version ?? 0) + 1 };
    return last.current?.indicator === indicator ? last.current : null;
  }, [values, sql, indicator]);

  return useMemo(() => {
    const options = list.data ?? [];
    const option = options.find((o) => o.indicateur === indicator) ?? null;
    const rows = shown?.rows ?? [];
    const classes = classify(rows.flatMap((r) => (r.valeur === null ? [] : [r.valeur])), classification, classCount);
    const colours = palette(option?.sens ?? 'neutre', classes.counts.length);
    const fill = shown === null ? null : new Map<string, Rgba>();
    const noData = { nd: 0, secret: 0 };
    for (const r of rows) {
      const i = classIndex(r.valeur, classes.bounds);
      fill?.set(r.code, hexToRgba(i === -1 ? NO_DATA_COLOUR : colours[i]!, FILL_ALPHA));
      if (i === -1) noData[isSecretStatut(r.statut) ? 'secret' : 'nd'] += 1;
    }
    const fillKey = shown === null ? 'default' : `${shown.version}:${classification}:${classCount}`;
    return { options, option, classes, colours, fill, fillKey, noData, error: list.error ?? values.error };
  }, [list, values.error, shown, indicator, classification, classCount]);
}
