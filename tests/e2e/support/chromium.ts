/** Debian's chromium (apt), never a downloaded browser: see STACK.md. */
export const CHROMIUM = '/usr/bin/chromium';

/** The flags every e2e Chromium runs with (no sandbox in CI containers, nothing phoning home). */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
