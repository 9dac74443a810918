import { customizeValidator } from '@rjsf/validator-ajv8';
import { configureAjv } from '../../../forms/index.ts';

/**
 * The rjsf validator, configured by the same function as the server's Ajv factory: the same
 * formats (ID numbers, credit codes, mobile numbers) and keywords, so the browser refuses exactly
 * what the server would.
 */
export const formValidator = customizeValidator({ ajvFormatOptions: false, extenderFn: configureAjv });
