import fastifyHelmet from '@fastify/helmet';
import type { FastifyInstance } from 'fastify';

/**
 * The Content-Security-Policy of every answer. The built web app and the API explorer load only
 * their own files: no inline or foreign script, no plugin, no framing by another site. Styles may
 * be inline because antd writes its CSS-in-JS into <style> elements and style attributes.
 */
export const contentSecurityPolicy = {
  'default-src': ["'self'"],
  'base-uri': ["'self'"],
  'connect-src': ["'self'"],
  'font-src': ["'self'", 'data:'],
  'form-action': ["'self'"],
  'frame-ancestors': ["'none'"],
  // data: for the mailbox QR code (an SVG data URL) and Swagger UI's icons.
  'img-src': ["'self'", 'data:'],
  'object-src': ["'none'"],
  'script-src': ["'self'"],
  'script-src-attr': ["'none'"],
  'style-src': ["'self'", "'unsafe-inline'"],
} as const;

/**
 * Security headers (@fastify/helmet) on every answer, and `Cache-Control: no-store` on every API
 * answer: case data, attachments and exports must not stay in a shared browser's or proxy's cache.
 */
export async function registerSecurityHeaders(app: FastifyInstance): Promise<void> {
  await app.register(fastifyHelmet, {
    contentSecurityPolicy: {
      useDefaults: false,
      // Procura is often served over plain HTTP on an intranet address: upgrading would break it.
      directives: { ...contentSecurityPolicy, 'upgrade-insecure-requests': null },
    },
    frameguard: { action: 'deny' },
    // The public mailbox link carries the school's token: no Referer leaves with it.
    referrerPolicy: { policy: 'no-referrer' },
    // Only over HTTPS does a browser heed it; sibling intranet hosts are not ours to constrain.
    strictTransportSecurity: { maxAge: 15_552_000, includeSubDomains: false },
  });

  app.addHook('onSend', async (request, reply) => {
    const path = request.url.split('?')[0] ?? '';
    // The API explorer's own scripts and styles may be cached like the web app's files.
    if (path.startsWith('/api') && !path.startsWith('/api/docs/static')) {
      reply.header('cache-control', 'no-store');
    }
  });
}
