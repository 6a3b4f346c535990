# Sourced by action.yml's steps: the `paths` input (POLICYLINT_PATHS) as the array `paths`, every entry handed to
# policylint as written. Unquoted expansion let bash glob "legal/**/*.md" itself (without globstar: one level only,
# so files were dropped silently) and split file names at spaces.
set -f
paths=()
mapfile -t lines <<< "$POLICYLINT_PATHS"
nonempty=()
for line in "${lines[@]}"; do
  line="${line#"${line%%[![:space:]]*}"}"
  line="${line%"${line##*[![:space:]]}"}"
  [ -n "$line" ] && nonempty+=("$line")
done
if [ "${#nonempty[@]}" -eq 1 ]; then
  # One line: the old form, several entries separated by spaces.
  read -r -a paths <<< "${nonempty[0]}"
else
  paths=("${nonempty[@]}")
fi
[ "${#paths[@]}" -gt 0 ] || paths=(.)
set +f
