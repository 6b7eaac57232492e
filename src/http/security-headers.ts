// The headers every response of eropaf's HTTP servers carries (the web app and the DDAS API);
// apart from src/web, so that the DDAS API does not load web code.

/** No inline script, no eval, no framing, nothing from elsewhere; forms post to this origin only. */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': "default-src 'self'; frame-ancestors 'none'; form-action 'self'; base-uri 'none'",
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cache-Control': 'no-store',
  'X-Frame-Options': 'DENY',
  'Cross-Origin-Opener-Policy': 'same-origin',
};
