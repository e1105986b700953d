/** Structured logging: one JSON object per line in AWS, a readable line locally. */
export type Level = 'debug' | 'info' | 'warn' | 'error';
const ORDER: Record<Level, number> = { debug: 10, info: 20, warn: 30, error: 40 };

export interface Logger {
  debug(message: string, fields?: Record<string, unknown>): void;
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
  /** A logger that adds these fields (cluster id, correlation id…) to every line. */
  child(fields: Record<string, unknown>): Logger;
}

export interface LoggerOptions {
  level?: Level;
  /** 'json' in Lambda (CloudWatch Insights can query it), 'pretty' in a terminal. */
  format?: 'json' | 'pretty';
  write?: (line: string) => void;
  service?: string;
}

function render(value: unknown): string {
  if (value instanceof Error) return `${value.name}: ${value.message}`;
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/**
 * @example
 * const log = createLogger({ service: 'api' });
 * log.child({ clusterId }).info('request posted', { requestId });
 */
export function createLogger(options: LoggerOptions = {}, base: Record<string, unknown> = {}): Logger {
  const level = options.level ?? 'info';
  const format = options.format ?? 'json';
  const write = options.write ?? ((line: string) => process.stdout.write(line + '\n'));
  const emit = (lvl: Level, message: string, fields: Record<string, unknown> = {}): void => {
    if (ORDER[lvl] < ORDER[level]) return;
    const all = { ...base, ...fields };
    if (format === 'json') {
      const error =
        all.error instanceof Error
          ? { error: { name: all.error.name, message: all.error.message, stack: all.error.stack } }
          : {};
      write(
        JSON.stringify({
          level: lvl,
          time: new Date().toISOString(),
          service: options.service,
          message,
          ...all,
          ...error,
        }),
      );
      return;
    }
    const extras = Object.entries(all)
      .map(([k, v]) => `${k}=${render(v)}`)
      .join(' ');
    const tag = options.service ? `[${options.service}] ` : '';
    write(
      `${new Date().toISOString().slice(11, 19)} ${lvl.toUpperCase().padEnd(5)} ` +
        `${tag}${message}${extras ? '  ' + extras : ''}`,
    );
  };
  return {
    debug: (m, f) => emit('debug', m, f),
    info: (m, f) => emit('info', m, f),
    warn: (m, f) => emit('warn', m, f),
    error: (m, f) => emit('error', m, f),
    child: (fields) => createLogger(options, { ...base, ...fields }),
  };
}

/** A logger that drops everything; for tests that don't look at logs. */
export const silentLogger: Logger = createLogger({ write: () => undefined });
