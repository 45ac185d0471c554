/** NATS subject matching: `*` matches one token, a final `>` one or more tokens. */
export function subjectMatches(pattern: string, subject: string): boolean {
  if (pattern === subject) return true;
  const p = pattern.split('.');
  const s = subject.split('.');
  for (let i = 0; i < p.length; i++) {
    const t = p[i];
    if (t === '>') return i === p.length - 1 && s.length > i;
    if (i >= s.length) return false;
    if (t !== '*' && t !== s[i]) return false;
  }
  return p.length === s.length;
}

/** Compiles a pattern once into a matcher (set-up time, not per message). */
export function compileSubject(pattern: string): (subject: string) => boolean {
  if (!pattern.includes('*') && !pattern.includes('>')) return (s) => s === pattern;
  return (s) => subjectMatches(pattern, s);
}
