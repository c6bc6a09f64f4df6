/**
 * What XML 1.0 forbids (C0 controls but tab, LF and CR; U+FFFE, U+FFFF; lone
 * surrogates), and DEL and the C1 controls, which HTML calls parse errors:
 * a recording may hold any of them, in its output, title, markers or name.
 */
const UNSAFE = /[^\t\n\r\u0020-\u007E\u00A0-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

/** Text with each character XML or HTML would refuse replaced by U+FFFD, so a still or a page stays well-formed. */
const safeText = (text: string): string => text.replaceAll(UNSAFE, '\uFFFD');

/** Text for an element's content or a quoted attribute, in SVG or HTML. */
export const escapeMarkup = (text: string): string =>
	safeText(text).replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;');
