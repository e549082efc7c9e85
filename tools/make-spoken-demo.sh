#!/usr/bin/env bash
# Makes the spoken demonstration video: espeak-ng reads the seed description's paragraphs (the text of
# tests/Course.Core.Tests/Seed/sciatica-tutorial.txt, which copies shared/seed) over one titled slide per
# paragraph, and the captions are written from the same sentences and their measured timings.
#   tools/make-spoken-demo.sh [folder]   (default: a temporary folder; prints where it wrote)
# Writes spoken-demo.webm (VP9 + Opus, 320x180, ~200 KB), spoken-demo.en.vtt and description.txt (the
# description with its table of contents). To seed them: copy the .webm to src/Course.Web/wwwroot/media/,
# then with the site running create the video from description.txt, PUT the .vtt as its English captions and
# publish (see the README's "Captions" section); the site writes its uSync file.
# Needs Debian's espeak-ng, ffmpeg and fonts-dejavu-core (installed here with apt-get when missing, as root).
set -euo pipefail

repo="$(cd "$(dirname "$0")/.." && pwd)"
out="${1:-$(mktemp -d)}"
mkdir -p "$out"
font=/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf
seed="$repo/tests/Course.Core.Tests/Seed/sciatica-tutorial.txt"

if ! command -v espeak-ng >/dev/null || ! command -v ffmpeg >/dev/null || [[ ! -f "$font" ]]; then
  apt-get update -q && apt-get install -y -q espeak-ng ffmpeg fonts-dejavu-core
fi

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# Chapter titles, one per paragraph read: the opening paragraph, then the four after the table of contents.
python3 - "$seed" "$work" "$out" <<'PY'
import re, subprocess, sys, wave

seed, work, out = sys.argv[1:4]
lines = [l.strip() for l in open(seed, encoding="utf-8").read().splitlines()]
toc_end = max(i for i, l in enumerate(lines) if re.match(r"^\d+:\d\d ", l))
paragraphs = [lines[2]] + [l for l in lines[toc_end + 1:] if l]
titles = ["Clients with shooting leg pain", "Always ask about the hips", "A kinder approach to sensitivity",
          "Angles, not knots", "Your own tips"]
assert len(paragraphs) == len(titles), paragraphs

def clauses(paragraph):
    """Sentences, long ones cut at a comma or colon, so that a caption stays two short lines."""
    for sentence in re.split(r"(?<=[.!?])\s+", paragraph):
        parts, current = [], ""
        for piece in re.split(r"(?<=[,:])\s+", sentence):
            if current and len(current) + len(piece) > 80:
                parts.append(current)
                current = piece
            else:
                current = f"{current} {piece}".strip()
        parts.append(current)
        yield from parts

rate, gap, frames, cues, chapters = None, 0.3, [], [], []
def silence(seconds):
    frames.append(b"\0\0" * int(round(seconds * rate)))
def now():
    return sum(len(f) for f in frames) / 2 / rate

n = 0
for title, paragraph in zip(titles, paragraphs):
    if rate:  # each chapter starts on a whole second, a second after the last words
        silence(1.0)
        silence(-now() % 1)
    for clause in clauses(paragraph):
        wav = f"{work}/{n}.wav"
        subprocess.run(["espeak-ng", "-v", "en-us", "-s", "165", "-w", wav, clause], check=True)
        with wave.open(wav) as w:
            rate = rate or w.getframerate()
            assert w.getframerate() == rate and w.getsampwidth() == 2 and w.getnchannels() == 1
            if not chapters or chapters[-1][1] != title:
                chapters.append((round(now()), title))
            start = now()
            frames.append(w.readframes(w.getnframes()))
            cues.append((start, now(), clause))
        silence(gap)
        n += 1
silence(1.0)

with wave.open(f"{work}/speech.wav", "wb") as w:
    w.setnchannels(1); w.setsampwidth(2); w.setframerate(rate)
    w.writeframes(b"".join(frames))

def vtt_time(t):
    ms = int(round(t * 1000))
    return f"{ms // 3600000:02}:{ms // 60000 % 60:02}:{ms // 1000 % 60:02}.{ms % 1000:03}"
with open(f"{out}/spoken-demo.en.vtt", "w", encoding="utf-8", newline="\n") as f:
    f.write("WEBVTT\n")
    for start, end, text in cues:
        f.write(f"\n{vtt_time(start)} --> {vtt_time(end)}\n{text}\n")

total = now()
with open(f"{out}/description.txt", "w", encoding="utf-8", newline="\n") as f:
    f.write("The sciatica tutorial's approach in brief, read aloud with captions and a transcript.\n\n")
    f.write("Table of contents:\n")
    for start, title in chapters:
        f.write(f"{start // 60}:{start % 60:02} {title}\n")
with open(f"{work}/slides.txt", "w", encoding="utf-8") as f:
    for i, (start, title) in enumerate(chapters):
        end = chapters[i + 1][0] if i + 1 < len(chapters) else total
        f.write(f"{start}|{end - start:.3f}|{title}\n")
print(f"{len(cues)} cues, {len(chapters)} chapters, {total:.1f} s")
PY

colours=(0x1f3a5f 0x5f1f3a 0x1f5f3a 0x5f4a1f 0x3a1f5f)
inputs=()
filters=""
joined=""
i=0
while IFS='|' read -r start length title; do
  inputs+=(-f lavfi -i "color=c=${colours[$i]}:s=320x180:r=2:d=$length")
  printf '%d:%02d' $((start / 60)) $((start % 60)) >"$work/$i-time.txt"
  chain="[$i:v]drawtext=fontfile=$font:textfile=$work/$i-time.txt:expansion=none:fontcolor=white:fontsize=26:x=(w-tw)/2:y=26"
  line=0
  while IFS= read -r text; do
    printf '%s' "$text" >"$work/$i-line$line.txt"
    chain+=",drawtext=fontfile=$font:textfile=$work/$i-line$line.txt:expansion=none:fontcolor=white:fontsize=20:x=(w-tw)/2:y=$((80 + line * 28))"
    line=$((line + 1))
  done < <(fold -s -w 24 <<<"$title" | sed 's/ *$//')
  filters+="$chain[v$i];"
  joined+="[v$i]"
  i=$((i + 1))
done <"$work/slides.txt"
filters+="${joined}concat=n=$i:v=1:a=0,format=yuv420p[out]"

# bitexact: the same ffmpeg and espeak-ng give the same bytes.
ffmpeg -hide_banner -loglevel error -y "${inputs[@]}" -i "$work/speech.wav" -filter_complex "$filters" \
  -map "[out]" -map "$i:a" -c:v libvpx-vp9 -b:v 0 -crf 45 -g 10 -deadline good -cpu-used 4 \
  -c:a libopus -b:a 12k -ac 1 -shortest -fflags +bitexact -flags:v +bitexact -flags:a +bitexact "$out/spoken-demo.webm"
ffprobe -v error -show_entries format=duration,size -of default=noprint_wrappers=1 "$out/spoken-demo.webm"
echo "wrote $out"
