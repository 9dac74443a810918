export { agencyEventHandlers } from './take-agency-event.ts';
export { listAgencyEvents } from './agency-event-list.ts';
