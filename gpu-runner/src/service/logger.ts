import type { LogLevel } from "../config.js";

const RANK: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40 };

export type LogFields = Record<string, unknown>;

export interface Logger {
  debug(msg: string, fields?: LogFields): void;
  info(msg: string, fields?: LogFields): void;
  warn(msg: string, fields?: LogFields): void;
  error(msg: string, fields?: LogFields): void;
  /** A logger that adds `fields` to every line (e.g. `{ job_id }`). */
  child(fields: LogFields): Logger;
}

export interface LoggerOptions {
  level?: LogLevel;
  /** Where JSON lines go; default stderr (stdout stays free for command output). */
  write?: (line: string) => void;
  base?: LogFields;
  now?: () => Date;
}

/** Errors become `{ name, message, code? }` so they survive JSON.stringify. */
function serialize(fields: LogFields): LogFields {
  const out: LogFields = {};
  for (const [k, v] of Object.entries(fields)) {
    out[k] =
      v instanceof Error
        ? { name: v.name, message: v.message, ...("code" in v ? { code: (v as { code: unknown }).code } : {}) }
        : v;
  }
  return out;
}

/** Structured logs: one JSON object per line with `time`, `level`, `msg` and context fields. */
export function createLogger(options: LoggerOptions = {}): Logger {
  const threshold = RANK[options.level ?? "info"];
  const write = options.write ?? ((line: string) => process.stderr.write(line));
  const now = options.now ?? (() => new Date());
  const make = (base: LogFields): Logger => {
    const log =
      (level: LogLevel) =>
      (msg: string, fields: LogFields = {}) => {
        if (RANK[level] < threshold) return;
        write(`${JSON.stringify({ time: now().toISOString(), level, msg, ...base, ...serialize(fields) })}\n`);
      };
    return {
      debug: log("debug"),
      info: log("info"),
      warn: log("warn"),
      error: log("error"),
      child: (fields) => make({ ...base, ...serialize(fields) }),
    };
  };
  return make(options.base ?? {});
}
