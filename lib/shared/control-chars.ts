/**
 * Control characters: the one definition for every value that must stay on one line. A CR or LF
 * from data in an email header (subject, display name) starts a header of the attacker's choosing;
 * in a plain-text part or a stored name it breaks the layout of whatever shows it.
 *
 * What counts (the same set everywhere):
 * - C0 controls U+0000–U+001F: NUL, TAB, LF, VT, FF, CR...;
 * - DEL U+007F and the C1 controls U+0080–U+009F, NEL U+0085 among them (some MIME stacks end a line
 *   there);
 * - the Unicode line and paragraph separators U+2028 and U+2029.
 *
 * Not counted: surrogates (a lone one cannot end a line; UTF-8 encoding turns it into U+FFFD), format
 * characters, no-break and other spaces. Callers choose between refusing ({@link hasControlChars}) and
 * repairing ({@link controlsToSpace}, {@link oneLine}); they never write their own pattern.
 */

// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point
const CONTROL_RUN = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g;
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/;

/** True when `value` holds any control character or line separator: the test of a validator that refuses. */
export const hasControlChars = (value: string): boolean => CONTROL.test(value);

/** Every run of control characters becomes one space; nothing else changes (no trim). */
export const controlsToSpace = (value: string): string => value.replace(CONTROL_RUN, ' ');

/** One line: control runs become one space, runs of spaces collapse to one, both ends trimmed. */
export const oneLine = (value: string): string => controlsToSpace(value).replace(/ {2,}/g, ' ').trim();
