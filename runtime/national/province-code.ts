import { z } from '@hono/zod-openapi';

/** A province's division code, as the national node's answers name each province. */
export const ProvinceCode = z.string().regex(/^\d{6}$/).openapi({ description: "The province's division code", example: '350000' });
