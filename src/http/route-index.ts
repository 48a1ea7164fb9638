import type { FastifyInstance, RouteOptions } from 'fastify';

export interface IndexedRoute {
  method: string;
  url: string;
  config: RouteOptions['config'];
  schema: RouteOptions['schema'];
  pattern: RegExp;
}

const indexes = new WeakMap<object, IndexedRoute[]>();

function toPattern(url: string): RegExp {
  const source = url
    .split('/')
    .map((segment) => {
      if (segment === '*') return '.*';
      if (segment.startsWith(':')) return '[^/]+';
      return segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    })
    .join('/');
  return new RegExp(`^${source}/?$`);
}

/** Keeps a list of every route as it is added: used for 405 answers and route-wide tests. */
export function indexRoutes(app: FastifyInstance): void {
  const routes: IndexedRoute[] = [];
  indexes.set(app, routes);
  app.addHook('onRoute', (route) => {
    // The CORS preflight handler answers OPTIONS on every path: it says nothing of what a path serves.
    if (route.url === '*' || route.url === '/*') return;
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    for (const method of methods) {
      routes.push({ method, url: route.url, config: route.config, schema: route.schema, pattern: toPattern(route.url) });
    }
  });
}

export function routesOf(app: FastifyInstance): readonly IndexedRoute[] {
  return indexes.get(app) ?? [];
}

/** Methods that some route accepts at this concrete path; empty when no route matches it at all. */
export function allowedMethods(app: FastifyInstance, path: string): string[] {
  const methods = new Set<string>();
  for (const route of routesOf(app)) if (route.pattern.test(path)) methods.add(route.method);
  return [...methods].sort();
}
