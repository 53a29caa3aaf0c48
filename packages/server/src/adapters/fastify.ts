import type { FastifyInstance, FastifyPluginAsync } from 'fastify';
import type { App } from '../app.js';
import { discardUnreadBody, toServerRequest } from './node.js';

export interface ReusePreferencePluginOptions {
  app: App;
}

/**
 * Fastify 5 plugin serving the same handlers as the Node adapter. It replaces Fastify's body parsers in
 * its own encapsulation context so the app sees the raw stream and applies its own limits and JSON
 * hardening, identical across adapters. Register it with `prefix` to mount it under a path.
 */
export const reusePreferencePlugin: FastifyPluginAsync<ReusePreferencePluginOptions> = async (
  fastify: FastifyInstance,
  { app },
) => {
  fastify.removeAllContentTypeParsers();
  fastify.addContentTypeParser('*', (_request, _payload, done) => done(null));
  const prefix = fastify.prefix;
  fastify.route({
    method: ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE'],
    url: '/*',
    exposeHeadRoute: false,
    handler: async (request, reply) => {
      const url = request.raw.url ?? '/';
      const inner = prefix && url.startsWith(prefix) ? url.slice(prefix.length) || '/' : url;
      const response = await app.handle(toServerRequest(request.raw, inner));
      reply.code(response.status).headers(response.headers);
      if (discardUnreadBody(request.raw)) reply.header('connection', 'close');
      return reply.send(response.body ?? '');
    },
  });
};
