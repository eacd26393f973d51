"""Brings each project's .PublicAPI/PublicAPI.Unshipped.txt in line with a build: adds undeclared public symbols (RS0016),
removes declared ones that are gone (RS0017). Usage: python3 eng/public-api-fix.py <project or solution>. Review the diff:
every added line is public API you ship."""
import os, re, subprocess, sys
out = subprocess.run(["dotnet", "build", sys.argv[1], "--no-incremental"], capture_output=True, text=True).stdout
add, remove, other = {}, {}, set()
for line in out.splitlines():
    m = re.search(r"error RS0016: Symbol '(.*)' is not part of the declared public API.*\[(.+\.csproj)\]", line)
    if m:
        add.setdefault(os.path.join(os.path.dirname(m.group(2)), ".PublicAPI", "PublicAPI.Unshipped.txt"), set()).add(m.group(1))
        continue
    m = re.search(r"^(.+PublicAPI\.Unshipped\.txt)\(\d+,\d+\): error RS0017: Symbol '(.*)' is part of the declared API", line.strip())
    if m:
        remove.setdefault(m.group(1), set()).add(m.group(2))
        continue
    if re.search(r"error [A-Z]+\d+", line):
        other.add(line.strip()[:300])
for f in set(add) | set(remove):
    lines = open(f).read().splitlines()
    lines = [l for l in lines if l not in remove.get(f, set())]
    lines += sorted(s for s in add.get(f, set()) if s not in lines)
    open(f, "w").write("\n".join(lines) + "\n")
print("\n".join(sorted(other)[:40]))
