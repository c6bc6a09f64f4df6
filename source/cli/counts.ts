/**
 * Counts as people write them: 4000, 4,000, 4_000, 4k, 4e3, 1.5k, 4M
 * (k = thousand, M = million, case-insensitive), whole values only.
 * Exact: the digits are shifted, never multiplied as floats (1.1k is 1100).
 */
const COUNT = /^(?<int>\d{1,3}(?:,\d{3})+|\d+(?:_\d+)*)?(?:\.(?<frac>\d+))?(?:e(?<exp>\+?\d{1,3}))?(?<unit>[km])?$/i;
const UNITS: Readonly<Record<string, number>> = {k: 3, m: 6};

/** The count `text` stands for, or undefined when it is not a whole count written one of those ways. */
export function parseCount(text: string): number | undefined {
	const match = COUNT.exec(text.trim());
	const {int = '', frac = '', exp = '0', unit} = match?.groups ?? {};
	if (!match || int === '' && frac === '') {
		return undefined;
	}

	const shift = Number(exp) + (unit ? UNITS[unit.toLowerCase()]! : 0) - frac.length;
	let digits = int.replaceAll(/[,_]/g, '') + frac;
	if (shift < 0) {
		const dropped = digits.slice(shift);
		if (/[^0]/.test(dropped)) {
			return undefined;
		}

		digits = digits.slice(0, shift);
	} else if (shift > 20) {
		return undefined;
	} else {
		digits += '0'.repeat(shift);
	}

	const value = Number(digits === '' ? '0' : digits);
	return Number.isSafeInteger(value) ? value : undefined;
}
