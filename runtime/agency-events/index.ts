export { agencyEventHandlers, takeAgencyEvent, type AgencyEventOutcome } from './take-agency-event.ts';
export { listAgencyEvents } from './agency-event-list.ts';
