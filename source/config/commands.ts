import type {Mode} from './modes.js';

/** What a key asks the session to do (string-tagged, handed from the UI to the session). */
export type Command =
	| {readonly type: 'mode'; readonly mode: Mode}
	| {readonly type: 'cycle-work'}
	| {readonly type: 'workers'; readonly delta: 1 | -1}
	| {readonly type: 'concurrency'; readonly delta: 1 | -1}
	| {readonly type: 'cycle-requests'}
	| {readonly type: 'restart'}
	| {readonly type: 'toggle-pause'}
	| {readonly type: 'compare'}
	| {readonly type: 'toggle-gil'}
	| {readonly type: 'quit'};
