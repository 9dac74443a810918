import { describe, expect, it } from 'vitest';
import { yuan } from '../../admin-ui/src/components/format.ts';
import { citiesOf, defaultFilters, exportOf, itemsOf, statisticsQuery, type FundRow } from '../../admin-ui/src/funds/figures.ts';

const figures = { approvedFen: 0, approvedPersons: 0, approvedItems: 0, paidFen: 0, paidPersons: 0, failedFen: 0, failedPersons: 0, pendingFen: 0, pendingPersons: 0, returnedFen: 0, returnedPersons: 0, returnedPayments: 0 };
const row = (cityCode: string, cityName: string | null, item: string): FundRow => ({ ...figures, cityCode, cityName, orgUnitId: null, orgUnitName: null, fund: 'employment-subsidy', item, month: '2026-11' });

describe('fund statistics screen', () => {
  it('opens a city user on their city and anyone above on the province', () => {
    expect(defaultFilters('city').scope).toBe('city');
    expect(defaultFilters('province').scope).toBe('province');
    expect(defaultFilters(undefined).scope).toBe('province');
  });

  it('asks only for the filters that are set, and exports with the same ones', () => {
    const filters = { ...defaultFilters('province'), from: '2026-11', to: '2026-12', item: 'skill-certificate:skill-level:4-03-02-01' };
    expect(statisticsQuery(filters)).toBe('scope=province&from=2026-11&to=2026-12&item=skill-certificate%3Askill-level%3A4-03-02-01');
    expect(statisticsQuery({ ...defaultFilters('city'), unit: '350200', fund: 'unemployment-insurance' })).toBe('scope=city&unit=350200&fund=unemployment-insurance');
    expect(exportOf(filters, '350000', 'xlsx')).toEqual({
      path: '/ledger/fund-statistics/export?scope=province&from=2026-11&to=2026-12&item=skill-certificate%3Askill-level%3A4-03-02-01&format=xlsx',
      fileName: 'fund-statistics_350000_2026-11_2026-12.xlsx',
    });
    expect(exportOf(defaultFilters('city'), '350200', 'csv').fileName).toBe('fund-statistics_350200_start_now.csv');
  });

  it('shows fen as yuan exactly, with thousands separators', () => {
    expect([yuan(0), yuan(5), yuan(190_000), yuan(180_001), yuan(123_456_789), yuan(-1_050)]).toEqual(['0.00', '0.05', '1,900.00', '1,800.01', '1,234,567.89', '-10.50']);
    // Beyond what a float in yuan would hold exactly: 2^53 - 1 fen.
    expect(yuan(9_007_199_254_740_991)).toBe('90,071,992,547,409.91');
  });

  it('offers each city and item of the answer once', () => {
    const rows = [row('350100', '福州市', 'b'), row('350200', '厦门市', 'a'), row('350200', '厦门市', 'b'), row('350300', null, 'c')];
    expect(citiesOf(rows)).toEqual([{ value: '350100', label: '福州市' }, { value: '350200', label: '厦门市' }, { value: '350300', label: '350300' }]);
    expect(itemsOf(rows)).toEqual(['a', 'b', 'c']);
  });
});
