import { describe, expect, it } from 'vitest';
import { assessFit, educationFits, type SeekerProfile, type VacancySummary } from '../../runtime/matching/fit-rules.ts';
import { rankSeekers, type SeekerSummary } from '../../runtime/matching/rank-seekers.ts';
import { rankVacancies } from '../../runtime/matching/rank-vacancies.ts';
import { jobSeekingForm } from '../support/fixtures.ts';

const vacancy = (caseNo: string, overrides: Partial<VacancySummary> = {}): VacancySummary => ({
  caseNo,
  occupation: '4-02-06-03',
  workArea: '350206',
  payMaxFen: 600_000,
  payBasis: 'monthly',
  education: '60',
  validUntil: '2026-12-31',
  ...overrides,
});

const seeker = (caseNo: string, overrides: Partial<SeekerSummary> = {}): SeekerSummary => ({ caseNo, ...jobSeekingForm(), ...overrides });

describe('fit rules shared by matching vacancies to a seeker and seekers to a vacancy', () => {
  it('compares education by GB/T 4658 level: senior secondary of either kind meets the other, no requirement is met by anyone', () => {
    expect(educationFits('60', '40')).toBe(true);
    expect(educationFits('40', '60')).toBe(true);
    expect(educationFits('60', '20')).toBe(true);
    expect(educationFits('20', '60')).toBe(false);
    expect(educationFits('70', '80')).toBe(false);
    expect(educationFits('none', '90')).toBe(true);
    expect(educationFits(undefined, undefined)).toBe(true);
    // An attainment not known meets no requirement.
    expect(educationFits('80', undefined)).toBe(false);
  });

  it('says why a pair fits: the closest desired occupation and area, pay, education and whether the seeker can start in time', () => {
    const wide: SeekerProfile = { desiredOccupations: ['2-02-10', '4-02-06-01'], desiredAreas: ['350102', '350203'], expectedPayFen: 650_000, education: '70', availableFrom: '2027-01-04' };
    expect(assessFit(wide, vacancy('VP-1'))).toEqual({
      occupation: 'minor-group',
      region: 'city',
      desiredOccupation: '4-02-06-01',
      desiredArea: '350203',
      score: 5,
      payFits: false,
      educationFits: false,
      availableInTime: false,
    });
    expect(assessFit({ ...wide, desiredOccupations: ['6-02-06-03'] }, vacancy('VP-1'))).toBeUndefined();
    expect(assessFit({ ...wide, desiredAreas: ['440305'] }, vacancy('VP-1'))).toBeUndefined();
  });

  it('ranks seekers for a vacancy by score, then how many of pay, education and availability fit, then the earlier start; lapsed registrations left out', () => {
    const ranked = rankSeekers(
      vacancy('VP-1'),
      [
        seeker('JS-late', { availableFrom: '2027-01-04' }),
        seeker('JS-city', { desiredAreas: ['350203'] }),
        seeker('JS-later-start', { availableFrom: '2026-12-01' }),
        seeker('JS-best'),
        seeker('JS-less-educated-dear', { education: '70', expectedPayFen: 700_000 }),
        seeker('JS-less-educated', { education: '70' }),
        seeker('JS-other-major', { desiredOccupations: ['2-06-01-01'] }),
        seeker('JS-lapsed', { validUntil: '2026-11-01' }),
      ],
      '2026-11-02',
    );
    expect(ranked.map((m) => m.seeker.caseNo)).toEqual(['JS-best', 'JS-later-start', 'JS-less-educated', 'JS-late', 'JS-less-educated-dear', 'JS-city']);
    expect(ranked.map((m) => m.score)).toEqual([7, 7, 7, 7, 7, 6]);
    // One condition missed each (education, availability): the earlier start first.
    expect(ranked[2]).toMatchObject({ payFits: true, educationFits: false, availableInTime: true });
    expect(ranked[3]).toMatchObject({ payFits: true, educationFits: true, availableInTime: false });
    expect(ranked[4]).toMatchObject({ payFits: false, educationFits: false, availableInTime: true });
  });

  it('gives the same reasons in both directions, so a seeker listed for a vacancy sees that vacancy listed with the same fit', () => {
    const vacancies = [vacancy('VP-1'), vacancy('VP-2', { occupation: '4-02-07-01', workArea: '350211', education: '20', payBasis: 'hourly', payMaxFen: 2_900 })];
    const seekers = [seeker('JS-1'), seeker('JS-2', { desiredOccupations: ['4-02-07-02', '4-02-06-01'], desiredAreas: ['350211'], education: '70' })];
    for (const v of vacancies) {
      for (const s of seekers) {
        const { vacancy: _v, ...fromSeeker } = rankVacancies(s, [v], '2026-11-02')[0] ?? { vacancy: undefined };
        const { seeker: _s, ...fromVacancy } = rankSeekers(v, [s], '2026-11-02')[0] ?? { seeker: undefined };
        expect(fromVacancy, `${v.caseNo} / ${s.caseNo}`).toEqual(fromSeeker);
      }
    }
    expect(rankSeekers(vacancies[1]!, seekers, '2026-11-02').map((m) => [m.seeker.caseNo, m.occupation, m.region])).toEqual([
      ['JS-2', 'minor-group', 'county'],
      ['JS-1', 'middle-group', 'city'],
    ]);
  });
});
