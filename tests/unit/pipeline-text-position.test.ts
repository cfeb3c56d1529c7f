import { describe, expect, it } from 'vitest';
import { lineColumnAt } from '../../data-pipeline/read/text-position.ts';

// Line and column are 1-based, as editors and `file:line:col` links expect.
describe('lineColumnAt', () => {
  const text = '{\n  "a": 1,\n  "b": [\n';

  it.each([
    ['the first character', 0, 1, 1],
    ['the newline ending line 1 (still on line 1)', 1, 1, 2],
    ['the first character of line 2', 2, 2, 1],
    ['the "a" key', 3 + 2, 2, 4],
    ['the last newline', text.length - 1, 3, 9],
  ])('places %s', (_what, offset, line, column) => {
    expect(lineColumnAt(text, offset)).toEqual({ line, column });
  });

  it('places the end of the text one past the last character (where truncation is reported)', () => {
    expect(lineColumnAt(text, text.length)).toEqual({ line: 4, column: 1 });
    expect(lineColumnAt('abc', 3)).toEqual({ line: 1, column: 4 });
  });

  it('clamps offsets outside the text instead of inventing lines', () => {
    expect(lineColumnAt(text, -5)).toEqual({ line: 1, column: 1 });
    expect(lineColumnAt(text, 10_000)).toEqual(lineColumnAt(text, text.length));
  });

  it('works on an empty text', () => {
    expect(lineColumnAt('', 0)).toEqual({ line: 1, column: 1 });
    expect(lineColumnAt('', 7)).toEqual({ line: 1, column: 1 });
  });

  it('counts CRLF as one line break, the \\r being the last column of its line', () => {
    const crlf = 'ab\r\ncd';
    expect(lineColumnAt(crlf, 2)).toEqual({ line: 1, column: 3 });
    expect(lineColumnAt(crlf, 4)).toEqual({ line: 2, column: 1 });
    expect(lineColumnAt(crlf, 5)).toEqual({ line: 2, column: 2 });
  });

  it('counts columns in UTF-16 code units, like JSON.parse positions', () => {
    // « é » is one unit, « 𝄞 » two: the offset JSON.parse reports lands on the same unit.
    const accented = 'é𝄞x';
    expect(lineColumnAt(accented, accented.indexOf('x'))).toEqual({ line: 1, column: 4 });
  });

  it('agrees with the offset of a JSON.parse syntax error on a real multi-line document', () => {
    const doc = '{\n"type": "FeatureCollection",\n"features": [\n{"type": "Feature",, }\n]}';
    let message = '';
    try {
      JSON.parse(doc);
    } catch (error) {
      message = (error as Error).message;
    }
    const position = Number(/position (\d+)/.exec(message)?.[1]);
    expect(Number.isInteger(position)).toBe(true);
    const { line, column } = lineColumnAt(doc, position);
    expect(line).toBe(4);
    expect(doc.split('\n')[line - 1]![column - 1]).toBe(',');
  });
});
