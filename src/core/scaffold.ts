// `async-katas new <kata-id> --pack DIR`: a new kata folder copied from templates/kata, which passes
// `validate` as it is, so an author starts from green and changes one thing at a time.
import fs from 'node:fs';
import path from 'node:path';
import { CatalogError, listKataIds } from './catalog.js';
import { KataManifestSchema, PackManifestSchema, type PackManifest } from './kata-schema.js';
import { PACK_MANIFEST, readPackManifest } from './pack.js';
import { installRoot } from './root.js';

export interface ScaffoldOptions {
  id: string;
  packDir: string;
  title?: string;
  /** Defaults to this package's templates/kata. */
  templateDir?: string;
}

export interface Scaffolded {
  kataDir: string;
  files: string[];
  /** Set when the pack had no pack.json yet and one was written. */
  createdPack?: PackManifest;
}

export class ScaffoldError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ScaffoldError';
  }
}

export function templateDir(): string {
  return path.join(installRoot(), 'templates', 'kata');
}

export function scaffoldKata(options: ScaffoldOptions): Scaffolded {
  const { id } = options;
  if (!KataManifestSchema.shape.id.safeParse(id).success) {
    throw new ScaffoldError(`'${id}' cannot be a kata id: use lowercase letters, digits and single dashes (e.g. retry-with-jitter)`);
  }
  const packDir = path.resolve(options.packDir);
  const kataDir = path.join(packDir, id);
  if (fs.existsSync(kataDir)) throw new ScaffoldError(`${kataDir} already exists; choose another id or remove that folder`);
  const template = options.templateDir ?? templateDir();
  if (!fs.existsSync(path.join(template, 'kata.json'))) throw new ScaffoldError(`the kata template is missing (${template}); reinstall async-katas`);

  fs.mkdirSync(packDir, { recursive: true });
  let createdPack: PackManifest | undefined;
  if (!fs.existsSync(path.join(packDir, PACK_MANIFEST))) {
    createdPack = { name: packNameFor(packDir), version: '0.1.0', description: 'Katas for our team.' };
    writeJson(path.join(packDir, PACK_MANIFEST), createdPack);
  } else {
    readPackManifest(packDir); // a broken pack.json is reported now, not after the kata was added
  }

  // Built in a hidden folder and renamed into place: an interrupted scaffold leaves no half-made kata.
  const building = path.join(packDir, `.new-${id}-${process.pid}`);
  try {
    fs.cpSync(template, building, { recursive: true, errorOnExist: true, force: false });
    const manifestFile = path.join(building, 'kata.json');
    const manifest = JSON.parse(fs.readFileSync(manifestFile, 'utf8')) as Record<string, unknown>;
    manifest.id = id;
    manifest.title = options.title ?? titleFor(id);
    manifest.order = nextOrder(packDir);
    writeJson(manifestFile, manifest);
    fs.renameSync(building, kataDir);
  } catch (error) {
    fs.rmSync(building, { recursive: true, force: true });
    throw error;
  }
  const files = listFiles(kataDir).map((f) => path.relative(kataDir, f).split(path.sep).join('/'));
  return createdPack ? { kataDir, files, createdPack } : { kataDir, files };
}

/** After every kata the pack already has, in steps of 10 so katas can later go in between. */
function nextOrder(packDir: string): number {
  let highest = 0;
  for (const id of listKataIds(packDir)) {
    try {
      const order = (JSON.parse(fs.readFileSync(path.join(packDir, id, 'kata.json'), 'utf8')) as { order?: unknown }).order;
      if (typeof order === 'number' && Number.isFinite(order)) highest = Math.max(highest, order);
    } catch {
      // a kata folder still being written: validate will name it
    }
  }
  return Math.floor(highest / 10) * 10 + 10;
}

function packNameFor(dir: string): string {
  const name = path
    .basename(dir)
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  const parsed = PackManifestSchema.shape.name.safeParse(name);
  if (!parsed.success) throw new CatalogError(path.join(dir, PACK_MANIFEST), `cannot make a pack name from the folder name; write a pack.json with a "name" first`);
  return name;
}

function titleFor(id: string): string {
  const words = id.split('-');
  return [words[0]![0]!.toUpperCase() + words[0]!.slice(1), ...words.slice(1)].join(' ');
}

function writeJson(file: string, data: unknown): void {
  fs.writeFileSync(file, `${JSON.stringify(data, null, 2)}\n`);
}

function listFiles(dir: string): string[] {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? listFiles(path.join(dir, e.name)) : [path.join(dir, e.name)]))
    .sort();
}
