export { saveSearch, mySavedSearches, deleteSavedSearch, searchOfFeedToken, myMessages, MAX_SAVED_SEARCHES } from './saved-searches.ts';
export { deliverSearchAlerts, ALERT_INTERVAL_MS, ALERT_LAG_MS } from './search-alerts.ts';
