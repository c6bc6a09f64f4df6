import type {RunConfig} from '../../config/config.js';
import {checkPython} from './interpreter.js';

/** A --runtime python config with its interpreter checked (version, GIL, requests and aiohttp importable): one line and exit 2 otherwise. */
export function withCheckedPython(config: RunConfig): RunConfig {
	if (config.runtime !== 'python') {
		return config;
	}

	const {path, version, gil} = checkPython(config.python?.path ?? 'python3');
	return {...config, python: {path, version, gil}};
}
