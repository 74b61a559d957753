import type { FastifyInstance } from 'fastify';

/**
 * Every route the app registers, as "METHOD /path", read from Fastify's route tree
 * (`printRoutes({ commonPrefix: false })`: one path segment per line, indented four characters per level, methods
 * in parentheses). Tests use it to fail when a route is added without its rows in the test tables.
 */
export function registeredRoutes(app: FastifyInstance): string[] {
  const out: string[] = [];
  const stack: string[] = [];
  for (const line of app.printRoutes({ commonPrefix: false }).split('\n')) {
    const m = /^((?:│ {3}| {4})*)(?:├── |└── )(.*?)(?: \(([^)]*)\))?$/.exec(line);
    if (!m) continue;
    const depth = m[1]!.length / 4;
    stack.length = depth;
    stack.push(m[2]!);
    for (const method of m[3]?.split(', ') ?? []) out.push(`${method} ${stack.join('')}`);
  }
  return out;
}

/** Registered routes minus the HEAD routes Fastify adds beside each GET. */
export function routesWithoutHead(app: FastifyInstance): string[] {
  const all = registeredRoutes(app);
  return all.filter((r) => !(r.startsWith('HEAD ') && all.includes(`GET ${r.slice(5)}`)));
}
