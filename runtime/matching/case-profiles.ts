import type { SeekerProfile, VacancySummary } from './fit-rules.ts';

const text = (value: unknown) => (typeof value === 'string' ? value : undefined);

/** A job-seeking case's profile form data as matching reads it; missing codes are no codes. */
export function seekerProfileOf(data: Record<string, unknown>): SeekerProfile {
  const codes = (value: unknown) => (Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : []);
  return {
    desiredOccupations: codes(data['desiredOccupations']),
    desiredAreas: codes(data['desiredAreas']),
    expectedPayFen: typeof data['expectedPayFen'] === 'number' ? data['expectedPayFen'] : 0,
    education: text(data['education']),
    availableFrom: text(data['availableFrom']),
  };
}

/** A vacancy-posting case's posting form data as matching reads it. */
export function vacancySummaryOf(caseNo: string, data: Record<string, unknown>): VacancySummary {
  return {
    caseNo,
    occupation: String(data['occupation'] ?? ''),
    workArea: String(data['workArea'] ?? ''),
    payMaxFen: Number(data['payMaxFen'] ?? 0),
    payBasis: data['payBasis'] === 'hourly' || data['payBasis'] === 'piece' ? data['payBasis'] : 'monthly',
    education: text(data['education']),
    validUntil: String(data['validUntil'] ?? ''),
  };
}
