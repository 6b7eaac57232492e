import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { apiDeliverySetup, ddasDeliveryPage, type ApiDeliverySetup, type DeliveryPageRequest } from '../app/ddas/delivery-page.js';
import { DeliverySchemaError } from '../app/ddas/export-delivery.js';
import { DataError, EropafError, UsageError } from '../core/errors.js';
import { ddasTimestamp } from '../core/report/ddas.js';
import { serialised } from '../http/queue.js';
import { SECURITY_HEADERS } from '../http/security-headers.js';
import type { DeliveryDetails, Store } from '../store/store.js';
import { parseGegevensRequest } from './request.js';
import type { BodySigner } from './signing.js';
import type { RequestVerifier } from './verify-request.js';

// The DDAS supplier API: CBS calls `POST /gegevens` (through its FSC outway and this
// organisation's FSC inway, which does the mutual TLS) and gets one page of the national
// delivery. Every response is signed over its exact bytes; errors are ProblemDetails (RFC 9457)
// in Dutch. Every call is in the audit log: the period, the page and counts, no personal data.

export interface DdasApiOptions {
  store: Store;
  sign: BodySigner;
  clock: () => Date;
  osUser: string;
  /** Where an unexpected failure is told (stderr), without personal data. */
  reportFault: (line: string) => void;
  /** With `--trust-anchors`: a request not signed as DDAS asks is refused. Without, the FSC inway must check. */
  verifyRequest?: RequestVerifier;
}

/** ProblemDetails `type` is a URI; eropaf's problem types have no page of their own, so a URN names them. */
const PROBLEM_TYPE = 'urn:eropaf:probleem:';
/** The request is a few fields; anything larger is not CBS asking for a page. */
const MAX_REQUEST_BYTES = 16 * 1024;

interface Problem {
  status: 400 | 413 | 422 | 500;
  slug: string;
  title: string;
  detail: string;
}

/**
 * The body as bytes, signed, with the headers every response of this API carries. When nothing
 * can be signed (the certificate expired) CBS gets an unsigned 500 ProblemDetails saying nothing
 * was sent instead of the body, and the administrator the reason.
 */
function signedResponse(options: DdasApiOptions, status: number, contentType: string, text: string, extra: Record<string, string> = {}): Response {
  const body = Buffer.from(text, 'utf8');
  let signature: Record<string, string>;
  try {
    signature = { ...options.sign(body) };
  } catch (error) {
    options.reportFault(`ddas-api: ${error instanceof EropafError ? describe(error) : `ondertekenen mislukt (${error instanceof Error ? error.name : 'onbekend'})`}`);
    const unsigned = JSON.stringify({
      type: `${PROBLEM_TYPE}${INTERNAL_ERROR.slug}`,
      title: INTERNAL_ERROR.title,
      status: INTERNAL_ERROR.status,
      detail: 'Deze bron kan haar antwoord nu niet ondertekenen; er is niets verstuurd. Meld dit bij de beheerder van deze bron.',
    });
    return new Response(unsigned, { status: 500, headers: { ...SECURITY_HEADERS, 'Content-Type': 'application/problem+json; charset=utf-8' } });
  }
  const headers = new Headers({ ...SECURITY_HEADERS, 'Content-Type': contentType, ...signature, ...extra });
  return new Response(body, { status, headers });
}

function problemResponse(c: Context, options: DdasApiOptions, problem: Problem, extra: Record<string, string> = {}): Response {
  const json = JSON.stringify({
    type: `${PROBLEM_TYPE}${problem.slug}`,
    title: problem.title,
    status: problem.status,
    detail: problem.detail,
    instance: new URL(c.req.url).pathname,
  });
  return signedResponse(options, problem.status, 'application/problem+json; charset=utf-8', json, extra);
}

/**
 * A 404 or 405 as DDAS-VS.yaml declares them: an FscError body (FSC Core) and its code in
 * the `Fsc-Error-Code` header. FSC Core names the domain by the code: SERVICE_NOT_FOUND is an
 * inway code, METHOD_UNSUPPORTED an outway code (its domain MUST be ERROR_DOMAIN_OUTWAY).
 */
interface FscProblem {
  status: 404 | 405;
  code: 'ERROR_CODE_SERVICE_NOT_FOUND' | 'ERROR_CODE_METHOD_UNSUPPORTED';
  domain: 'ERROR_DOMAIN_INWAY' | 'ERROR_DOMAIN_OUTWAY';
  title: string;
  detail: string;
}

function fscErrorResponse(options: DdasApiOptions, problem: FscProblem, extra: Record<string, string> = {}): Response {
  const json = JSON.stringify({ code: problem.code, domain: problem.domain, title: problem.title, detail: problem.detail, status: problem.status });
  return signedResponse(options, problem.status, 'application/problem+json; charset=utf-8', json, { 'Fsc-Error-Code': problem.code, ...extra });
}

function describe(error: EropafError): string {
  return [error.message, ...error.details, ...(error.hint === undefined ? [] : [error.hint])].join(' ');
}

/** A domain error as the problem CBS is told. */
function problemOf(error: unknown, options: DdasApiOptions): Problem {
  if (error instanceof DeliverySchemaError) {
    options.reportFault(`ddas-api: ${describe(error)}`);
    return { status: 500, slug: 'schemafout', title: 'Levering voldoet niet aan het DDAS-schema', detail: `${describe(error)} Er is niets verstuurd.` };
  }
  if (error instanceof DataError) return { status: 422, slug: 'niet-verwerkbaar', title: 'Verzoek niet verwerkbaar', detail: describe(error) };
  if (error instanceof UsageError) return { status: 400, slug: 'ongeldig-verzoek', title: 'Ongeldig verzoek', detail: describe(error) };
  options.reportFault(`ddas-api: onverwachte fout: ${error instanceof EropafError ? describe(error) : error instanceof Error ? error.name : 'onbekend'}`);
  return INTERNAL_ERROR;
}

const INTERNAL_ERROR: Problem = {
  status: 500,
  slug: 'interne-fout',
  title: 'Interne fout',
  detail: 'Er ging iets mis bij het samenstellen van de levering; er is niets verstuurd. Meld dit bij de beheerder van deze bron.',
};

/**
 * A setup this server cannot deliver with (a setting missing, a gemeente without its code) is
 * the administrator's to fix, not CBS's: CBS is told of an internal error, the administrator what to set.
 */
function setupProblem(error: unknown, options: DdasApiOptions): Problem {
  if (!(error instanceof UsageError)) return problemOf(error, options);
  options.reportFault(`ddas-api: de instellingen van deze bron zijn niet compleet; CBS kreeg een interne fout. ${describe(error)}`);
  return INTERNAL_ERROR;
}

export function createDdasApi(options: DdasApiOptions): Hono {
  const app = new Hono();
  // One store connection, and transactions span awaits: calls are answered one after another.
  app.use('*', serialised());

  /**
   * One audit line per call: what was asked (never personal data) and what was answered; with
   * the deliveries the call completed, recorded in the same transaction.
   */
  const audit = async (
    request: DeliveryPageRequest | undefined,
    counts: Record<string, number>,
    asked: Record<string, unknown> = {},
    delivered: readonly DeliveryDetails[] = [],
  ): Promise<void> => {
    const details = request === undefined
      ? asked
      : {
          van: request.period.from,
          tot: request.period.to,
          pagina: request.page,
          pageSize: request.pageSize,
          ...(request.aanleverendeOrganisatie !== undefined && { aanleverendeOrganisatie: request.aanleverendeOrganisatie }),
        };
    const at = options.clock().toISOString();
    const audited = options.store.withAudit({ at, osUser: options.osUser, command: 'ddas-api gegevens', options: details });
    await audited.transaction(async (tx) => {
      if (request !== undefined) for (const details of delivered) await tx.recordDelivery('ddas', request.period, at, details);
      await tx.appendAudit({ counts });
    });
  };

  const refuse = async (c: Context, problem: Problem, request?: DeliveryPageRequest): Promise<Response> => {
    const response = problemResponse(c, options, problem);
    await audit(request, { status: response.status });
    return response;
  };

  app.post(
    '/gegevens',
    bodyLimit({
      maxSize: MAX_REQUEST_BYTES,
      onError: (c) => refuse(c, { status: 413, slug: 'te-groot', title: 'Verzoek te groot', detail: `Het verzoek is groter dan ${MAX_REQUEST_BYTES} bytes.` }),
    }),
    async (c) => {
      const bytes = new Uint8Array(await c.req.arrayBuffer());
      const unsigned = options.verifyRequest?.(c.req.raw.headers, bytes);
      if (unsigned !== undefined) {
        return refuse(c, { status: 400, slug: 'ongeldige-handtekening', title: 'Verzoek niet (goed) ondertekend', detail: `Het verzoek is niet ondertekend zoals DDAS voorschrijft: ${unsigned}.` });
      }
      let body: unknown;
      try {
        body = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
      } catch {
        return refuse(c, { status: 400, slug: 'ongeldig-verzoek', title: 'Ongeldig verzoek', detail: 'Het verzoek is geen geldige JSON.' });
      }
      const parsed = parseGegevensRequest(body, options.clock());
      if (!parsed.ok) {
        return refuse(c, { status: 400, slug: 'ongeldig-verzoek', title: 'Ongeldig verzoek', detail: `Het verzoek klopt niet: ${parsed.problems.join('; ')}.` });
      }
      const request = parsed.value;
      let json: string;
      let counts: Record<string, number>;
      let delivered: DeliveryDetails[] | undefined;
      let setup: ApiDeliverySetup;
      try {
        setup = await apiDeliverySetup(options.store);
      } catch (error) {
        return refuse(c, setupProblem(error, options), request);
      }
      try {
        const page = await ddasDeliveryPage(options.store, setup, request, ddasTimestamp(options.clock()));
        json = JSON.stringify({ gegevens: page.gegevens, paginering: page.paginering });
        counts = { status: 200, ...page.counts, paginas: page.paginering.totalPages, totaalVroegsignalen: page.paginering.totalRecords };
        delivered = page.delivered;
      } catch (error) {
        return refuse(c, problemOf(error, options), request);
      }
      // Signed first: a page that could not be signed was not delivered, and is audited as what CBS got.
      const response = signedResponse(options, 200, 'application/json; charset=utf-8', json);
      if (response.ok) await audit(request, counts, {}, delivered);
      else await audit(request, { status: response.status });
      return response;
    },
  );

  // GET is not used: its parameters would be in the URL, and a cache might answer (berichten.md).
  app.all('/gegevens', async (c) => {
    await audit(undefined, { status: 405 }, { methode: c.req.method });
    return fscErrorResponse(
      options,
      {
        status: 405,
        code: 'ERROR_CODE_METHOD_UNSUPPORTED',
        domain: 'ERROR_DOMAIN_OUTWAY',
        title: 'Methode niet toegestaan',
        detail: `${c.req.method} wordt niet ondersteund; vraag gegevens op met POST /gegevens.`,
      },
      { Allow: 'POST' },
    );
  });

  app.notFound(() =>
    fscErrorResponse(options, {
      status: 404,
      code: 'ERROR_CODE_SERVICE_NOT_FOUND',
      domain: 'ERROR_DOMAIN_INWAY',
      title: 'Niet gevonden',
      detail: 'Deze bron kent alleen POST /gegevens.',
    }),
  );
  app.onError((error, c) => problemResponse(c, options, problemOf(error, options)));
  return app;
}
