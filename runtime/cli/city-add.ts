import { addCity } from '../administration/index.ts';
import { readConfig } from '../config.ts';
import { openRuntime } from '../startup.ts';

/**
 * `npm run city:add -- 3501`: adds a city (4-digit code) with its districts/counties,
 * streets/townships and communities/villages from the division data, and a service office with the
 * standard posts at the city and in each district. A second run adds nothing. Its first
 * administrator: `npm run admin:create -- --org 350100`, or from the provincial administrator's screen.
 */
async function main(): Promise<void> {
  const cityCode = process.argv.slice(2).find((arg) => !arg.startsWith('-')) ?? '';
  if (!/^\d{4}$/.test(cityCode)) throw new Error('用法 usage: npm run city:add -- 3501 (the 4-digit city code)');
  const { rt, handle } = await openRuntime(readConfig(), (message) => console.log(message));
  try {
    const added = await addCity(rt, cityCode, (message) => console.log(message));
    const counts = Object.entries(added.units).map(([kind, n]) => `${kind} ${n}`).join(', ');
    console.log(
      added.inserted === 0
        ? `已存在，未新增 ${added.province}${added.name} ${added.cityId} was there: nothing added (${counts})`
        : `已新增 added ${added.province}${added.name} ${added.cityId}: ${added.inserted} org units inserted (${counts})`,
    );
  } finally {
    await handle.close();
  }
}

main().catch((error: unknown) => {
  console.error(`未新增 not added: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
