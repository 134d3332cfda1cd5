#!/usr/bin/env bash
# Builds ALOR Studio's Linux packages into target/installers/:
#   alor-studio/                                 the jpackage app-image (bin/alor-studio desktop, bin/alor CLI)
#   alor-studio-<version>-linux-x86_64.tar.gz    the portable app-image
#   alor-studio_<version>_amd64.deb              the Debian package (installs into /opt/alor-studio)
# from a jlink runtime holding only the JDK and JavaFX modules the app needs, the app's jars, the sample
# project with its tiny CLIP and its open corpus, and the app icon.
#
# Usage: installers/linux/build.sh [--skip-maven] [--app-image-only] [--ci] [--jdeps-all]
#   --skip-maven      reuse target/*.jar and target/classpath.txt from an earlier `mvn package`
#   --app-image-only  stop after the app-image (no .tar.gz, no .deb)
#   --ci              app-image and .deb only, the .deb gzip -1 instead of xz (same content, built in
#                     seconds instead of minutes; for .ci/installers-smoke, not for release)
#   --jdeps-all       find the JDK modules with jdeps in every jar, not only the app's (after a pom change)
# Needs: JDK 17 with jmods (jlink, jdeps, jpackage), Maven, dpkg-deb and fakeroot for the .deb.
set -euo pipefail
cd "$(dirname "$0")/../.."

skip_maven=false
image_only=false
ci=false
jdeps_all=false
for a in "$@"; do
  case "$a" in
    --skip-maven) skip_maven=true ;;
    --app-image-only) image_only=true ;;
    --ci) ci=true ;;
    --jdeps-all) jdeps_all=true ;;
    -h|--help) sed -n '2,16p' "$0"; exit 0 ;;
    *) echo "build.sh: unknown option $a (see --help)" >&2; exit 2 ;;
  esac
done

fail() { echo "build.sh: $*" >&2; exit 1; }
t0=$(date +%s)
step() { echo "build.sh: $* ($(( $(date +%s) - t0 )) s)"; }

NAME=alor-studio
VERSION=$(sed -n 's:.*<version>\([0-9][0-9.]*\)\(-SNAPSHOT\)\{0,1\}</version>.*:\1:p' pom.xml | head -1)
[ -n "$VERSION" ] || fail "could not read the project version from pom.xml"
JAVA_HOME=${JAVA_HOME:-$(dirname "$(dirname "$(readlink -f "$(command -v javac)")")")}
[ -d "$JAVA_HOME/jmods" ] || fail "no jmods in $JAVA_HOME (jlink needs a full JDK 17; set JAVA_HOME)"
for tool in jlink jdeps jpackage; do [ -x "$JAVA_HOME/bin/$tool" ] || fail "$JAVA_HOME/bin/$tool missing"; done

if ! $skip_maven; then
  step "mvn package"
  mvn -B -q -DskipTests package || fail "mvn package failed"
fi
APP_JAR=$(ls target/alor-studio-*.jar 2>/dev/null | head -1)
[ -f "$APP_JAR" ] && [ -f target/classpath.txt ] || fail "target/alor-studio-*.jar or target/classpath.txt missing (run without --skip-maven)"

step "staging the jars"
OUT=target/installers
STAGE=$OUT/stage
rm -rf "$OUT"
mkdir -p "$STAGE/input" "$STAGE/fx"

# JavaFX's Maven jars (the -linux ones carry the natives) go into the runtime as modules; every other jar
# stays on the class path exactly as `target/alor` runs it.
classpath=()
while IFS= read -r jar || [ -n "$jar" ]; do
  [ -n "$jar" ] || continue
  case "$jar" in
    */org/openjfx/*-linux.jar) cp "$jar" "$STAGE/fx/" ;;
    */org/openjfx/*) ;;   # the empty platform-less JavaFX jars
    *) cp "$jar" "$STAGE/input/"; classpath+=("$STAGE/input/$(basename "$jar")") ;;
  esac
done < <(tr ':' '\n' < target/classpath.txt)
cp "$APP_JAR" "$STAGE/input/$NAME.jar"
ls "$STAGE"/fx/*.jar >/dev/null 2>&1 || fail "no JavaFX -linux jars in target/classpath.txt"

# Only the modules the app needs: installers/linux/jdk-modules.txt (jdeps over every jar, plus modules reached by
# reflection or service loading: TLS for the GPU download, Unsafe for JNA/gson, zipfs) joined with what jdeps finds
# in the app's own jar now. --jdeps-all re-derives the list from every jar (slow, ~2 min: after a pom change).
fx_path=$(ls "$STAGE"/fx/*.jar | paste -sd:)
modules=$(grep -v '^#' installers/linux/jdk-modules.txt | paste -sd,)
roots=("$STAGE/input/$NAME.jar")
$jdeps_all && roots+=("${classpath[@]}")
for jar in "${roots[@]}"; do
  # per jar: some modular jars name optional modules that are absent, which stops a single jdeps run
  found=$("$JAVA_HOME/bin/jdeps" --ignore-missing-deps --print-module-deps --multi-release 17 -q \
          --module-path "$fx_path" "$jar" 2>/dev/null || true)
  [ -n "$found" ] && modules="$modules,$found"
done
modules=$(echo "$modules" | tr ',' '\n' | sort -u | paste -sd,)
echo "jlink modules: $modules"

step "jlink"
"$JAVA_HOME/bin/jlink" --module-path "$JAVA_HOME/jmods:$fx_path" --add-modules "$modules" \
  --strip-debug --no-header-files --no-man-pages --compress=2 --output "$STAGE/runtime" \
  || fail "jlink failed"

# The sample project: the synthetic-aves world, its tiny CLIP and its open corpus (generated here once, so
# the installed app never writes into its own read-only folder).
step "sample project and its corpus"
cp -a sample-data "$STAGE/input/sample-data"
target/alor synth --ensure-corpus "$STAGE/input/sample-data/synthetic-aves" >/dev/null \
  || fail "could not generate the sample corpus (target/alor synth --ensure-corpus)"

# -Dai.djl.offline=true: libtorch comes from the bundled pytorch-native-cpu jar, never from the network
# (Settings → "Use an NVIDIA GPU" or `alor doctor --gpu` turn on the CUDA download explicitly).
common_opts=(--java-options '-Dai.djl.offline=true' --java-options '-Dalor.sampleData=$APPDIR/sample-data')
cat > "$STAGE/alor.properties" <<EOF
main-class=org.alor.cli.AlorCli
java-options=-Xmx6g -Dai.djl.offline=true -Dalor.sampleData=\$APPDIR/sample-data -Djava.awt.headless=true
win-console=true
linux-shortcut=false
EOF

step "jpackage app-image"
"$JAVA_HOME/bin/jpackage" --type app-image --dest "$OUT" --name "$NAME" --app-version "$VERSION" \
  --vendor "ALOR Studio" --description "Active Learning with Open Resources: label image datasets with CLIP" \
  --input "$STAGE/input" --main-jar "$NAME.jar" --main-class org.alor.app.AlorApp \
  --runtime-image "$STAGE/runtime" --icon assets/icons/alor-studio.png \
  --java-options '-Xmx4g' "${common_opts[@]}" \
  --add-launcher "alor=$STAGE/alor.properties" || fail "jpackage app-image failed"
echo "app-image: $OUT/$NAME ($(du -sh "$OUT/$NAME" | cut -f1))"
$image_only && exit 0

step "tar.gz"
$ci || tar -C "$OUT" -czf "$OUT/$NAME-$VERSION-linux-x86_64.tar.gz" "$NAME" || fail "tar of the app-image failed"

step "jpackage deb"
if $ci; then export DPKG_DEB_COMPRESSOR_TYPE=gzip DPKG_DEB_COMPRESSOR_LEVEL=1; fi
command -v dpkg-deb >/dev/null && command -v fakeroot >/dev/null || fail "dpkg-deb and fakeroot are needed for the .deb"
"$JAVA_HOME/bin/jpackage" --type deb --dest "$OUT" --name "$NAME" --app-version "$VERSION" \
  --vendor "ALOR Studio" --description "Active Learning with Open Resources: label image datasets with CLIP" \
  --app-image "$OUT/$NAME" --linux-package-name "$NAME" --linux-shortcut --linux-menu-group Science \
  --linux-app-category science --icon assets/icons/alor-studio.png \
  --resource-dir installers/linux/resources || fail "jpackage deb failed"

rm -rf "$STAGE"
step "done"
ls -l "$OUT"/*.deb $($ci || echo "$OUT"/*.tar.gz)
