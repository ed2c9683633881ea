/** Wire protocol version: bumped when a change breaks existing clients. */
export const PROTOCOL_VERSION = 1;
