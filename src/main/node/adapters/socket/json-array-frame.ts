export type FrameShapeProblem = 'not-json' | 'not-array' | 'not-object';

type Json = Record<string, unknown>;

/** Enough of a bad frame to recognise it in the log; frames come from the server, never hold our key. */
export function excerpt(text: string): string {
  return text.length <= 120 ? text : `${text.slice(0, 117)}...`;
}

/**
 * Polygon and Alpaca's data stream both send frames that are JSON arrays of event objects:
 * each object goes to `each`; a frame or item of another shape goes to `malformed` with an
 * excerpt, and the rest of the frame is still read.
 */
export function forEachFrameObject(text: string, malformed: (reason: FrameShapeProblem, excerpt: string) => void, each: (item: Json) => void): void {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    malformed('not-json', excerpt(text));
    return;
  }
  if (!Array.isArray(data)) {
    malformed('not-array', excerpt(text));
    return;
  }
  for (const item of data as unknown[]) {
    if (typeof item !== 'object' || item === null || Array.isArray(item)) {
      malformed('not-object', excerpt(JSON.stringify(item) ?? String(item)));
      continue;
    }
    each(item as Json);
  }
}
