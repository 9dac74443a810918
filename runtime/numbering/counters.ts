import { sql } from 'drizzle-orm';
import { queryRows, type Executor } from '../db/index.ts';

/** The next value of a per-city counter; row-locked, so concurrent callers never share a value. */
async function nextCounter(tx: Executor, cityCode: string, name: string): Promise<number> {
  const [row] = await queryRows<{ value: string | number }>(
    tx,
    sql`INSERT INTO counters (city_code, name, value) VALUES (${cityCode}, ${name}, 1)
        ON CONFLICT (city_code, name) DO UPDATE SET value = counters.value + 1
        RETURNING value`,
  );
  return Number(row!.value);
}

/** Initials of a process id: `travel-allowance` -> `TA`. */
function initials(processId: string): string {
  return processId
    .split('-')
    .map((part) => part[0]!.toUpperCase())
    .join('');
}

/** A readable, unique case number: process initials, city code, year, sequence. e.g. `UR3502002026000001`. */
export async function nextCaseNumber(tx: Executor, cityCode: string, processId: string, year: string): Promise<string> {
  const seq = await nextCounter(tx, cityCode, `case:${processId}:${year}`);
  return `${initials(processId)}${cityCode}${year}${String(seq).padStart(6, '0')}`;
}

/** A 就业创业证 number: city code, year, 6-digit sequence. */
export async function nextCertificateNumber(tx: Executor, cityCode: string, certificate: string, year: string): Promise<string> {
  const seq = await nextCounter(tx, cityCode, `certificate:${certificate}:${year}`);
  return `${cityCode}${year}${String(seq).padStart(6, '0')}`;
}

/** A payment batch number: city code, China date, 4-digit sequence of the day. e.g. `PB350200202611020001`. */
export async function nextBatchNumber(tx: Executor, cityCode: string, day: string): Promise<string> {
  const seq = await nextCounter(tx, cityCode, `payment-batch:${day}`);
  return `PB${cityCode}${day}${String(seq).padStart(4, '0')}`;
}
