import { createHash } from 'node:crypto';
import type { Hono } from 'hono';
import { purgePersonalData, type PurgeOutcome } from '../../app/purge.js';
import { auditedStore, type WebContext, type WebEnv, type WebOptions } from '../env.js';
import { todayOf } from '../format.js';
import { CsrfField, Notice } from '../layout.js';
import { coordinatorOnly } from '../session.js';
import { AdminPage } from './admin.js';

// Opschonen (coordinator, under Beheer): what `eropaf purge --dry-run` would remove, then
// "Opschonen". The confirmation carries which meldingen the preview named; when that changed in
// the meantime, nothing is removed and the new preview is shown.

const fingerprint = (outcome: PurgeOutcome): string => createHash('sha256').update(outcome.plan.meldingIds.join(',')).digest('hex');

function Outcome(props: { outcome: PurgeOutcome; dryRun: boolean }) {
  const { counts, plan, undelivered } = props.outcome;
  if (counts.meldingen === 0) return <p>Er zijn geen persoonsgegevens over hun bewaartermijn; er is niets te verwijderen.</p>;
  return (
    <>
      {undelivered.length > 0 && (
        <Notice kind="let-op">{`${undelivered.join(', ')} ${undelivered.length === 1 ? 'is' : 'zijn'} nooit landelijk aangeleverd (eropaf export ddas); na het opschonen kan dat niet meer.`}</Notice>
      )}
      <p>{`${props.dryRun ? 'Zou verwijderen' : 'Verwijderd'}: de persoonsgegevens van ${counts.meldingen} meldingen (${counts.signals} signalen, ${counts.notes} ${counts.notes === 1 ? 'notitie' : 'notities'}, ${counts.households} adressen) uit ${plan.months.join(', ')}.`}</p>
      <p>De tabel en de cijfers over die maanden blijven gelijk.</p>
    </>
  );
}

async function preview(c: WebContext, options: WebOptions, notice: string | null) {
  const outcome = await purgePersonalData(options.store, { dryRun: true, today: todayOf(options.clock), now: () => options.clock().toISOString() });
  return c.html(
    <AdminPage c={c} title="Opschonen" href="/beheer/opschonen">
      {notice !== null && <Notice kind="let-op">{notice}</Notice>}
      <p>Persoonsgegevens over hun bewaartermijn (zie Instellingen: bewaren.…) worden verwijderd; de cijfers blijven.</p>
      <Outcome outcome={outcome} dryRun={true} />
      {outcome.counts.meldingen > 0 && (
        <form method="post" action="/beheer/opschonen">
          <CsrfField auth={c.get('auth')!} />
          <input type="hidden" name="plan" value={fingerprint(outcome)} />
          <button type="submit">Opschonen</button>
        </form>
      )}
    </AdminPage>,
  );
}

export function registerPurge(app: Hono<WebEnv>, options: WebOptions): void {
  app.get('/beheer/opschonen', coordinatorOnly(), (c) => preview(c, options, null));

  app.post('/beheer/opschonen', coordinatorOnly(), async (c) => {
    const form = await c.req.parseBody();
    const common = { today: todayOf(options.clock), now: () => options.clock().toISOString() };
    if (fingerprint(await purgePersonalData(options.store, { ...common, dryRun: true })) !== form.plan) {
      return preview(c, options, 'De gegevens zijn veranderd sinds het voorbeeld; er is niets verwijderd. Bekijk het nieuwe voorbeeld en bevestig opnieuw.');
    }
    const outcome = await purgePersonalData(auditedStore(c, options, 'purge'), { ...common, dryRun: false });
    return c.html(
      <AdminPage c={c} title="Opschonen" href="/beheer/opschonen" notice={{ kind: 'ok', text: 'Opgeschoond.' }}>
        {!outcome.compacted && (
          <Notice kind="let-op">Een andere eropaf had de database open; daardoor kan een oude kopie van verwijderde waarden nog in het logbestand staan. Schoon opnieuw op als niemand anders ermee werkt.</Notice>
        )}
        <Outcome outcome={outcome} dryRun={false} />
      </AdminPage>,
    );
  });
}
