// The learner's workspace: a folder of real files they edit in their own editor, marked by a small
// versioned manifest so we can recognise it from any subfolder and refuse a format we do not understand.
import fs from 'node:fs';
import path from 'node:path';

export const MANIFEST_NAME = '.async-katas.json';
export const WORKSPACE_VERSION = 1;
export const DEFAULT_WORKSPACE_NAME = 'async-katas';

export interface WorkspaceManifest {
  version: 1;
  /** ISO time the workspace was created. */
  created: string;
}

export interface Workspace {
  /** Absolute folder. */
  dir: string;
  manifest: WorkspaceManifest;
}

/** What a workspace needs of a kata (a full catalog Kata fits). */
export interface KataSource {
  id: string;
  files: { starter: string };
}

/** A workspace that cannot be used; the message names the file and what to do. */
export class WorkspaceError extends Error {
  readonly file: string;
  constructor(file: string, problem: string) {
    super(`${file}: ${problem}`);
    this.name = 'WorkspaceError';
    this.file = file;
  }
}

export function defaultWorkspaceDir(cwd: string): string {
  return path.join(path.resolve(cwd), DEFAULT_WORKSPACE_NAME);
}

/**
 * The workspace containing fromDir (fromDir itself or a parent), else the default one just below fromDir
 * (`./async-katas`, which the app offers to create: running the app again from the same folder finds it).
 * Throws WorkspaceError for a manifest we cannot read.
 */
export function findWorkspace(fromDir: string): Workspace | undefined {
  const start = path.resolve(fromDir);
  for (let dir = start; ; dir = path.dirname(dir)) {
    if (isFile(path.join(dir, MANIFEST_NAME))) return { dir, manifest: readManifest(dir) };
    if (path.dirname(dir) === dir) break;
  }
  const below = defaultWorkspaceDir(start);
  if (isFile(path.join(below, MANIFEST_NAME))) return { dir: below, manifest: readManifest(below) };
  return undefined;
}

/** Creates the folder and its manifest; an existing workspace is returned as it is. */
export function createWorkspace(dir: string): Workspace {
  const abs = path.resolve(dir);
  const file = path.join(abs, MANIFEST_NAME);
  try {
    fs.mkdirSync(abs, { recursive: true });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const problem = code === 'EEXIST' || code === 'ENOTDIR' ? 'exists and is not a folder' : `cannot be created (${code})`;
    throw new WorkspaceError(abs, `${problem}; choose another folder with --workspace DIR`);
  }
  const manifest: WorkspaceManifest = { version: WORKSPACE_VERSION, created: new Date().toISOString() };
  try {
    // 'wx': two processes creating the same workspace at once must not overwrite each other's manifest.
    fs.writeFileSync(file, `${JSON.stringify(manifest)}\n`, { flag: 'wx' });
    return { dir: abs, manifest };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') return { dir: abs, manifest: readManifest(abs) };
    throw new WorkspaceError(file, `cannot be written (${code}); choose another folder with --workspace DIR`);
  }
}

/** `<workspace>/<id>.py`; a pack's kata (`<pack>/<kata>`) lives in the pack's subfolder. */
export function kataFilePath(ws: Workspace, kataId: string): string {
  const file = path.join(ws.dir, `${kataId}.py`);
  // Ids are checked by the manifest schema; this makes sure no id, however it was made, writes elsewhere.
  const inside = path.relative(ws.dir, file);
  if (!inside || inside.startsWith('..') || path.isAbsolute(inside)) {
    throw new WorkspaceError(file, `the kata id '${kataId}' would put its file outside the workspace ${ws.dir}`);
  }
  return file;
}

/** Copies the kata's starter into the workspace unless the learner's file is already there (never overwrites). */
export function ensureKataFile(ws: Workspace, kata: KataSource): { path: string; created: boolean } {
  const file = kataFilePath(ws, kata.id);
  if (kata.id.includes('/')) fs.mkdirSync(path.dirname(file), { recursive: true });
  try {
    // COPYFILE_EXCL makes "is it there?" and "copy" one step: no window in which a learner's file is replaced.
    fs.copyFileSync(kata.files.starter, file, fs.constants.COPYFILE_EXCL);
    return { path: file, created: true };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return { path: file, created: false };
    throw error;
  }
}

/**
 * Overwrites the learner's file with the starter (callers confirm first). What was there is kept in
 * `<id>.py.bak`; an older, different .bak is renamed to `<id>.py.bak-<time>` first, so nothing is lost.
 * A file that already equals the starter needs no backup.
 */
export function resetKataFile(ws: Workspace, kata: KataSource): { path: string; backup?: string } {
  const file = kataFilePath(ws, kata.id);
  const starter = fs.readFileSync(kata.files.starter);
  const current = readOrUndefined(file);
  let backup: string | undefined;
  if (current && !current.equals(starter)) {
    backup = `${file}.bak`;
    const older = readOrUndefined(backup);
    if (older && !older.equals(current)) fs.renameSync(backup, `${backup}-${fileStamp()}`);
    fs.writeFileSync(backup, current);
  }
  fs.writeFileSync(file, starter);
  return backup ? { path: file, backup } : { path: file };
}

function readManifest(dir: string): WorkspaceManifest {
  const file = path.join(dir, MANIFEST_NAME);
  const recreate = `delete it and run async-katas there again to recreate it (your kata files are kept)`;
  let data: unknown;
  try {
    data = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (error) {
    if (error instanceof SyntaxError) throw new WorkspaceError(file, `not valid JSON (${error.message}); ${recreate}`);
    throw new WorkspaceError(file, `cannot be read (${(error as NodeJS.ErrnoException).code}); check its permissions`);
  }
  const version = (data as { version?: unknown } | null)?.version;
  if (typeof version === 'number' && version > WORKSPACE_VERSION) {
    throw new WorkspaceError(
      file,
      `workspace format version ${version} is newer than this async-katas understands (${WORKSPACE_VERSION}); ` +
        'update async-katas, or use another folder with --workspace DIR',
    );
  }
  if (version !== WORKSPACE_VERSION) {
    throw new WorkspaceError(file, `unknown workspace format version ${JSON.stringify(version)} (expected ${WORKSPACE_VERSION}); ${recreate}`);
  }
  const created = (data as { created?: unknown }).created;
  return { version: WORKSPACE_VERSION, created: typeof created === 'string' ? created : '' };
}

function isFile(file: string): boolean {
  try {
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}

function readOrUndefined(file: string): Buffer | undefined {
  try {
    return fs.readFileSync(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

/** An ISO time usable in a file name on every OS (no colons). */
export function fileStamp(date: Date = new Date()): string {
  return date.toISOString().replace(/[:.]/g, '-');
}
