import { type ChildProcess, fork } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';
import { holdPorts, portsOf, releasePorts } from '../src/subgraphProcess/holdPorts';

const STAND_IN = path.join(__dirname, 'fixtures/servesHandedSocket/main.js');

/** What binding `port` here gives: the port, or the error's code. */
const bindAt = (port: number) =>
  new Promise<string>((resolve) => {
    const server = net.createServer();
    server.once('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? 'error'));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve('bound')));
  });

const nextMessage = (child: ChildProcess) =>
  new Promise<unknown>((resolve) => child.once('message', resolve));

describe('holdPorts', () => {
  const children: ChildProcess[] = [];
  afterEach(() => children.forEach((child) => child.kill('SIGKILL')));

  it('keeps each port bound, refusing calls, until the sockets are released', async () => {
    const held = await holdPorts(['accruals', 'audit']);
    const ports = Object.values(portsOf(held));
    expect(new Set(ports).size).toBe(2);
    for (const port of ports) expect(await bindAt(port)).toBe('EADDRINUSE');
    // Nobody serves yet: a call ends at once instead of hanging.
    await expect(fetch(`http://127.0.0.1:${ports[0]}/`)).rejects.toThrow();
    releasePorts(held);
    for (const port of ports) expect(await bindAt(port)).toBe('bound');
  });

  it('hands a port to another process that serves on it, and binds it again once that one dies', async () => {
    const held = await holdPorts(['audit']);
    const { audit: port } = portsOf(held);
    const child = fork(STAND_IN, [], { stdio: 'ignore' });
    children.push(child);
    expect(await nextMessage(child)).toBe('ready');
    const serving = nextMessage(child);
    child.send({ type: 'port', name: 'audit' }, held.audit);
    expect(await serving).toBe('serving');
    releasePorts(held);

    expect(await (await fetch(`http://127.0.0.1:${port}/`)).text()).toBe(`served by ${child.pid}`);
    expect(await bindAt(port!)).toBe('EADDRINUSE');

    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGKILL');
    await exited;
    const again = await holdPorts(['audit'], { audit: port! });
    expect(portsOf(again)).toEqual({ audit: port });
    releasePorts(again);
  });
});
