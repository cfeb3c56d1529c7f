import { PipelineError } from '../pipeline-error.ts';
import { lineColumnAt } from './text-position.ts';

/**
 * JSON.parse with located errors: `file:line:column` when V8 gives a position, "truncated"
 * only when the text really ends early. A leading BOM is ignored; blank text is "empty file".
 */
export function parseJsonText(raw: string, file: string): unknown {
  const text = raw.charCodeAt(0) === 0xfeff ? raw.slice(1) : raw;
  if (text.trim() === '') throw new PipelineError({ file }, 'empty file');
  try {
    return JSON.parse(text);
  } catch (cause) {
    const message = (cause as Error).message;
    const position = /position (\d+)/.exec(message)?.[1];
    const endOfInput = /end of JSON input/.test(message);
    // V8 gives no position for an unexpected token (only the token and some context, kept in
    // the message): then the place is unknown, and the file is not necessarily truncated.
    const offset = position !== undefined ? Number(position) : endOfInput ? text.length : undefined;
    const truncated = endOfInput || (offset !== undefined && offset >= text.trimEnd().length);
    throw new PipelineError(
      { file, ...(offset === undefined ? {} : lineColumnAt(text, offset)) },
      truncated ? 'invalid JSON: file is truncated' : `invalid JSON: ${message.replace(/ in JSON at position \d+.*$/, '')}`,
      { cause },
    );
  }
}
