/**
 * SQL for the moment a melding's list was imported: the first import that brought one of its
 * signals (a supplementary list can add signals later; the melding was listed at the first).
 * `melding` is the SQL expression of the melding's id.
 */
export function listedAtSql(melding: string): string {
  return `(SELECT min(i.imported_at) FROM signals x JOIN imports i ON i.id = x.import_id WHERE x.melding_id = ${melding})`;
}
