/**
 * Past this many characters a message is not put into the page whole: laying out megabytes of
 * text (let alone parsing them as markdown) blocks the page for seconds. A 1 MB reply still renders.
 */
export const HUGE_TEXT_CHARS = 2_000_000;
