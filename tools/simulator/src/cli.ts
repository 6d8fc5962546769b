import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { type SimulatedKind, sendDc09 } from './dc09-dialler.ts';

const KINDS: readonly SimulatedKind[] = ['panic', 'test', 'heartbeat', 'battery', 'battery-restored'];

const USAGE = `usage: npm run simulate -- <panic|test|heartbeat|battery|battery-restored> [--account A] [--key K] [--lat N --lon N]
                          [--udp] [--osmand] [--host H] [--port P] [--secondary H:P] [--timeout MS] [--retries N]`;

export interface SimulateCommand {
  kind: SimulatedKind;
  account: string;
  key?: string;
  lat?: number;
  lon?: number;
  udp: boolean;
  osmand: boolean;
  host: string;
  port: number;
  timeoutMs: number;
  retries: number;
  /** the second receiver address (DC-09), used when the first cannot be reached or stays silent */
  secondary?: { host: string; port: number };
}

function number(name: string, text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const value = Number(text);
  if (text.trim() === '' || !Number.isFinite(value))
    throw new Error(`--${name} must be a number, got "${text}"`);
  return value;
}

/** `--lon -4.5` → `--lon=-4.5`: parseArgs would read `-4.5` as an option. */
function joinNegativeNumbers(argv: readonly string[]): string[] {
  const args: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const next = argv[i + 1];
    if ((arg === '--lat' || arg === '--lon') && next !== undefined && /^-\d/.test(next)) {
      args.push(`${arg}=${next}`);
      i += 1;
    } else args.push(arg);
  }
  return args;
}

/** Reads the command line; throws an Error with a readable message when it is wrong. */
export function parseSimulateArgs(
  argv: readonly string[],
  env: NodeJS.ProcessEnv = process.env,
): SimulateCommand {
  const { values, positionals } = parseArgs({
    args: joinNegativeNumbers(argv),
    allowPositionals: true,
    strict: true,
    options: {
      account: { type: 'string' },
      key: { type: 'string' },
      lat: { type: 'string' },
      lon: { type: 'string' },
      udp: { type: 'boolean', default: false },
      osmand: { type: 'boolean', default: false },
      host: { type: 'string', default: '127.0.0.1' },
      port: { type: 'string' },
      timeout: { type: 'string' },
      retries: { type: 'string' },
      secondary: { type: 'string' },
    },
  });
  const kind = positionals[0] as SimulatedKind | undefined;
  if (positionals.length !== 1 || !kind || !KINDS.includes(kind)) throw new Error(USAGE);
  const lat = number('lat', values.lat);
  const lon = number('lon', values.lon);
  if ((lat === undefined) !== (lon === undefined)) throw new Error('--lat and --lon go together');
  if (values.udp && values.osmand) throw new Error('--udp is for DC-09, not for --osmand');
  if (kind === 'battery-restored' && values.osmand)
    throw new Error('battery-restored is a DC-09 message; an OsmAnd device reports its battery percentage');
  const defaultPort = values.osmand ? (env.AWARE_OSMAND_PORT ?? '5055') : (env.AWARE_DC09_PORT ?? '9009');
  const port = number('port', values.port ?? defaultPort)!;
  if (!Number.isInteger(port) || port < 1 || port > 65_535) throw new Error(`--port out of range: ${port}`);
  const command: SimulateCommand = {
    kind,
    account: values.account ?? '1001',
    udp: values.udp,
    osmand: values.osmand,
    host: values.host,
    port,
    timeoutMs: number('timeout', values.timeout) ?? 5_000,
    retries: number('retries', values.retries) ?? 2,
  };
  if (values.key !== undefined) command.key = values.key;
  if (values.secondary !== undefined) {
    if (values.osmand) throw new Error('--secondary is for DC-09, not for --osmand');
    const match = /^(.+):(\d+)$/.exec(values.secondary);
    const secondaryPort = Number(match?.[2]);
    if (!match || secondaryPort < 1 || secondaryPort > 65_535)
      throw new Error(`--secondary must be host:port, got "${values.secondary}"`);
    command.secondary = { host: match[1]!, port: secondaryPort };
  }
  if (lat !== undefined && lon !== undefined) Object.assign(command, { lat, lon });
  return command;
}

/** Sends what the command says, prints the answer and the latency; resolves to the exit code. */
export async function runSimulate(
  argv: readonly string[],
  print: (line: string) => void = console.log,
): Promise<number> {
  let command: SimulateCommand;
  try {
    command = parseSimulateArgs(argv);
  } catch (error) {
    print(error instanceof Error ? error.message : String(error));
    return 2;
  }
  const position =
    command.lat !== undefined && command.lon !== undefined ? { lat: command.lat, lon: command.lon } : {};
  if (command.osmand && command.kind !== 'battery-restored') {
    // Imported on demand so the DC-09 path works without the OsmAnd client.
    const { sendOsmand } = await import('./osmand-client.ts');
    const result = await sendOsmand({
      host: command.host,
      port: command.port,
      id: command.account,
      kind: command.kind,
      ...position,
    });
    print(
      `OsmAnd ${command.kind} → HTTP ${result.status} ${result.body.trim()} (${result.latencyMs.toFixed(1)} ms)`,
    );
    return result.status === 200 ? 0 : 1;
  }
  const result = await sendDc09({
    host: command.host,
    port: command.port,
    udp: command.udp,
    account: command.account,
    kind: command.kind,
    timeoutMs: command.timeoutMs,
    retries: command.retries,
    ...(command.key === undefined ? {} : { key: command.key }),
    ...(command.secondary ? { secondary: command.secondary } : {}),
    ...position,
  });
  const transport = command.udp ? 'UDP' : 'TCP';
  print(
    `DC-09 ${command.kind} #${command.account} over ${transport} → ${result.outcome} ` +
      `after ${result.attempts} attempt(s), ${result.latencyMs.toFixed(1)} ms` +
      (command.secondary ? ` via the ${result.via} receiver` : ''),
  );
  if (result.reply) print(`reply: ${JSON.stringify(result.reply)}`);
  if (result.error) print(`error: ${result.error}`);
  return result.outcome === 'ACK' ? 0 : 1;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  runSimulate(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      console.error(error instanceof Error ? error.message : error);
      process.exitCode = 1;
    },
  );
}
