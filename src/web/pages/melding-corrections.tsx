import type { Hono } from 'hono';
import { deleteAttempt, listAttempts, reopenMelding } from '../../app/correct-followup.js';
import { handOverMelding } from '../../app/handover.js';
import { pickUpMelding } from '../../app/pickup.js';
import { recordFollowUp } from '../../app/record-followup.js';
import { parseDeleteReason } from '../../core/attempts.js';
import { WorkerChoiceNeeded } from '../../core/pickup.js';
import { EropafError } from '../../core/errors.js';
import type { StoredContact } from '../../core/followup-plan.js';
import { formatRef, parseRef } from '../../core/reference.js';
import { auditedStore, type WebContext, type WebEnv, type WebOptions } from '../env.js';
import { CORRECTION_FIELDS, formValues, parseCorrectionForm, parseResultForm, RESULT_FIELDS, type FieldErrors } from '../followup-form.js';
import { todayOf } from '../format.js';
import { renderMelding, type Done } from './melding.js';

// The corrections of the melding page, each through the use case of its command: correct an
// attempt (`contact` with the attempt's date, kind and time), delete one (`attempts --delete N
// --reason`), record or change the result (`close`), reopen (`reopen`), pick up (`pickup`), and
// hand the melding to a colleague (`workers handover`, for this melding and the other open
// meldingen of its household's case). A refusal is the command line's message, next to the field
// of the form it concerns; only pickup's "which worker?" is asked in the form's own words.

type Form = Record<string, unknown>;

const STALE = 'De pogingen van deze melding zijn intussen veranderd; er is niets gewijzigd. Bekijk ze hieronder opnieuw.';

function text(form: Form, name: string): string {
  const value = form[name];
  return typeof value === 'string' ? value : '';
}

/** The reference of the address in its one written form; anything else is no melding page. */
function canonicalRef(text: string): string | null {
  const parsed = parseRef(text);
  return parsed === null || formatRef(parsed.month, parsed.seq) !== text ? null : text;
}

/** A domain error as one line next to a field: its message and what it lists. */
function messageOf(error: EropafError): string {
  return [error.message, ...error.details].join(' ');
}

/** The attempt the form was made for: number `n` of the list, still of the kind and date the page showed. */
async function shownAttempt(options: WebOptions, ref: string, n: string, form: Form): Promise<{ number: number; attempt: StoredContact } | null> {
  if (!/^\d{1,4}$/.test(n)) return null;
  const number = Number(n);
  const { attempts } = await listAttempts(options.store, ref);
  const attempt = attempts[number - 1];
  if (attempt === undefined || attempt.soort !== text(form, 'soort') || attempt.datum !== text(form, 'datum')) return null;
  return { number, attempt };
}

export function registerMeldingCorrections(app: Hono<WebEnv>, options: WebOptions): void {
  /**
   * A correction's route: the melding's reference checked, the form read; `work` returns what was
   * done, or the errors of the form by field. A domain error of the use case goes next to `field`.
   */
  const correction = (path: string, formName: (c: WebContext) => string, field: string, work: (c: WebContext, ref: string, form: Form) => Promise<Done | FieldErrors>) =>
    app.post(`/melding/:ref/${path}`, async (c) => {
      const ref = canonicalRef(c.req.param('ref'));
      if (ref === null) return c.notFound();
      const form = await c.req.parseBody();
      const values = formValues(form, [...CORRECTION_FIELDS, ...RESULT_FIELDS, 'reden', 'medewerker', 'collega']);
      let outcome: Done | FieldErrors;
      try {
        outcome = await work(c, ref, form);
      } catch (error) {
        if (!(error instanceof EropafError)) throw error;
        outcome = { [field]: messageOf(error) };
      }
      if (typeof outcome === 'string') return c.redirect(`/melding/${ref}?gedaan=${outcome}`, 303);
      return renderMelding(c, options, ref, { form: formName(c), errors: outcome, values });
    });

  const attemptForm = (action: string) => (c: WebContext) => `poging-${c.req.param('nr')}-${action}`;

  correction('poging/:nr{[0-9]{1,4}}/corrigeren', attemptForm('corrigeren'), 'bereikt', async (c, ref, form) => {
    const shown = await shownAttempt(options, ref, c.req.param('nr')!, form);
    if (shown === null) return { bereikt: STALE };
    const parsed = parseCorrectionForm(form);
    if (!parsed.ok) return parsed.errors;
    // The attempt named by its date, kind and time, as `eropaf contact` corrects a stored one.
    const { attempt } = shown;
    const contact = { soort: attempt.soort, datum: attempt.datum, tijd: attempt.tijd ?? null, dagdeel: attempt.dagdeel, ...parsed.value };
    const today = todayOf(options.clock);
    await recordFollowUp(auditedStore(c, options, 'contact', { melding: ref }), [{ entry: { ref, contact, result: null }, source: null }], {
      dryRun: false,
      now: () => options.clock().toISOString(),
      today,
    });
    return 'gecorrigeerd';
  });

  correction('poging/:nr{[0-9]{1,4}}/verwijderen', attemptForm('verwijderen'), 'reden', async (c, ref, form) => {
    const reason = parseDeleteReason(text(form, 'reden'));
    if (!reason.ok) return { reden: 'Kies waarom de poging weg moet.' };
    const shown = await shownAttempt(options, ref, c.req.param('nr')!, form);
    if (shown === null) return { reden: STALE };
    // The reason is one of a few fixed words, so it may go into the audit record.
    await deleteAttempt(auditedStore(c, options, 'attempts', { melding: ref, delete: shown.number, reason: reason.value }), ref, shown.number);
    return 'verwijderd';
  });

  correction('resultaat', () => 'resultaat', 'resultaat', async (c, ref, form) => {
    const today = todayOf(options.clock);
    const parsed = parseResultForm(form, today);
    if (!parsed.ok) return parsed.errors;
    await recordFollowUp(auditedStore(c, options, 'close', { melding: ref }), [{ entry: { ref, contact: null, result: parsed.value }, source: null }], {
      dryRun: false,
      now: () => options.clock().toISOString(),
      today,
    });
    return 'resultaat';
  });

  correction('heropenen', () => 'heropenen', 'melding', async (c, ref) => {
    await reopenMelding(auditedStore(c, options, 'reopen', { melding: ref }), ref);
    return 'heropend';
  });

  correction('oppakken', () => 'oppakken', 'medewerker', async (c, ref, form) => {
    const worker = text(form, 'medewerker').trim();
    const store = auditedStore(c, options, 'pickup', { melding: ref, ...(worker !== '' && { worker }) });
    try {
      await pickUpMelding(store, ref, { workerName: worker === '' ? null : worker, now: () => options.clock().toISOString() });
    } catch (error) {
      // The core's message names the command's --worker option; in the form the choice is the field.
      if (error instanceof WorkerChoiceNeeded) return { medewerker: 'Kies wie de melding oppakt.' };
      throw error;
    }
    return 'opgepakt';
  });

  correction('overdragen', () => 'overdragen', 'collega', async (c, ref, form) => {
    const colleague = text(form, 'collega').trim();
    if (colleague === '') return { collega: 'Kies een collega.' };
    await handOverMelding(auditedStore(c, options, 'workers handover', { melding: ref, to: colleague }), ref, colleague);
    return 'overgedragen';
  });
}
