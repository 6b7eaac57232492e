import fs from 'node:fs';
import type { Command } from 'commander';
import { deliveryDetails, recordDeliveries } from '../../app/ddas/delivery-details.js';
import { DataError, UsageError } from '../../core/errors.js';
import { deliveryTargets, describeGemeente, gemeenteFileName } from '../../core/gemeente.js';
import { ddasTimestamp, partFileName } from '../../core/report/ddas.js';
import type { DdasDetailKey } from '../../core/report/ddas-settings.js';
import { describePeriod } from '../../core/report/period.js';
import { writePrivateFile } from '../../files/private-file.js';
import { writeLine, type Io } from '../../terminal/io.js';
import { inCwd, withStore } from '../context.js';
import { parsePeriodOptions } from '../options.js';

export interface DdasOptions {
  from: string;
  to: string;
  gemeentecode?: string;
  gemeente?: string;
  organisation?: string;
  kvk?: string;
  contactName?: string;
  contactEmail?: string;
  contactPhone?: string;
  functietitel?: string;
  supplierCode?: string;
  out?: string;
}

/** Each delivery detail's option, as the messages about it name it. */
const DETAIL_OPTIONS: Record<DdasDetailKey, string> = {
  'ddas.gemeentecode': '--gemeentecode',
  'ddas.organisatie': '--organisation',
  'ddas.kvk': '--kvk',
  'ddas.contact-naam': '--contact-name',
  'ddas.contact-email': '--contact-email',
  'ddas.contact-telefoon': '--contact-phone',
  'ddas.functietitel': '--functietitel',
  'ddas.leverancier': '--supplier-code',
};

/**
 * The delivery holds full BSNs: without --out it goes only to a stdout that is a regular file
 * (`> levering.json`), never to a terminal or a pipe, where it would be shown or passed on.
 */
function stdoutIsRegularFile(io: Io): boolean {
  const fd = (io.stdout as { fd?: unknown }).fd;
  if (typeof fd !== 'number') return false;
  try {
    return fs.fstatSync(fd).isFile();
  } catch {
    return false;
  }
}

export async function runExportDdas(io: Io, options: DdasOptions, command: Command): Promise<void> {
  const period = parsePeriodOptions(options);
  if (options.out === undefined && !stdoutIsRegularFile(io)) {
    throw new UsageError('De levering bevat volledige BSN’s en gaat niet naar het scherm of naar een ander programma.', {
      hint: 'Schrijf haar naar een bestand met --out levering.json (alleen voor u leesbaar).',
    });
  }
  await withStore(command, io, 'write', async (store) => {
    const details = deliveryDetails(
      await store.settings(),
      {
        'ddas.gemeentecode': options.gemeentecode,
        'ddas.organisatie': options.organisation,
        'ddas.kvk': options.kvk,
        'ddas.contact-naam': options.contactName,
        'ddas.contact-email': options.contactEmail,
        'ddas.contact-telefoon': options.contactPhone,
        'ddas.functietitel': options.functietitel,
        'ddas.leverancier': options.supplierCode,
      },
      (key) => DETAIL_OPTIONS[key],
    );

    // A delivery is per gemeente: one for each (or the one chosen), each with its code from the database.
    const targets = deliveryTargets(await store.gemeenten(), options.gemeente, options.gemeentecode);
    const several = targets.length > 1;
    if (several && options.out === undefined) {
      throw new UsageError('De database kent meer gemeenten; elke gemeente krijgt haar eigen levering, in een eigen bestand.', {
        hint: 'Geef --out levering.json (dan levering-CODE.json per gemeente), of kies één gemeente met --gemeente CODE.',
      });
    }
    const moment = io.now();
    const { planDdasDelivery } = await import('../../app/ddas/export-delivery.js');
    const deliveries: Array<{ plan: Awaited<ReturnType<typeof planDdasDelivery>>; files: string[]; label: string }> = [];
    for (const target of targets) {
      const gemeenteId = target.gemeente?.id;
      // Of several gemeenten, one without a list in the period has nothing to deliver.
      if (several && (await store.followUpCounts(period, gemeenteId)).length === 0) continue;
      const gemeentecode = details.gemeentecode(target.code);
      const plan = await planDdasDelivery(store, {
        period,
        gemeentecode,
        ...(gemeenteId !== undefined && { gemeenteId }),
        organisation: details.organisation,
        supplierCode: details.supplierCode,
        deliveredAt: ddasTimestamp(moment),
      });
      const { parts } = plan;
      if (options.out === undefined && parts.length > 1) {
        throw new UsageError(
          `De levering heeft ${plan.details.vroegsignalen} vroegsignalen, meer dan in één bestand mag; ze komt in ${parts.length} delen.`,
          { hint: 'Geef --out levering.json: de delen worden dan levering-deel-1-van-… naast elkaar.' },
        );
      }
      const out = options.out === undefined ? undefined : several ? gemeenteFileName(options.out, gemeentecode) : options.out;
      const files = out === undefined ? [] : parts.map((_, i) => partFileName(out, i + 1, parts.length));
      const label = several && target.gemeente !== undefined ? `${describeGemeente(target.gemeente)}: ` : '';
      deliveries.push({ plan, files, label });
    }
    if (deliveries.length === 0) {
      throw new DataError(`Er zijn geen meldingen in ${describePeriod(period)}.`, {
        hint: 'Kies een periode waarvan de lijsten zijn ingelezen; "eropaf months" toont ze.',
      });
    }
    // Written before the deliveries are recorded: a failed write records nothing, and leaves no parts.
    const files = deliveries.flatMap((delivery) => delivery.files);
    try {
      for (const delivery of deliveries) delivery.files.forEach((file, i) => writePrivateFile(inCwd(io, file), delivery.plan.parts[i]!.json));
    } catch (error) {
      for (const file of files) fs.rmSync(inCwd(io, file), { force: true });
      throw error;
    }
    await recordDeliveries(store, period, moment, deliveries.map((delivery) => delivery.plan));
    if (options.out === undefined) {
      io.stdout.write(deliveries[0]!.plan.parts[0]!.json);
      return;
    }
    for (const { plan, files: written, label } of deliveries) {
      const { parts, details } = plan;
      const summary = `${label}${details.vroegsignalen} vroegsignalen en ${details.vroegsignaalzaken} vroegsignaalzaken over ${describePeriod(period)}`;
      if (written.length === 1) {
        writeLine(io.stderr, `${written[0]}: ${summary}.`);
      } else {
        writeLine(io.stderr, `${summary}, in ${written.length} delen (elk hoogstens 50.000 vroegsignalen; lever ze allemaal aan):`);
        written.forEach((file, i) => writeLine(io.stderr, `  ${file}: ${parts[i]!.vroegsignalen} vroegsignalen, ${parts[i]!.vroegsignaalzaken} vroegsignaalzaken`));
      }
    }
    writeLine(io.stderr, 'De levering bevat volledige BSN’s: verstuur haar alleen via de landelijke aanleverapplicatie.');
  });
}
