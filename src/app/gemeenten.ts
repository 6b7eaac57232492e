import { UsageError } from '../core/errors.js';
import { describeGemeente, parseGemeenteCode, parseGemeenteName, type Gemeente } from '../core/gemeente.js';
import type { Parsed } from '../core/types.js';
import type { Store } from '../store/store.js';

function checked(option: string, text: string, parsed: Parsed<string>): string {
  if (parsed.ok) return parsed.value;
  throw new UsageError(`${option} ${text}: verwacht ${parsed.expected}.`);
}

function taken(known: readonly Gemeente[], code: string, name: string, except: number | null): void {
  const other = known.find(
    (g) => g.id !== except && (g.code === code || (g.name !== null && g.name.toLowerCase() === name.toLowerCase())),
  );
  if (other !== undefined) {
    throw new UsageError(`Er is al een gemeente ${describeGemeente(other)}.`, { hint: 'Bekijk de gemeenten met: eropaf gemeenten list' });
  }
}

/**
 * Adds a gemeente. Refused while the lists of an older database still belong to the gemeente
 * without code and name: they would otherwise stay unnamed beside the new one.
 */
export async function addGemeente(store: Store, codeText: string, nameText: string): Promise<Gemeente> {
  const code = checked('code', codeText, parseGemeenteCode(codeText));
  const name = checked('naam', nameText, parseGemeenteName(nameText));
  return store.transaction(async (tx) => {
    const known = await tx.gemeenten();
    if (known.some((g) => g.code === null)) {
      throw new UsageError('De lijsten die al in de database staan, horen bij een gemeente zonder code en naam.', {
        hint: 'Geef die gemeente eerst haar code en naam, bijvoorbeeld: eropaf gemeenten set 0397 Heemstede; voeg daarna de andere gemeente toe.',
      });
    }
    taken(known, code, name, null);
    const gemeente = await tx.addGemeente({ code, name });
    await tx.appendAudit({ counts: { gemeenten: known.length + 1 } });
    return gemeente;
  });
}

/**
 * Gives the gemeente without code and name (of an older database) its code and name, or
 * corrects the name of the gemeente with this code.
 */
export async function nameGemeente(store: Store, codeText: string, nameText: string): Promise<{ gemeente: Gemeente; named: boolean }> {
  const code = checked('code', codeText, parseGemeenteCode(codeText));
  const name = checked('naam', nameText, parseGemeenteName(nameText));
  return store.transaction(async (tx) => {
    const known = await tx.gemeenten();
    const target = known.find((g) => g.code === null) ?? known.find((g) => g.code === code);
    if (target === undefined) {
      throw new UsageError(`Er is geen gemeente met code ${code}, en ook geen gemeente zonder code.`, {
        hint: `Voeg de gemeente toe met: eropaf gemeenten add ${code} ${name}`,
      });
    }
    taken(known, code, name, target.id);
    await tx.nameGemeente(target.id, { code, name });
    await tx.appendAudit({ counts: { gemeenten: known.length } });
    return { gemeente: { id: target.id, code, name }, named: target.code === null };
  });
}
