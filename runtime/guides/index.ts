export { serviceGuides, type ServiceGuides, type GuideCity, type GuideListItem } from './service-guides.ts';
export {
  serviceGuide,
  offersOnline,
  applicationEvent,
  mainPath,
  formFields,
  APPLICANT_ROLE,
  type ServiceGuide,
  type GuideStep,
  type GuideField,
  type GuideDocument,
  type GuideRule,
  type GuideOffice,
  type GuideOrgData,
} from './guide-model.ts';
export type { LocalizedText } from '../../engine/index.ts';
