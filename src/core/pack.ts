// Team packs (issue 5): a folder with a pack.json and kata folders in the built-in format, loaded beside
// the built-in catalogue with `--pack DIR` or ASYNC_KATAS_PACKS. A pack's katas are namespaced
// `<pack name>/<kata folder>`, so two packs (or a pack and the catalogue) can never claim the same id.
import fs from 'node:fs';
import path from 'node:path';
import { byCurriculum, CatalogError, listKataIds, loadKata, readJson, type Kata, type PackInfo } from './catalog.js';
import { PACKS_ENV, packDirs } from './paths.js';
import { describeIssue, PackManifestSchema, type PackManifest } from './kata-schema.js';

export const PACK_MANIFEST = 'pack.json';
export { PACKS_ENV, packDirs };

export interface Pack {
  info: PackInfo;
  description?: string;
  katas: Kata[];
}

/** The `<pack>/<kata>` id of a pack's kata. */
export function packKataId(pack: string, kata: string): string {
  return `${pack}/${kata}`;
}

export function readPackManifest(dir: string, shown: string = dir): PackManifest {
  const file = path.join(dir, PACK_MANIFEST);
  const where = path.join(shown, PACK_MANIFEST);
  let stat: fs.Stats | undefined;
  try {
    stat = fs.statSync(dir);
  } catch {
    throw new CatalogError(shown, 'no such folder: --pack needs a folder holding a pack.json and kata folders');
  }
  if (!stat.isDirectory()) throw new CatalogError(shown, 'is not a folder: --pack needs a folder holding a pack.json and kata folders');
  let data: unknown;
  try {
    data = readJson(file, where);
  } catch (error) {
    if (!(error instanceof CatalogError) || error.problem !== 'file is missing') throw error;
    throw new CatalogError(
      where,
      'file is missing: a pack needs {"name": "...", "version": "1.0.0"} here (async-katas new <kata-id> --pack DIR writes one)',
    );
  }
  const parsed = PackManifestSchema.safeParse(data, { reportInput: true });
  if (!parsed.success) throw new CatalogError(where, parsed.error.issues.map((i) => describeIssue(i)).join('; '));
  return parsed.data;
}

/** One pack, its katas namespaced and in curriculum order. A broken kata names its file inside the pack. */
export function loadPack(dir: string, shown: string = dir): Pack {
  const manifest = readPackManifest(dir, shown);
  const info: PackInfo = { name: manifest.name, version: manifest.version, dir: path.resolve(dir) };
  const root = fs.realpathSync(dir);
  const katas: Kata[] = [];
  const broken: CatalogError[] = [];
  for (const id of listKataIds(dir)) {
    try {
      const own = (file: string, folder = false) => ownFile(file, folder, dir, root, shown);
      // The folder and its manifest before loadKata reads them; the other files before anyone else does.
      own(path.join(dir, id), true);
      own(path.join(dir, id, 'kata.json'));
      const kata = loadKata(id, dir);
      const { corpus: _corpus, manifest: _manifest, ...files } = kata.files;
      for (const file of Object.values(files)) own(file);
      katas.push({ ...kata, id: packKataId(info.name, kata.id), pack: info });
    } catch (error) {
      if (!(error instanceof CatalogError)) throw error;
      broken.push(new CatalogError(path.join(shown, error.file), error.problem));
    }
  }
  if (broken.length === 1) throw broken[0]!;
  if (broken.length) throw new CatalogError(shown, `${broken.length} broken kata(s):\n  ${broken.map((e) => e.message).join('\n  ')}`);
  return { info, ...(manifest.description ? { description: manifest.description } : {}), katas: katas.sort(byCurriculum) };
}

/**
 * A pack is handed from person to person: its files must be its own. A link to a file outside the pack
 * (the learner's SSH key as a "starter", a device that never ends) is refused before anything reads it.
 */
function ownFile(file: string, folder: boolean, dir: string, root: string, shown: string): void {
  let real: string;
  try {
    real = fs.realpathSync(file);
  } catch {
    return; // missing files are validate's to report
  }
  const where = path.relative(dir, file);
  const inside = path.relative(root, real);
  if (inside.startsWith('..') || path.isAbsolute(inside)) {
    throw new CatalogError(where, `is a link to ${real}, outside the pack (${shown}); a pack must hold its own files`);
  }
  const stat = fs.statSync(real);
  if (folder ? !stat.isDirectory() : !stat.isFile()) throw new CatalogError(where, folder ? 'must be a folder' : 'must be a plain file');
}

/** Every pack given; two packs with one name are refused, as their ids would collide. */
export function loadPacks(dirs: readonly string[]): Pack[] {
  const packs: Pack[] = [];
  for (const dir of dirs) {
    const pack = loadPack(dir, path.relative(process.cwd(), dir) || '.');
    const twin = packs.find((p) => p.info.name === pack.info.name);
    if (twin) {
      throw new CatalogError(
        path.join(dir, PACK_MANIFEST),
        `the pack name '${pack.info.name}' is also used by the pack in ${twin.info.dir}; kata ids are namespaced by pack name, so rename one of them in its pack.json`,
      );
    }
    packs.push(pack);
  }
  return packs;
}
