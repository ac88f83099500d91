/**
 * Serve: the archive over HTTP (a JSON API described by an OpenAPI document) and the built
 * web UI, from one node:http server.
 */
export { findRepairs, type Repair, type RepairKind } from './find-repairs.ts';
export { buildOpenApi } from './openapi.ts';
export {
  isLoopbackAddress,
  type RunningServer,
  type ServeOptions,
  startServer,
  WEB_ROOT,
} from './server.ts';
