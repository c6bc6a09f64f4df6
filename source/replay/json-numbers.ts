/**
 * JSON that keeps every number: NaN, ±Infinity and −0 (a run on a URL file has
 * T = NaN) are written as {"$n": "NaN"} and read back as numbers, so a saved
 * value folds exactly as the live one did.
 */
const TAG = '$n';

function replacer(this: unknown, _key: string, value: unknown): unknown {
	if (typeof value === 'number' && (!Number.isFinite(value) || Object.is(value, -0))) {
		return {[TAG]: Object.is(value, -0) ? '-0' : String(value)};
	}

	return value;
}

function reviver(_key: string, value: unknown): unknown {
	if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
		const keys = Object.keys(value);
		const tagged = (value as Record<string, unknown>)[TAG];
		if (keys.length === 1 && typeof tagged === 'string') {
			return tagged === '-0' ? -0 : Number(tagged);
		}
	}

	return value;
}

export const stringify = (value: unknown): string => JSON.stringify(value, replacer);

export const parse = (text: string): unknown => JSON.parse(text, reviver);
