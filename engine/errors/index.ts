export { errorCatalogue, errorKind, errorMessages, type ErrorCode, type ErrorEntry, type ErrorKind, type LocalizedText } from './error-codes.ts';
export { PlatformError, isPlatformError, type PlatformErrorOptions } from './platform-error.ts';
