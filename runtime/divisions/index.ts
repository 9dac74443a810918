export { isKnownAreaCode, divisionsEdition, type Division } from './divisions.ts';
export { divisionCities, loadCityDivisions, type CityDivisions, type DivisionCity } from './demo-city.ts';
export { divisionStreets, divisionTree, type DivisionEntry } from './division-tree.ts';
