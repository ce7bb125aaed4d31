"""Prints DataMigrate's and sqlglot's front-end measurements side by side (JSON lines on stdin)."""
import json
import sys

rows = [json.loads(line) for line in sys.stdin if line.startswith("{")]
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
