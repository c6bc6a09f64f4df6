import type {Options} from '../cli/options.js';
import type {Recording} from './reader.js';

export async function playReplay(_recording: Recording, _options: Options): Promise<number> {
	throw new Error('not yet');
}
