import { resolveGemeenteOption, type Gemeente } from '../core/gemeente.js';
import type { Store } from '../store/store.js';

/** `--gemeente CODE|NAAM` of a report or worklist: the gemeente it names, or undefined (all of them) when not given. */
export async function gemeenteFilter(store: Store, text: string | undefined): Promise<Gemeente | undefined> {
  if (text === undefined) return undefined;
  return resolveGemeenteOption(await store.gemeenten(), '--gemeente', text);
}
