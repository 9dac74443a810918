import { serve, type ServerType } from '@hono/node-server';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import postgres from 'postgres';
import { chinaDate } from '../../engine/index.ts';
import { ensureUiBuilt } from '../admin-ui-build.ts';
import { readConfig } from '../config.ts';
import { citizenIdCheckCharacter, creditCodeCheckCharacter, organizationCodeCheckCharacter } from '../../forms/identifiers/index.ts';
import { freshKeyRing, writeKeyFile } from '../crypto/index.ts';
import { ADMIN_BASE } from '../http/admin-base.ts';
import { createApiApp } from '../http/app.ts';
import { createServerApp } from '../http/server-app.ts';
import { attachProvince, grantNationalReader, linkProvince, type FederationNode } from '../national/index.ts';
import type { RuntimeContext } from '../runtime-context.ts';
import { insertDemoUsers, MINISTRY_ID } from '../seed/index.ts';
import { openRuntime } from '../startup.ts';
import { startTimerWorker } from '../timers/index.ts';

/**
 * 全国查询 demo: two provinces (福建 350000 with 厦门, 广东 440000 with 广州) and a national node,
 * each a runtime on a PostgreSQL database of its own on one server, listening on consecutive ports:
 * databases created if missing, migrated, seeded (org tree, demo accounts), linked on the exchange,
 * the provinces' national views attached at the national node as foreign tables (postgres_fdw).
 * Then one person registered unemployed in 福建 and the same ID number tried in 广东. Each node serves
 * the workbench too (`/admin/`, the build in `UI_DIR` or admin-ui/dist, built when stale): the ministry
 * evaluator's 全国查询 screen at the national node.
 *
 *   npm run national:demo -- [--server postgres://postgres@127.0.0.1:5432] [--port 3100] [--prefix pes_demo]
 *
 * `--port 0` puts each node on a free port (the browser test does), named in the ready lines.
 */
const args = new Map<string, string>();
for (let i = 2; i < process.argv.length; i += 2) args.set(process.argv[i]!.replace(/^--/, ''), process.argv[i + 1] ?? '');
const serverUrl = new URL(args.get('server') ?? process.env['NATIONAL_DEMO_SERVER'] ?? 'postgres://postgres@127.0.0.1:5432');
const basePort = Number(args.get('port') ?? 3100);
const prefix = args.get('prefix') ?? 'pes_demo';
if (!/^[a-z][a-z0-9_]{0,40}$/.test(prefix)) throw new RangeError('--prefix: lower-case letters, digits and underscores');
const dataDir = join('data', prefix);
const keyFile = join(dataDir, 'pii-keys.json');
const reader = { user: `${prefix}_national_reader`, password: 'national-reader-demo' };
const uiDir = process.env['UI_DIR'] || fileURLToPath(new URL('../../admin-ui/dist', import.meta.url));

interface NodeSpec {
  key: string;
  name: string;
  memberCode: string;
  demoCity: string;
  /** A province's code; none for the national node. */
  province?: string;
}

const specs: NodeSpec[] = [
  { key: 'national', name: '人力资源和社会保障部', memberCode: '100000-001', demoCity: '3502' },
  { key: 'fujian', name: '福建省人力资源和社会保障厅', memberCode: '350000-001', demoCity: '3502', province: '350000' },
  { key: 'guangdong', name: '广东省人力资源和社会保障厅', memberCode: '440000-001', demoCity: '4401', province: '440000' },
];

function databaseUrl(database: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

async function createDatabases(names: readonly string[]): Promise<void> {
  const admin = postgres(databaseUrl('postgres'), { max: 1, onnotice: () => undefined });
  try {
    for (const name of names) {
      const [found] = await admin`SELECT 1 FROM pg_database WHERE datname = ${name}`;
      if (!found) await admin.unsafe(`CREATE DATABASE ${name}`);
    }
  } finally {
    await admin.end();
  }
}

const progress = (message: string) => console.log(message);

/** Opens a node's runtime on its database (migrations, seed) and serves its API and workbench on `port` (0: a free one); the timer worker delivers its exchange messages. */
async function startNode(spec: NodeSpec, asked: number) {
  process.env['DEMO_CITY'] = spec.demoCity;
  const config = readConfig({
    ...process.env,
    DATABASE_URL: databaseUrl(`${prefix}_${spec.key}`),
    PII_KEY_FILE: keyFile,
    PORT: String(asked),
    TIMER_POLL_MS: '2000',
    NATIONAL_CLAIMS: spec.province ? 'exchange' : 'none',
  });
  progress(`— ${spec.name} (${config.databaseUrl})`);
  const { rt, handle } = await openRuntime(config, (message) => progress(`  ${message}`));
  const { server, port } = await new Promise<{ server: ServerType; port: number }>((resolve) => {
    const s = serve({ fetch: createServerApp(rt, uiDir).fetch, port: asked, hostname: '127.0.0.1' }, (info) => resolve({ server: s, port: info.port }));
  });
  const stopTimers = startTimerWorker(rt, config.timerPollMs, (error) => console.error('timer worker', error));
  const node: FederationNode = { rt, memberCode: spec.memberCode, name: spec.name, address: `http://127.0.0.1:${port}/api/exchange` };
  return { spec, rt, node, port, close: async () => { server.close(); await stopTimers(); await handle.close(); } };
}

type DemoNode = Awaited<ReturnType<typeof startNode>>;

async function call(rt: RuntimeContext, method: string, path: string, token?: string, body?: unknown) {
  const headers: Record<string, string> = { 'Content-Type': 'application/json' };
  if (token) headers['Authorization'] = `Bearer ${token}`;
  const response = await createApiApp(rt).request(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) }, { incoming: { socket: { remoteAddress: '127.0.0.1' } } });
  return { status: response.status, body: (await response.json()) as Record<string, any> };
}

/**
 * The person of `idNumber` registered in a province and an unemployment registration submitted and
 * approved there: the approval's answer; none when the person was registered by an earlier run.
 */
async function registerUnemployed(rt: RuntimeContext, idNumber: string, residenceArea: string) {
  const login = async (username: string) => (await call(rt, 'POST', '/api/auth/login', undefined, { username, password: 'demo' })).body['token'] as string;
  const [caseworker, reviewer] = [await login('caseworker'), await login('reviewer')];
  const person = await call(rt, 'POST', '/api/persons', caseworker, { idNumber, name: '林国栋' });
  if (person.status !== 201) return undefined;
  // The process whose state means a registered unemployed person, as the installed packages declare it.
  const processId = rt.registry.meaning('registeredUnemployed').process;
  const opened = await call(rt, 'POST', '/api/cases', caseworker, { processId, subjectId: person.body['id'] });
  const form = { category: 'lost-job', unemployedSince: '2026-09-30', phone: '13912345678', residenceArea, education: '20', retirementCategory: 'male-60', previousEmployerCreditCode: '91350100M000100Y43', separationProof: 'JC-2026-0931' };
  await call(rt, 'POST', `/api/cases/${opened.body['id']}/events`, caseworker, { type: 'submit', data: form, version: 1 });
  return call(rt, 'POST', `/api/cases/${opened.body['id']}/events`, reviewer, { type: 'approve', data: { opinion: '同意' }, version: 2 });
}

/** A date `days` after today in China, `YYYY-MM-DD`. */
const chinaDay = (days: number) => chinaDate(new Date(Date.now() + days * 86_400_000));

/** A valid unified social credit code of an enterprise registered in `area`, from an 8-character organisation code body. */
function creditCode(area: string, body: string): string {
  const first17 = `91${area}${body}${organizationCodeCheckCharacter(body)}`;
  return first17 + creditCodeCheckCharacter(first17);
}

/** A province's demo market: an employer posting warehouse keepers in a district, and a job seeker there. */
interface DemoMarket {
  area: string;
  employer: { body: string; name: string };
  headcount: number;
  seeker: { first17: string; name: string };
}

/**
 * The province's market this quarter, so its 求人倍率 has something to count: an employer's posting of
 * `headcount` warehouse keepers, submitted and published, and a job seeker registered for the same work
 * (ratio headcount : 1), in the processes the installed packages declare for a published vacancy and an
 * active job seeker. Nothing when an earlier run registered the employer; a refused step stops the demo.
 */
async function openMarket(rt: RuntimeContext, market: DemoMarket): Promise<string> {
  const login = async (username: string) => (await call(rt, 'POST', '/api/auth/login', undefined, { username, password: 'demo' })).body['token'] as string;
  const [caseworker, reviewer] = [await login('caseworker'), await login('reviewer')];
  const ok = async (step: string, answer: Promise<Awaited<ReturnType<typeof call>>>) => {
    const { status, body } = await answer;
    if (status >= 300) throw new Error(`${step}: ${status} ${JSON.stringify(body)}`);
    return body;
  };
  const employerCreditCode = creditCode(market.area.slice(0, 4) + '00', market.employer.body);
  const employer = await call(rt, 'POST', '/api/employers', caseworker, { creditCode: employerCreditCode, name: market.employer.name });
  if (employer.status === 409) return 'posted by an earlier run';
  if (employer.status !== 201) throw new Error(`employer: ${employer.status} ${JSON.stringify(employer.body)}`);
  const posting = await ok('posting', call(rt, 'POST', '/api/cases', caseworker, { processId: rt.registry.meaning('publishedVacancy').process, subjectId: employer.body['id'] }));
  const form = {
    employerCreditCode, headcount: market.headcount, title: '仓库管理员', occupation: '4-02-06-03', duties: '负责货物出入库登记与盘点。', requirements: '男女不限，能适应倒班。',
    education: '60', payMinFen: 450_000, payMaxFen: 600_000, payBasis: 'monthly', workArea: market.area, employmentForm: 'full-time',
    validFrom: chinaDay(0), validUntil: chinaDay(60), contactName: '王女士', contactPhone: '13800138000',
  };
  const events = `/api/cases/${posting['id']}/events`;
  await ok('submit', call(rt, 'POST', events, caseworker, { type: 'submit', data: form, version: 1 }));
  await ok('startReview', call(rt, 'POST', events, reviewer, { type: 'startReview', data: {}, version: 2 }));
  await ok('publish', call(rt, 'POST', events, reviewer, { type: 'publish', data: { opinion: '信息真实，予以发布' }, version: 3 }));
  const idNumber = market.seeker.first17 + citizenIdCheckCharacter(market.seeker.first17);
  const person = await ok('person', call(rt, 'POST', '/api/persons', caseworker, { idNumber, name: market.seeker.name }));
  const seeking = await ok('seeking', call(rt, 'POST', '/api/cases', caseworker, { processId: rt.registry.meaning('activeJobSeeker').process, subjectId: person['id'] }));
  const profile = { desiredOccupations: ['4-02-06-03'], desiredAreas: [market.area], expectedPayFen: 500_000, education: '60', availableFrom: chinaDay(0), validUntil: chinaDay(90) };
  await ok('register', call(rt, 'POST', `/api/cases/${seeking['id']}/events`, caseworker, { type: 'register', data: profile, version: 1 }));
  return `${market.headcount} openings, 1 job seeker`;
}

/** The provinces' demo markets: 福建 in 思明区, 广东 in 天河区. */
const markets: Record<string, DemoMarket> = {
  fujian: { area: '350203', employer: { body: 'MA8TQ2K5', name: '厦门示例物流有限公司' }, headcount: 3, seeker: { first17: '35020319920315052', name: '陈雅琴' } },
  guangdong: { area: '440106', employer: { body: 'MA9UR3L6', name: '广州示例仓储有限公司' }, headcount: 2, seeker: { first17: '44010619930422061', name: '梁志明' } },
};

/** What an approval's answer says, in a line. */
function outcome(answer: Awaited<ReturnType<typeof registerUnemployed>>): string {
  if (!answer) return 'registered by an earlier run';
  if (answer.status === 200) return `200 ${answer.body['state']}`;
  return `${answer.status} ${answer.body['code']} ${answer.body['details']?.['violations']?.[0]?.message?.['zh-CN'] ?? ''}`;
}

async function main(): Promise<void> {
  if (!existsSync(keyFile)) writeKeyFile(keyFile, freshKeyRing());
  await createDatabases(specs.map((s) => `${prefix}_${s.key}`));
  await ensureUiBuilt(uiDir, progress);
  const nodes: DemoNode[] = [];
  for (const [i, spec] of specs.entries()) nodes.push(await startNode(spec, basePort === 0 ? 0 : basePort + i));
  const [national, ...provinces] = nodes as [DemoNode, ...DemoNode[]];
  await insertDemoUsers(national.rt.db, [{ username: 'ministry-evaluator', displayName: '部级评估员', role: 'evaluator', orgUnitId: MINISTRY_ID }]);
  for (const province of provinces) {
    await linkProvince(national.node, province.node, [`${province.spec.demoCity}00`]);
    await grantNationalReader(province.rt.db, reader.user, reader.password);
    const server = { host: serverUrl.hostname, port: Number(serverUrl.port || 5432), dbname: `${prefix}_${province.spec.key}`, ...reader };
    await attachProvince(national.rt.db, { code: province.spec.province!, name: province.spec.name, memberCode: province.spec.memberCode, nationalMemberCode: national.spec.memberCode, ...server });
  }
  const idNumber = '350203198506120517';
  const inFujian = await registerUnemployed(provinces[0]!.rt, idNumber, '350203');
  const inGuangdong = await registerUnemployed(provinces[1]!.rt, idNumber, '440106');
  progress(`\n失业登记 unemployment registration of ${idNumber}: 福建 ${outcome(inFujian)}; then 广东 ${outcome(inGuangdong)}`);
  for (const province of provinces) progress(`岗位与求职 market of ${province.spec.name}: ${await openMarket(province.rt, markets[province.spec.key]!)}`);
  const api = (port: number) => `http://127.0.0.1:${port}/api`;
  console.log(`
就绪 ready — accounts' password: demo
  全国查询 workbench http://127.0.0.1:${national.port}${ADMIN_BASE}#/national   (ministry-evaluator)
  national node   ${api(national.port)}   (ministry-evaluator; OpenAPI ${api(national.port)}/openapi.json)
  福建 350000      ${api(provinces[0]!.port)}   (caseworker, reviewer of 厦门)
  广东 440000      ${api(provinces[1]!.port)}   (caseworker, reviewer of 广州)

  TOKEN=$(curl -s ${api(national.port)}/auth/login -H 'Content-Type: application/json' -d '{"username":"ministry-evaluator","password":"demo"}' | sed 's/.*"token":"\\([^"]*\\)".*/\\1/')
  curl -s ${api(national.port)}/national/person-status -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' -d '{"idNumber":"${idNumber}"}'
  curl -s "${api(national.port)}/national/vacancies" -H "Authorization: Bearer $TOKEN"
  psql ${databaseUrl(`${prefix}_national`)} -c 'SELECT * FROM national_claims'
Ctrl-C stops the three nodes; the databases ${specs.map((s) => `${prefix}_${s.key}`).join(', ')} stay (DROP DATABASE to remove them).`);
  const stop = () => void Promise.all(nodes.map((n) => n.close())).then(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error('全国查询演示启动失败 national demo failed:', error);
  process.exit(1);
});
