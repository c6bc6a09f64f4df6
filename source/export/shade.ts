/** sRGB channel 0..255 → linear light 0..1, and back (IEC 61966-2-1). */
const toLinear = (v: number): number => {
	const c = v / 255;
	return c <= 0.040_45 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
};

const toSrgb = (l: number): number => {
	const c = l <= 0.003_130_8 ? l * 12.92 : 1.055 * l ** (1 / 2.4) - 0.055;
	return Math.round(Math.min(1, Math.max(0, c)) * 255);
};

const channels = (hex: string): number[] => [1, 3, 5].map((i) => Number.parseInt(hex.slice(i, i + 2), 16));

/**
 * The colour a shade glyph (░ ▒ ▓) shows from a reading distance: `share` of
 * the cell's pixels in `fg`, the rest in `bg`, averaged in linear light as the
 * eye averages a terminal's dotted glyph. A plain 25 % opacity blends in sRGB
 * instead and draws ░ far darker than a terminal does (nearly the background).
 */
export function shadeOver(fg: string, bg: string, share: number): string {
	const [f, b] = [channels(fg), channels(bg)];
	const mixed = f.map((v, i) => toSrgb(share * toLinear(v) + (1 - share) * toLinear(b[i]!)));
	return `#${mixed.map((v) => v.toString(16).padStart(2, '0')).join('')}`;
}
