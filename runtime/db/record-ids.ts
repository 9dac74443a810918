const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Whether a text from an address can be a record's id (a UUID): anything else is answered as not
 * found before a query, which PostgreSQL would refuse as a malformed `uuid`.
 */
export function isRecordId(text: string): boolean {
  return UUID.test(text);
}
