"""Parses the same T-SQL batches as DataMigrate's front-end benchmark with sqlglot (read="tsql").

Input: a JSON file written by the Java benchmark: {"corpus": {"batches": [...], "bytes": n}, ...}.
Output: one JSON object per corpus on stdout with statements, failures, bytes and seconds per iteration.
"""
import json
import sys
import time

import logging

import sqlglot
from sqlglot import exp
from sqlglot.errors import ErrorLevel

# sqlglot logs a warning for every statement it falls back to an opaque Command for; we count them instead
logging.getLogger("sqlglot").setLevel(logging.ERROR)


def parse_all(batches):
    """Statements parsed into a tree, statements kept only as opaque text (exp.Command), failed batches."""
    statements = 0
    opaque = 0
    failures = 0
    for batch in batches:
        try:
            parsed = sqlglot.parse(batch, read="tsql", error_level=ErrorLevel.RAISE)
            for tree in parsed:
                if tree is None:
                    continue
                if isinstance(tree, exp.Command):
                    opaque += 1
                else:
                    statements += 1
        except Exception:  # sqlglot raises several error types; every one is a failed batch here
            failures += 1
    return statements, opaque, failures


def transpile_all(objects):
    """Definitions (views, functions, procedures) transpiled T-SQL -> PostgreSQL without an error
    (sqlglot does not check the result)."""
    done = 0
    for definition in objects:
        try:
            sqlglot.transpile(definition, read="tsql", write="postgres", error_level=ErrorLevel.RAISE)
            done += 1
        except Exception:  # every sqlglot error type counts as an object not transpiled
            pass
    return done


def main():
    corpora = json.load(open(sys.argv[1], encoding="utf-8"))
    iterations = int(sys.argv[2]) if len(sys.argv) > 2 else 3
    objects_by_corpus = json.load(open(sys.argv[1] + ".views.json", encoding="utf-8"))
    for name, objects in objects_by_corpus.items():
        if not objects:
            continue
        transpile_all(objects)  # warm-up (CPython has no JIT; this fills sqlglot's caches)
        times = []
        done = 0
        for _ in range(iterations):
            start = time.perf_counter()
            done = transpile_all(objects)
            times.append(time.perf_counter() - start)
        print(json.dumps({"corpus": name, "tool": "sqlglot transpile " + sqlglot.__version__,
                          "objects": len(objects), "translated": done, "seconds": min(times)}))
    for name, corpus in corpora.items():
        batches = corpus["batches"]
        parse_all(batches)  # warm-up
        times = []
        result = (0, 0, 0)
        for _ in range(iterations):
            start = time.perf_counter()
            result = parse_all(batches)
            times.append(time.perf_counter() - start)
        best = min(times)
        print(json.dumps({"corpus": name, "tool": "sqlglot " + sqlglot.__version__, "batches": len(batches),
                          "statements": result[0], "opaque_statements": result[1], "failed_batches": result[2],
                          "bytes": corpus["bytes"],
                          "seconds": best}))


if __name__ == "__main__":
    main()
