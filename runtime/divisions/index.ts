export { isKnownAreaCode, divisionsEdition, type Division } from './divisions.ts';
export { loadCityDivisions, type CityDivisions } from './demo-city.ts';
