import {test} from 'node:test';
import assert from 'node:assert/strict';
import {spawn} from 'node:child_process';
import {once} from 'node:events';
import {createInterface} from 'node:readline';
import {request} from 'undici';
import {spawnServer} from '../../source/server/spawn-server.js';
import {isAlive, waitForExit} from '../helpers/processes.js';

const options = {port: 0, latency: 10, jitter: 0, failRate: 0, bodyBytes: 512, seed: 3};
const fixture = (name: string): string => new URL(`fixtures/${name}.js`, import.meta.url).pathname;

async function firstLine(child: ReturnType<typeof spawn>): Promise<string> {
	const lines = createInterface({input: child.stdout!});
	const [line] = (await once(lines, 'line')) as [string];
	lines.close();
	return line;
}

test('spawnServer starts a child that answers; close() leaves no process', async () => {
	const server = await spawnServer(options);
	assert.notEqual(server.pid, process.pid);
	assert.equal(server.url, `http://127.0.0.1:${server.port}`);
	assert.ok(isAlive(server.pid));
	const response = await request(`${server.url}/r/1`);
	assert.equal(response.statusCode, 200);
	assert.equal((await response.body.arrayBuffer()).byteLength, 512);
	await server.close();
	assert.throws(() => process.kill(server.pid, 0), {code: 'ESRCH'});
	await server.close();
});

test('spawnServer rejects with a clear error when the child cannot listen', async () => {
	const first = await spawnServer(options);
	try {
		await assert.rejects(spawnServer({...options, port: first.port}), (error: Error) => {
			assert.match(error.message, /embedded server/);
			assert.match(error.message, /EADDRINUSE/);
			return true;
		});
	} finally {
		await first.close();
	}
});

test('the server child exits within ~2 s when its parent is killed with SIGKILL', async () => {
	const parent = spawn(process.execPath, [fixture('spawn-and-print')], {stdio: ['ignore', 'pipe', 'inherit']});
	const [pidText, url] = (await firstLine(parent)).split(' ');
	const serverPid = Number(pidText);
	assert.ok(serverPid > 0 && isAlive(serverPid));
	const response = await request(`${url}/`);
	await response.body.dump();
	assert.equal(response.statusCode, 200);
	parent.kill('SIGKILL');
	await once(parent, 'exit');
	assert.ok(await waitForExit(serverPid, 3000), `server ${serverPid} still alive 3 s after its parent died`);
});

test('a parent that ends without close() is not held up by the child, which then exits', async () => {
	const parent = spawn(process.execPath, [fixture('spawn-and-leave')], {stdio: ['ignore', 'pipe', 'inherit']});
	const serverPid = Number(await firstLine(parent));
	assert.ok(serverPid > 0);
	const [code] = (await once(parent, 'exit')) as [number | null];
	assert.equal(code, 0);
	assert.ok(await waitForExit(serverPid, 3000), `server ${serverPid} outlived its parent`);
});
