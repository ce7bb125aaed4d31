"""Prints DataMigrate's and sqlglot's front-end measurements side by side (JSON lines on stdin)."""
import json
import sys

lines = [json.loads(line) for line in sys.stdin if line.startswith("{")]
rows = [r for r in lines if "objects" not in r]
translations = [r for r in lines if "objects" in r]
by_corpus = {}
for row in rows:
    by_corpus.setdefault(row["corpus"], {})[row["tool"].split(" ")[0] + ("-reader" if "reader" in row["tool"] else "")] = row

print("stmts: statements parsed into a tree; failed: statements (ours) or whole batches (sqlglot) not parsed;")
print("opaque: statements sqlglot kept only as text (exp.Command fallback)")
print(f"{'corpus':<18} {'tool':<26} {'batches':>7} {'stmts':>6} {'opaque':>6} {'failed':>6} {'ms':>9} {'stmts/s':>10} {'MB/s':>7}")
for corpus, tools in by_corpus.items():
    for row in tools.values():
        seconds = row["seconds"]
        failed = row.get("failed_statements", row.get("failed_batches", 0))
        print(f"{corpus:<18} {row['tool']:<26} {row['batches']:>7} {row['statements']:>6} {row.get('opaque_statements', 0):>6} {failed:>6} "
              f"{seconds * 1000:>9.1f} {row['statements'] / seconds:>10.0f} {row['bytes'] / seconds / 1e6:>7.2f}")
    ours, theirs = tools.get("datamigrate"), tools.get("sqlglot")
    if ours and theirs:
        print(f"{corpus:<18} speed-up (MB/s, parser vs sqlglot): {theirs['seconds'] / ours['seconds']:.1f}x")

print()
print("translation of views, functions and procedures to PostgreSQL (ours: parse + resolve + translate")
print("+ render, 'done' = models written; sqlglot: transpile, which does not resolve names against a catalog and")
print("counts any output as done)")
print(f"{'corpus':<18} {'tool':<30} {'objs':>5} {'done':>5} {'ms':>9} {'objects/s':>10}")
by = {}
for row in translations:
    by.setdefault(row["corpus"], []).append(row)
    print(f"{row['corpus']:<18} {row['tool']:<30} {row['objects']:>5} {row['translated']:>5} "
          f"{row['seconds'] * 1000:>9.2f} {row['objects'] / row['seconds']:>10.0f}")
for corpus, pair in by.items():
    ours = [r for r in pair if r["tool"].startswith("datamigrate")]
    theirs = [r for r in pair if r["tool"].startswith("sqlglot")]
    if ours and theirs:
        print(f"{corpus:<18} speed-up (objects/s, ours vs sqlglot transpile): {theirs[0]['seconds'] / ours[0]['seconds']:.1f}x")
