/**
 * The CloudFront Function (cloudfront-js-2.0, viewer request) of the console's default behaviour: a path
 * whose last segment has no extension is a client-side route (`/contacts/c_1`), so CloudFront fetches
 * `/index.html` for it; a path with one (`/assets/index-3f2a.js`) is fetched as is, and a missing asset
 * stays a 403/404 rather than an HTML page the browser would run as script. Only the default behaviour
 * runs it: `/v1/*` and `/auth/*` go to the API untouched, so the API's own 401/403/404 reach the console,
 * which an error-page mapping on the distribution would have swallowed.
 *
 * Kept as source text because CloudFront runs it, not Node; the infra tests evaluate this same text.
 */
export const SPA_ROUTING_FUNCTION = `function handler(event) {
  var request = event.request;
  var uri = request.uri;
  var last = uri.substring(uri.lastIndexOf('/') + 1);
  if (last.indexOf('.') === -1) request.uri = '/index.html';
  return request;
}`;
