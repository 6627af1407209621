/**
 * Where mailed links point. Pure: the environment's values are passed in.
 */

/** PUBLIC_URL as set, without trailing slashes; unset, the port this process listens on. */
export function publicUrlOf(publicUrl: string | undefined, port: number): string {
  return (publicUrl ?? `http://localhost:${port}`).replace(/\/+$/, '');
}

/**
 * In development, a PUBLIC_URL on another port than the one the API listens on sends
 * every mailed link to the wrong place (PORT=3411 with links to :3000). Behind a proxy in
 * production the ports differ by design, so only development is warned.
 */
export function publicUrlPortWarning(
  publicUrl: string,
  port: number,
  nodeEnv: string,
): string | null {
  if (nodeEnv !== 'development') return null;
  const url = new URL(publicUrl);
  if (url.hostname !== 'localhost' && url.hostname !== '127.0.0.1') return null;
  const linkPort = url.port ? Number(url.port) : url.protocol === 'https:' ? 443 : 80;
  if (linkPort === port) return null;
  return `PUBLIC_URL ${publicUrl} points at port ${linkPort}, but the API listens on ${port}: links in mails will not open. Unset PUBLIC_URL or set it to http://localhost:${port}.`;
}
