#!/usr/bin/env bash
# CPython 3.14 and 3.15 for the test suites, from Debian's next release (forky), without touching the
# system: apt-get with a private sources list and state folder downloads the .debs, dpkg-deb extracts
# them into a cache folder, and patchelf points every ELF file at the extracted glibc's loader and libs.
#
#   scripts/get-pythons.sh            # prints one working executable per line on stdout
#
# Environment: ASYNC_KATAS_PY_CACHE (default ~/.cache/async-katas-pythons), ASYNC_KATAS_PY_VERSIONS
# (default "3.14 3.15"), ASYNC_KATAS_PY_SUITE (default forky), ASYNC_KATAS_PY_MIRROR, ASYNC_KATAS_PY_KEYRING.
# Layout: <cache>/3.14/usr/bin/python3.14 with its stdlib in <cache>/3.14/usr/lib/python3.14, so the
# binary finds its prefix by itself (the harness runs `python -I -S -B`, which ignores PYTHONHOME).
# A version whose tree is in place and passes the import check is not fetched again. Needs amd64,
# apt-get, dpkg-deb and Debian's archive keyring; not root. Exit status 1 when any version failed (the
# ones that work are still printed), each failure named on stderr.
set -euo pipefail

CACHE="${ASYNC_KATAS_PY_CACHE:-$HOME/.cache/async-katas-pythons}"
SUITE="${ASYNC_KATAS_PY_SUITE:-forky}"
MIRROR="${ASYNC_KATAS_PY_MIRROR:-http://deb.debian.org/debian}"
KEYRING="${ASYNC_KATAS_PY_KEYRING:-/usr/share/keyrings/debian-archive-keyring.gpg}"
read -r -a VERSIONS <<<"${ASYNC_KATAS_PY_VERSIONS:-3.14 3.15}"

# What the interpreters load, per the packages' Depends minus what a test run never reaches (debconf,
# tzdata, media-types, netbase: the host's /etc and /usr/share serve those). _decimal has mpdecimal
# built in on these builds, and _dbm's libdb is left out (dbm is not used).
LIBS=(libc6 libgcc-s1 libexpat1 zlib1g libffi8 libssl3t64 libsqlite3-0 libbz2-1.0 liblzma5 libzstd1
  libuuid1 libncursesw6 libtinfo6 libreadline8t64)
# patchelf is taken from the same suite and run under the extracted loader: no root, nothing installed
# into the system, and the same patchelf on every machine whatever its distribution ships.
TOOLS=(libc6 libgcc-s1 libstdc++6 patchelf)
ARCH_TRIPLET=x86_64-linux-gnu

# What "works" means: the modules the harness and the katas reach, from the tree's own stdlib (prefix)
# and with no shared object from outside the tree.
CHECK='import sys
import asyncio, sqlite3, hashlib, ssl, json, select, socket, concurrent.futures, multiprocessing
import _asyncio, _decimal, _ctypes, bz2, lzma, zlib, uuid
root = sys.argv[1]
outside = sorted({l.split()[-1] for l in open("/proc/self/maps") if ".so" in l and not l.split()[-1].startswith(root + "/")})
if outside: raise SystemExit("loads shared objects from outside its folder: " + ", ".join(outside))
if sys.prefix != root + "/usr": raise SystemExit("sys.prefix is %s, not %s/usr" % (sys.prefix, root))
print(".".join(map(str, sys.version_info[:3])), sys.version.split()[0])'

say() { echo "get-pythons: $*" >&2; }
die() { say "$*"; exit 1; }

# Prints "X.Y.Z build" when the tree at $1 for version $2 works; otherwise the reason on stderr.
verify() {
  local root="$1" v="$2"
  "$root/usr/bin/python$v" -I -S -B -c "$CHECK" "$root"
}

ready() { [[ -x "$1/usr/bin/python$2" ]] && verify "$1" "$2" >/dev/null 2>&1; }

mkdir -p "$CACHE" || die "cannot create the cache folder $CACHE (ASYNC_KATAS_PY_CACHE)"
# Physical path: it is baked into the patched files, and sys.prefix is compared with it.
CACHE="$(cd "$CACHE" && pwd -P)"

missing=()
good=()
for v in "${VERSIONS[@]}"; do
  [[ "$v" =~ ^3\.[0-9]+$ ]] || die "not a CPython version: '$v' (ASYNC_KATAS_PY_VERSIONS)"
  if ready "$CACHE/$v" "$v"; then good+=("$v"); else missing+=("$v"); fi
done

if ((${#missing[@]})); then
  [[ "$(uname -s)/$(uname -m)" == Linux/x86_64 ]] || die "needs Linux on x86_64 (this is $(uname -s)/$(uname -m))"
  for tool in apt-get apt-cache dpkg-deb; do
    command -v "$tool" >/dev/null || die "needs $tool (Debian/Ubuntu's apt and dpkg) to fetch CPython ${missing[*]}"
  done
  [[ -r "$KEYRING" ]] || die "needs Debian's archive keyring at $KEYRING (package debian-archive-keyring; or set ASYNC_KATAS_PY_KEYRING)"

  work="$(mktemp -d "$CACHE/.work.XXXXXX")"
  trap 'rm -rf "$work"' EXIT
  # The apt state lives only as long as this run: the next run that needs apt reads fresh lists anyway.
  apt_dir="$work/apt"
  mkdir -p "$apt_dir"/{lists/partial,archives/partial,parts,prefs}
  touch "$apt_dir/status"
  echo "deb [arch=amd64 signed-by=$KEYRING] $MIRROR $SUITE main" >"$apt_dir/sources.list"
  APT=(-q -o "Dir::Etc::SourceList=$apt_dir/sources.list" -o "Dir::Etc::SourceParts=$apt_dir/parts"
    -o "Dir::Etc::Preferences=$apt_dir/prefs/none" -o "Dir::Etc::PreferencesParts=$apt_dir/prefs"
    -o "Dir::State=$apt_dir" -o "Dir::State::Lists=$apt_dir/lists" -o "Dir::State::status=$apt_dir/status"
    -o "Dir::Cache=$apt_dir" -o "Dir::Cache::Archives=$apt_dir/archives" -o APT::Architecture=amd64
    -o APT::Architectures=amd64)
  # As root, apt drops to the _apt user to download, and _apt can't write into a private folder in $HOME.
  [[ "$(id -u)" == 0 ]] && APT+=(-o APT::Sandbox::User=root)

  start=$SECONDS
  say "reading the package lists of Debian $SUITE ($MIRROR)"
  apt-get "${APT[@]}" update >"$work/update.log" 2>&1 || { cat "$work/update.log" >&2; die "apt-get update of Debian $SUITE failed (above)"; }
  # apt-get update exits 0 when a list could not be fetched or verified, and warns instead.
  if grep -qE '^E:|^W: (Failed to fetch|GPG error|Some index files)' "$work/update.log"; then
    grep -E '^(W|E):' "$work/update.log" >&2
    die "apt-get update could not read and verify Debian $SUITE's package lists from $MIRROR (above)"
  fi

  wanted=("${LIBS[@]}")
  [[ -x "$CACHE/tools/usr/bin/patchelf" ]] || wanted+=("${TOOLS[@]}")
  fetchable=()
  for v in "${missing[@]}"; do
    pkgs=("python$v" "python$v-minimal" "libpython$v-minimal" "libpython$v-stdlib")
    absent=()
    for p in "${pkgs[@]}"; do
      [[ -n "$(apt-cache "${APT[@]}" policy "$p" 2>/dev/null | sed -n 's/^ *Candidate: *//p' | grep -v '(none)')" ]] || absent+=("$p")
    done
    if ((${#absent[@]})); then
      say "Debian $SUITE has no ${absent[*]}: CPython $v is skipped"
    else
      fetchable+=("$v")
      wanted+=("${pkgs[@]}")
    fi
  done
  missing=("${fetchable[@]}")
fi

if ((${#missing[@]})); then
  mkdir -p "$work/debs"
  mapfile -t wanted < <(printf '%s\n' "${wanted[@]}" | sort -u)
  say "downloading ${#wanted[@]} packages: ${wanted[*]}"
  (cd "$work/debs" && apt-get "${APT[@]}" download "${wanted[@]}") >"$work/download.log" 2>&1 ||
    { cat "$work/download.log" >&2; die "apt-get download from Debian $SUITE failed (above)"; }
  say "downloaded $(du -sm "$work/debs" | cut -f1) MB in $((SECONDS - start)) s"

  deb() { # the one downloaded file of package $1
    local f=("$work/debs/$1"_*.deb)
    [[ -f "${f[0]}" ]] || die "apt-get download gave no file for $1"
    echo "${f[0]}"
  }
  extract() { # package $1 into folder $2
    dpkg-deb -x "$(deb "$1")" "$2" || die "dpkg-deb could not extract $(basename "$(deb "$1")")"
  }

  if [[ ! -x "$CACHE/tools/usr/bin/patchelf" ]]; then
    rm -rf "$CACHE/tools" "$work/tools"
    for p in "${TOOLS[@]}"; do extract "$p" "$work/tools"; done
    mv "$work/tools" "$CACHE/tools"
  fi
  tools_lib="$CACHE/tools/usr/lib/$ARCH_TRIPLET"
  patchelf() { "$tools_lib/ld-linux-x86-64.so.2" --library-path "$tools_lib" "$CACHE/tools/usr/bin/patchelf" "$@"; }
  patchelf --version >/dev/null 2>&1 || die "the extracted patchelf does not run ($CACHE/tools; delete it to fetch again)"
fi

for v in "${missing[@]}"; do
  root="$CACHE/$v"
  lib="$root/usr/lib/$ARCH_TRIPLET"
  tree="$work/$v"
  say "building CPython $v ($(basename "$(deb "python$v-minimal")" .deb)) in $root"
  for p in "python$v" "python$v-minimal" "libpython$v-minimal" "libpython$v-stdlib" "${LIBS[@]}"; do
    [[ "$p" == libc6 ]] || extract "$p" "$tree"
  done
  rm -rf "$tree/usr/share/doc" "$tree/usr/share/man"
  # Every ELF object gets the tree's lib folder as DT_RPATH (which, unlike RUNPATH, also covers the
  # libraries it pulls in), and the executables the tree's loader. glibc itself (extracted after this)
  # is left as built. The paths are where the tree will live, not where it is built.
  failed=
  while IFS= read -r -d '' f; do
    [[ "$(head -c 4 "$f" 2>/dev/null)" == $'\x7fELF' ]] || continue
    [[ -n "$(patchelf --print-needed "$f" 2>/dev/null)" ]] || continue
    patchelf --force-rpath --set-rpath "$lib" "$f" || { failed="$f"; break; }
    # A separate run: patchelf 0.18 setting both in one run wrote a python3.14 that segfaults at start.
    if patchelf --print-interpreter "$f" >/dev/null 2>&1; then
      patchelf --set-interpreter "$lib/ld-linux-x86-64.so.2" "$f" || { failed="$f"; break; }
    fi
  done < <(find "$tree" -type f \( -name '*.so' -o -name '*.so.*' -o -path '*/bin/*' \) -print0)
  if [[ -n "$failed" ]]; then
    say "patchelf failed on ${failed#"$tree"/}: CPython $v is skipped"
    continue
  fi
  extract libc6 "$tree"
  rm -rf "$root"
  mv "$tree" "$root"
  if ! built="$(verify "$root" "$v" 2>&1)"; then
    say "CPython $v from $root does not work: ${built##*$'\n'}"
    rm -rf "$root"
    continue
  fi
  good+=("$v")
  say "CPython $v works: ${built#* } (Debian $SUITE $(basename "$(deb "python$v-minimal")" .deb | cut -d_ -f2)), $((SECONDS - start)) s so far"
done

status=0
for v in "${VERSIONS[@]}"; do
  if [[ " ${good[*]} " == *" $v "* ]]; then
    echo "$CACHE/$v/usr/bin/python$v"
  else
    say "CPython $v is not available (the reason is above)"
    status=1
  fi
done
[[ -z "${work:-}" ]] || say "done in $((SECONDS - start)) s"
exit $status
