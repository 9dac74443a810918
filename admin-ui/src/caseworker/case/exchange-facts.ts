import { chinaTime, yuan } from '../../components/format.ts';
import type { useCaseMessages } from './messages.ts';

type Messages = ReturnType<typeof useCaseMessages>;
type Key = Parameters<Messages>[0];
type Value = Record<string, unknown>;

/** How the workbench says one organisation's fact: the agency's name, its answer, and the caseworker's value in its place. */
interface FactText {
  agency: Key;
  answer: (value: Value, t: Messages) => string;
  typed: (value: Value, t: Messages) => string;
}

const text = (value: unknown) => (value === null || value === undefined ? '—' : String(value));
/** A code's label among the messages `prefix.code`, or the code itself when the workbench does not know it. */
const codeLabel = (t: Messages, prefix: string, code: unknown) => (code === null || code === undefined ? '—' : t(`${prefix}.${String(code)}` as Key) || String(code));

const factTexts: Record<string, FactText> = {
  socialInsurance: {
    agency: 'socialInsuranceAgency',
    answer: (v, t) => t('insuranceValue', { months: text(v['contributionMonths']), paid: yuan(Number(v['contributionsPaidFen'])) }),
    typed: (v, t) => t('insuranceTyped', { months: text(v['contributionMonths']) }),
  },
  marketRegulation: {
    agency: 'marketRegulationAgency',
    answer: (v, t) => t('registrationValue', { name: text(v['name']), representative: text(v['legalRepresentative']), status: codeLabel(t, 'status', v['status']), establishedOn: text(v['establishedOn']) }),
    typed: (v, t) => t('registrationTyped', { status: codeLabel(t, 'status', v['status']) }),
  },
  minimumLiving: {
    agency: 'civilAffairsAgency',
    answer: (v, t) => (v['receiving'] === true ? t('minimumLivingReceiving', { since: text(v['since']) }) : t('minimumLivingNot')),
    typed: (v, t) => t(v['receiving'] === true ? 'minimumLivingTyped' : 'minimumLivingNot'),
  },
  disabilityCertificate: {
    agency: 'disabledPersonsAgency',
    answer: (v, t) => (v['holds'] === true ? t('certificateHeld', { category: codeLabel(t, 'disability', v['category']), grade: text(v['grade']), validUntil: text(v['validUntil']) }) : t('certificateNone')),
    typed: (v, t) => t(v['holds'] === true ? 'certificateTyped' : 'certificateNone'),
  },
};

interface FactLine {
  name: string;
  text: string;
  /** The caseworker's value, not the agency's. */
  marked: boolean;
}

/**
 * One line per fact a step read from another organisation: its answer with who gave it and as of
 * when, that it knew no such record, or the caseworker's value in its place (marked).
 */
export function exchangeFactLines(facts: readonly { name: string; provider: string; value: Value }[], t: Messages): FactLine[] {
  return facts.flatMap(({ name, provider, value }): FactLine[] => {
    const fact = factTexts[provider];
    if (!fact) return [];
    const agency = t(fact.agency);
    if (value['caseworkerEntered'] === true) return [{ name, text: t('factByCaseworker', { value: fact.typed(value, t), agency }), marked: true }];
    const member = (value['source'] as { member: string } | null)?.member ?? '';
    const asOf = chinaTime(value['asOf'] as string);
    const line = value['found'] === false ? t('factNotFound', { agency, member, asOf }) : t('factFromAgency', { value: fact.answer(value, t), member, asOf });
    return [{ name, text: line, marked: false }];
  });
}
