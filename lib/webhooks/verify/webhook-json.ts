/**
 * JSON for webhook bodies, parsed only after their signature verified. Shopify ids are JSON numbers
 * and some exceed 2^53 (its documented samples use ids like 820982911946154508): plain JSON.parse
 * would silently turn them into a neighbour (…4500), merging two customers or orders. Integers too
 * large for a double are kept as their exact digits, as strings; the mappers accept both forms.
 */

const INTEGER = /^-?\d+$/;
const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

/**
 * Parse a webhook body as JSON, keeping unsafe integers as digit strings.
 * @throws SyntaxError when the bytes are not UTF-8 or not JSON (the caller quarantines the delivery).
 */
export const parseWebhookJson = (body: Uint8Array | string): unknown => {
  let text: string;
  if (typeof body === 'string') {
    text = body;
  } else {
    try {
      text = utf8.decode(body);
    } catch {
      throw new SyntaxError('body is not UTF-8');
    }
  }
  // The reviver's third argument (JSON.parse source text access) is in Node 21+ (V8 11.4).
  return JSON.parse(text, (_key: string, value: unknown, context?: { source?: string }) =>
    typeof value === 'number' &&
    !Number.isSafeInteger(value) &&
    context?.source !== undefined &&
    INTEGER.test(context.source)
      ? context.source
      : value,
  );
};
