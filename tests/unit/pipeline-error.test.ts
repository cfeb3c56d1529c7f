import { describe, expect, it } from 'vitest';
import { formatIssue, formatLocation, PipelineError } from '../../data-pipeline/pipeline-error.ts';

describe('formatLocation', () => {
  it('gives the file alone when nothing more is known', () => {
    expect(formatLocation({ file: 'sources/qp.geojson' })).toBe('sources/qp.geojson');
  });

  it('appends line and column in the file:line:column form editors open', () => {
    expect(formatLocation({ file: 'qp.geojson', line: 9, column: 2412 })).toBe('qp.geojson:9:2412');
    expect(formatLocation({ file: 'qp.geojson', line: 9 })).toBe('qp.geojson:9');
  });

  it('ignores a column without a line', () => {
    expect(formatLocation({ file: 'qp.geojson', column: 3 })).toBe('qp.geojson');
  });

  it('names the feature, field and value, in that order', () => {
    expect(formatLocation({ file: 'QPV.geojson', feature: 3, field: 'code_qp', value: 'QP35' })).toBe('QPV.geojson feature 3 field code_qp value "QP35"');
  });

  it('keeps feature 0 and falsy values (0, empty string, null)', () => {
    expect(formatLocation({ file: 'f', feature: 0 })).toBe('f feature 0');
    expect(formatLocation({ file: 'f', field: 'pop', value: 0 })).toBe('f field pop value 0');
    expect(formatLocation({ file: 'f', field: 'nom', value: '' })).toBe('f field nom value ""');
    expect(formatLocation({ file: 'f', field: 'nom', value: null })).toBe('f field nom value null');
  });

  it('quotes values as JSON, so a quote in an open-data name stays readable', () => {
    expect(formatLocation({ file: 'f', field: 'nom', value: "L'Isle-d'Abeau \"centre\"" })).toBe('f field nom value "L\'Isle-d\'Abeau \\"centre\\""');
  });

  it('shortens long string values to 60 characters', () => {
    const where = formatLocation({ file: 'f', field: 'geometry', value: 'x'.repeat(500) });
    expect(where).toBe(`f field geometry value "${'x'.repeat(57)}..."`);
  });

  it('leaves a 60-character value whole', () => {
    expect(formatLocation({ file: 'f', value: 'y'.repeat(60) })).toBe(`f value "${'y'.repeat(60)}"`);
  });
});

describe('PipelineError', () => {
  it('reads "<where>: <reason>" and keeps both parts as fields', () => {
    const error = new PipelineError({ file: 'QPV.geojson', feature: 2, field: 'geometry' }, 'ring has 2 positions, expected at least 4');
    expect(error.message).toBe('QPV.geojson feature 2 field geometry: ring has 2 positions, expected at least 4');
    expect(error.location).toEqual({ file: 'QPV.geojson', feature: 2, field: 'geometry' });
    expect(error.reason).toBe('ring has 2 positions, expected at least 4');
  });

  it('is a named Error that carries its cause', () => {
    const cause = new SyntaxError('Unexpected end of JSON input');
    const error = new PipelineError({ file: 'qp.geojson', line: 1, column: 7 }, 'invalid JSON: file is truncated', { cause });
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe('PipelineError');
    expect(error.cause).toBe(cause);
    expect(String(error)).toBe('PipelineError: qp.geojson:1:7: invalid JSON: file is truncated');
  });
});

describe('formatIssue', () => {
  it('uses the same "<where>: <reason>" shape as PipelineError', () => {
    const issue = { location: { file: 'qp.geojson', feature: 4, field: 'code_qp', value: 'XX' }, reason: 'bad code' };
    expect(formatIssue(issue)).toBe(new PipelineError(issue.location, issue.reason).message);
    expect(formatIssue(issue)).toBe('qp.geojson feature 4 field code_qp value "XX": bad code');
  });
});
