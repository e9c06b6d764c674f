// The OTLP request headers from the environment variable the config names, in the form the
// OpenTelemetry variables use: "name=value,name2=value2" (values may be percent-encoded).

export class OtlpHeadersError extends Error {}

export function parseOtlpHeaders(variable: string, text: string): Record<string, string> {
  const headers: Record<string, string> = {};
  const entries = text.split(',');
  entries.forEach((entry, index) => {
    if (entry.trim() === '') return;
    const at = entry.indexOf('=');
    const name = at > 0 ? entry.slice(0, at).trim() : '';
    if (!/^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/.test(name)) {
      // The value may be a secret: only the entry's position and what was wrong are printed.
      throw new OtlpHeadersError(
        `environment variable ${variable}, entry ${index + 1}: expected name=value (a header name, then "=")`,
      );
    }
    let value = entry.slice(at + 1).trim();
    try {
      value = decodeURIComponent(value);
    } catch {
      throw new OtlpHeadersError(
        `environment variable ${variable}, entry ${index + 1} (${name}): the value has a broken %-escape`,
      );
    }
    headers[name] = value;
  });
  return headers;
}

/** The headers for `headersEnv` from `env`; none without a variable; an unset variable is an error. */
export function otlpHeadersFromEnv(
  headersEnv: string | null,
  env: NodeJS.ProcessEnv = process.env,
): Record<string, string> {
  if (headersEnv === null) return {};
  const text = env[headersEnv];
  if (text === undefined) {
    throw new OtlpHeadersError(`environment variable ${headersEnv} (otlp.headers_env) is not set`);
  }
  return parseOtlpHeaders(headersEnv, text);
}
