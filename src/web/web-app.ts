import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { NextFunction, Request, Response } from 'express';
import { projectRoot } from '../config/project-root';

/** Where `npm run build` puts the web app (Vite's output). */
export function webAppRoot(): string {
  return join(projectRoot(), 'dist', 'web');
}

/** Paths the service answers itself: the API (and its docs) and the metrics endpoint. */
function isServicePath(path: string): boolean {
  return path === '/api' || path.startsWith('/api/') || path === '/metrics';
}

/**
 * Serves the web app at `/`: its hashed assets for a year, and index.html for every
 * other GET outside `/api` and `/metrics` (the history fallback: the app's router draws the page, and
 * a link from an email opens it). `/api/*` is never answered with the page, so a wrong
 * API path stays a JSON 404. Without a build (API-only development) nothing is served.
 */
export function serveWebApp(app: NestExpressApplication): boolean {
  const root = webAppRoot();
  const index = join(root, 'index.html');
  if (!existsSync(index)) return false;
  app.useStaticAssets(join(root, 'assets'), {
    prefix: '/assets/',
    immutable: true,
    maxAge: '365d',
    fallthrough: false,
  });
  app.use((request: Request, response: Response, next: NextFunction) => {
    if ((request.method !== 'GET' && request.method !== 'HEAD') || isServicePath(request.path))
      return next();
    response.setHeader('Cache-Control', 'no-cache');
    response.sendFile(index);
  });
  return true;
}
