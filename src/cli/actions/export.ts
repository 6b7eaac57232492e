import type { Command } from 'commander';
import { DataError, UsageError } from '../../core/errors.js';
import { buildDdasDelivery } from '../../core/report/ddas.js';
import { describePeriod } from '../../core/report/period.js';
import { writePrivateFile } from '../../files/private-file.js';
import { writeLine, type Io } from '../../terminal/io.js';
import { now, withStore } from '../context.js';
import { parsePeriodOptions } from '../options.js';

export interface DdasOptions {
  from: string;
  to: string;
  gemeentecode: string;
  organisation: string;
  kvk?: string;
  contactName?: string;
  contactEmail?: string;
  contactPhone?: string;
  supplierCode?: string;
  out?: string;
}

const GEMEENTECODE = /^\d{4}$/;

export async function runExportDdas(io: Io, options: DdasOptions, command: Command): Promise<void> {
  const period = parsePeriodOptions(options);
  if (options.out === undefined && io.stdout.isTTY === true) {
    throw new UsageError('De levering bevat volledige BSN’s en hoort niet op het scherm.', {
      hint: 'Schrijf haar naar een bestand met --out levering.json (alleen voor u leesbaar).',
    });
  }
  if (!GEMEENTECODE.test(options.gemeentecode.trim())) {
    throw new UsageError(`--gemeentecode ${options.gemeentecode} is geen gemeentecode.`, {
      hint: 'De CBS-gemeentecode heeft vier cijfers, bijvoorbeeld 0397 voor Heemstede.',
    });
  }
  await withStore(command, io, 'write', async (store) => {
    const purged = await store.purgedMonths(period);
    if (purged.length > 0) {
      throw new DataError(
        `De persoonsgegevens van ${purged.join(', ')} zijn al verwijderd (bewaartermijn voorbij); de landelijke levering heeft ze nodig.`,
        { hint: 'Lever een periode aan vóór de bewaartermijn afloopt; "eropaf purge --dry-run" laat zien wat binnenkort verwijderd wordt.' },
      );
    }
    const meldingen = await store.ddasData(period);
    if (meldingen.length === 0) {
      throw new DataError(`Er zijn geen meldingen in ${describePeriod(period)}.`, {
        hint: 'Kies een periode waarvan de lijsten zijn ingelezen; "eropaf months" toont ze.',
      });
    }
    const contact =
      options.contactName === undefined && options.contactEmail === undefined && options.contactPhone === undefined
        ? undefined
        : {
            ...(options.contactName !== undefined && { naam: options.contactName }),
            ...(options.contactEmail !== undefined && { email: options.contactEmail }),
            ...(options.contactPhone !== undefined && { telefoon: options.contactPhone }),
          };
    const delivery = buildDdasDelivery(meldingen, {
      period,
      gemeentecode: options.gemeentecode.trim(),
      organisation: {
        naam: options.organisation,
        ...(options.kvk !== undefined && { kvk: options.kvk }),
        ...(contact !== undefined && { contact }),
      },
      supplierCode: options.supplierCode ?? options.organisation,
      deliveredAt: now(),
    });
    const json = `${JSON.stringify(delivery, null, 2)}\n`;
    const signals = meldingen.reduce((sum, m) => sum + m.signals.length, 0);
    // Written before the delivery is recorded: a failed write records nothing.
    if (options.out !== undefined) writePrivateFile(options.out, json);
    await store.transaction(async () => {
      await store.recordDelivery('ddas', period, now());
      await store.appendAudit({ counts: { vroegsignalen: signals, vroegsignaalzaken: meldingen.length } });
    });
    if (options.out === undefined) {
      io.stdout.write(json);
      return;
    }
    writeLine(
      io.stderr,
      `${options.out}: ${signals} vroegsignalen en ${meldingen.length} vroegsignaalzaken over ${describePeriod(period)}. Het bestand bevat volledige BSN's: verstuur het alleen via de beveiligde weg.`,
    );
  });
}
