/**
 * The peer receiver, standalone: the `sia` class of the `iobroker.sia` npm package (build/lib/sia.js),
 * loaded from PEER_MODULE (the copy vendored in bench/vendor/iobroker.sia, never a project dependency).
 * That file needs only Node built-ins and the package's tools.js; tools.js requires `axios` and
 * `node-ssh` at load time for helpers the receiver never calls, so those two get empty stand-ins here.
 * No ioBroker adapter-core is loaded. Accounts from PEER_ACCOUNTS (JSON). Prints one `ready` JSON
 * line; exits on `stop` or stdin close.
 */
import Module, { createRequire } from 'node:module';
import type { Server } from 'node:net';
import { createInterface } from 'node:readline';

interface PeerAccount {
  accountnumber: string;
  aes: boolean;
  password?: string;
}
interface SiaReceiver {
  servertcp: Server;
  setAccounts(accounts: PeerAccount[]): void;
  serverStartTCP(): void;
  on(event: string, listener: (...args: unknown[]) => void): void;
}

type Loader = (request: string, ...rest: unknown[]) => unknown;
const withLoad = Module as unknown as { _load: Loader };
const load = withLoad._load;
const unused = (name: string) => () => {
  throw new Error(`${name} is not available to the bench's peer`);
};
const standIns: Record<string, unknown> = {
  axios: { __esModule: true, default: unused('axios') },
  'node-ssh': { NodeSSH: unused('node-ssh') },
};
withLoad._load = (request, ...rest) => standIns[request] ?? load(request, ...rest);

const modulePath = process.env.PEER_MODULE ?? '';
const { sia } = createRequire(modulePath)(modulePath) as {
  sia: new (parameter: { host: string; port: number; timeout: number }) => SiaReceiver;
};
// timeout: the peer's replay window in seconds (it compares the message time with its clock)
const receiver = new sia({ host: '127.0.0.1', port: 0, timeout: 30 });
receiver.setAccounts(JSON.parse(process.env.PEER_ACCOUNTS ?? '[]') as PeerAccount[]);
// the peer emits 'error' for every broken connection; an unhandled one would end the process
receiver.on('error', () => {});
receiver.on('sia', () => {});
const listening = new Promise<void>((resolve) => receiver.servertcp.once('listening', () => resolve()));
receiver.serverStartTCP();
await listening;
const address = receiver.servertcp.address();
const port = typeof address === 'object' && address ? address.port : 0;
process.stdout.write(`${JSON.stringify({ type: 'ready', pid: process.pid, port })}\n`);

const input = createInterface({ input: process.stdin });
input.on('line', () => process.exit(0));
input.on('close', () => process.exit(0));
