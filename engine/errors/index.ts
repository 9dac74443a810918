export { errorMessages, type ErrorCode, type LocalizedText } from './error-codes.ts';
export { PlatformError, isPlatformError, type PlatformErrorOptions } from './platform-error.ts';
