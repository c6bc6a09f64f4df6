import {createServer, type Server, type Socket} from 'node:net';
import {after} from 'node:test';

/**
 * What each path of the hostile server does (a raw TCP server, so it can
 * break HTTP in every way a real server can):
 */
export const HOSTILE_PATHS = {
	ok: 'a normal 200 with a 16-byte body',
	status: 'a 500',
	reset: 'reads the request, then resets the connection (RST)',
	close: 'reads the request, then closes the connection without a word (FIN)',
	hang: 'reads the request and never answers',
	drip: 'headers at once, then a 1000-byte body one byte every 500 ms',
	huge: 'a 256 MB body, as fast as the socket takes it',
	garbage: 'bytes that are not HTTP',
	loop: 'a redirect to itself, forever',
	chain: 'a redirect to the next of an endless chain of paths',
	file: 'a redirect to file:///etc/passwd',
	cut: 'headers promising 1000 bytes, 10 bytes, then a close mid-body',
	zero: 'a status line with status 000',
	location: 'a redirect whose Location is no URL (http://[::1)',
} as const;

export type HostilePath = keyof typeof HOSTILE_PATHS;

export type HostileServer = {
	readonly origin: string;
	url(path: HostilePath): string;
	close(): Promise<void>;
};

export const HUGE_BYTES = 256 * 1024 * 1024;
const CHUNK = Buffer.alloc(1024 * 1024, 0x61);

const head = (status: string, headers: Record<string, string | number>): string =>
	`HTTP/1.1 ${status}\r\n${Object.entries(headers).map(([name, value]) => `${name}: ${value}\r\n`).join('')}\r\n`;

function answer(socket: Socket, path: string, origin: string): void {
	const [name, rest] = path.replace(/^\/+/, '').split(/[/?]/);
	switch (name as HostilePath) {
		case 'ok': {
			socket.write(head('200 OK', {'content-length': 16}) + 'hello, hostile!\n');
			break;
		}

		case 'status': {
			socket.write(head('500 Internal Server Error', {'content-length': 0}));
			break;
		}

		case 'reset': {
			socket.resetAndDestroy();
			break;
		}

		case 'close': {
			socket.destroy();
			break;
		}

		case 'hang': {
			break;
		}

		case 'drip': {
			socket.write(head('200 OK', {'content-length': 1000}));
			const timer = setInterval(() => socket.write('x'), 500);
			socket.once('close', () => clearInterval(timer));
			break;
		}

		case 'huge': {
			socket.write(head('200 OK', {'content-length': HUGE_BYTES}));
			let sent = 0;
			const pump = (): void => {
				while (sent < HUGE_BYTES && !socket.destroyed) {
					sent += CHUNK.length;
					if (!socket.write(CHUNK)) {
						socket.once('drain', pump);
						return;
					}
				}
			};

			pump();
			break;
		}

		case 'garbage': {
			socket.end('\u0000\u0001SSH-2.0-not-http \u00FF\u00FE garbage\r\n\r\n');
			break;
		}

		case 'loop': {
			socket.write(head('302 Found', {location: `${origin}/loop`, 'content-length': 0}));
			break;
		}

		case 'chain': {
			socket.write(head('302 Found', {location: `${origin}/chain/${Number(rest ?? 0) + 1}`, 'content-length': 0}));
			break;
		}

		case 'file': {
			socket.write(head('302 Found', {location: 'file:///etc/passwd', 'content-length': 0}));
			break;
		}

		case 'cut': {
			socket.write(head('200 OK', {'content-length': 1000}) + '0123456789');
			setTimeout(() => socket.destroy(), 20);
			break;
		}

		case 'zero': {
			socket.write(head('000 Zero', {'content-length': 0}));
			break;
		}

		case 'location': {
			socket.write(head('302 Found', {location: 'http://[::1', 'content-length': 0}));
			break;
		}

		default: {
			socket.end(head('404 Not Found', {'content-length': 0, connection: 'close'}));
		}
	}
}

/** A misbehaving HTTP server on 127.0.0.1, a free port (see HOSTILE_PATHS); closed after the test file. */
export async function withHostileServer(): Promise<HostileServer> {
	const sockets = new Set<Socket>();
	let origin = '';
	const server: Server = createServer(socket => {
		sockets.add(socket);
		socket.on('error', () => undefined);
		socket.once('close', () => sockets.delete(socket));
		let buffered = '';
		socket.on('data', (chunk: Buffer) => {
			buffered += chunk.toString('latin1');
			let end = buffered.indexOf('\r\n\r\n');
			while (end !== -1) {
				const request = buffered.slice(0, end);
				buffered = buffered.slice(end + 4);
				answer(socket, request.split(' ')[1] ?? '/', origin);
				end = buffered.indexOf('\r\n\r\n');
			}
		});
	});
	await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
	const address = server.address();
	origin = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
	const close = async (): Promise<void> => {
		for (const socket of sockets) {
			socket.destroy();
		}

		await new Promise<void>(resolve => server.close(() => resolve()));
	};

	after(close);
	return {origin, url: path => `${origin}/${path}`, close};
}
