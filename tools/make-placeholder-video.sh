#!/usr/bin/env bash
# Makes the placeholder for the seeded video: 21 minutes, one titled slide per chapter (the chapters of
# uSync/v17/Content/sciatica-myofascial-release-techniques.config), 320x180 at 1 fps, VP9 in WebM with
# a keyframe every 10 s so that seeking to any chapter is quick; then its pictures beside it (see
# Course.Web/Media/VideoPictures.cs): a poster and a frame at each chapter's start, as small JPEGs in
# {output stem}.pictures/. Needs Debian's ffmpeg and DejaVu fonts; the site never runs ffmpeg itself.
#   tools/make-placeholder-video.sh [output]   (default: src/Course.Web/wwwroot/media/sciatica-myofascial-release.webm)
set -euo pipefail

repo="$(cd "$(dirname "$0")/.." && pwd)"
output="${1:-$repo/src/Course.Web/wwwroot/media/sciatica-myofascial-release.webm}"
font=/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf
duration=1260

# start seconds|title|background
chapters=(
  "0|Introduction|0x1f3a5f"
  "23|What is sciatica? What are the symptoms?|0x5f1f3a"
  "45|Sciatic nerve anatomy|0x1f5f3a"
  "80|Relevant gluteal landmarks|0x5f4a1f"
  "278|Incorporating sciatica massage into your sessions|0x3a1f5f"
  "310|Undraping the hip|0x1f5a5f"
  "325|Working with touch sensitivy, using the “myofascial angle”|0x6a2f1f"
  "360|Myofascial release from superior to inferior|0x2f4f1f"
  "430|Working with the fascia|0x4f1f5f"
  "530|Including the lateral pelvis and low back|0x1f3f6a"
  "638|Treatment duration|0x5f5f1f"
  "672|Myofascial release from inferior to superior|0x1f4f4f"
  "795|Body mechanics for lazy myofascial release|0x6a1f4a"
  "820|Working with the lateral pelvis|0x3a5f1f"
  "880|Using open fists for myofascial release|0x2a2a6a"
  "960|Working with the hip rotators longitudinally|0x6a3a1f"
  "1104|Pin and stretch for the external hip rotators (gluteus maximus, piriformis, etc)|0x1f6a5a"
  "1200|Working with the hip in abduction|0x4a4a4a"
)

[[ -f "$font" ]] || { echo "missing font $font (apt-get install fonts-dejavu-core)" >&2; exit 1; }
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

inputs=()
filters=""
joined=""
for i in "${!chapters[@]}"; do
  IFS='|' read -r start title colour <<<"${chapters[$i]}"
  next=$duration
  if (( i + 1 < ${#chapters[@]} )); then next="${chapters[$((i + 1))]%%|*}"; fi
  inputs+=(-f lavfi -i "color=c=${colour}:s=320x180:r=1:d=$((next - start))")

  # Text goes through files so that quotes, question marks and parentheses need no escaping.
  printf '%d:%02d' $((start / 60)) $((start % 60)) >"$work/$i-time.txt"
  chain="[$i:v]drawtext=fontfile=$font:textfile=$work/$i-time.txt:expansion=none:fontcolor=white:fontsize=30:x=(w-tw)/2:y=22"
  line=0
  while IFS= read -r text; do
    printf '%s' "$text" >"$work/$i-line$line.txt"
    chain+=",drawtext=fontfile=$font:textfile=$work/$i-line$line.txt:expansion=none:fontcolor=white:fontsize=17:x=(w-tw)/2:y=$((72 + line * 24))"
    line=$((line + 1))
  done < <(fold -s -w 26 <<<"$title" | sed 's/ *$//')
  filters+="$chain[v$i];"
  joined+="[v$i]"
done
filters+="${joined}concat=n=${#chapters[@]}:v=1:a=0,format=yuv420p[out]"

mkdir -p "$(dirname "$output")"
# bitexact: the same ffmpeg gives the same bytes, so rerunning the script changes nothing in git.
ffmpeg -hide_banner -loglevel error -y "${inputs[@]}" -filter_complex "$filters" -map "[out]" \
  -c:v libvpx-vp9 -b:v 0 -crf 40 -g 10 -deadline good -cpu-used 4 -an -fflags +bitexact -flags:v +bitexact "$output"
ffprobe -v error -show_entries format=duration,size -of default=noprint_wrappers=1 "$output"

# Pictures: a frame half a second into each chapter (its own slide, not the previous one's last frame).
pictures="${output%.*}.pictures"
mkdir -p "$pictures"
still() { ffmpeg -hide_banner -loglevel error -y -ss "$1" -i "$output" -frames:v 1 -q:v 5 -fflags +bitexact -flags:v +bitexact "$2"; }
still 0.5 "$pictures/poster.jpg"
for entry in "${chapters[@]}"; do
  start="${entry%%|*}"
  still "$start.5" "$pictures/chapter-$start.jpg"
done
du -sh "$pictures"
