// conf imports ajv, ajv-formats and semver at load time, but uses them only for a `schema` or
// `migrations` option, and progress.ts passes neither. The bundle maps them here: about 370 KB less to
// parse and keep in memory. If a later change does use one, it fails loudly instead of silently.
function unused(name) {
  return () => {
    throw new Error(`async-katas bundles conf without ${name}; pass no schema/migrations, or drop the stub in scripts/build.mjs`);
  };
}

export class Ajv2020 {
  constructor() {
    unused('ajv')();
  }
}
export default Object.assign(unused('ajv-formats'), { default: unused('ajv-formats') });
export const eq = unused('semver');
