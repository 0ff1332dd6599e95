#!/usr/bin/python3
"""peer_sklearn - the scikit-learn baseline that bench/throughput runs
beside crossread on the same articles.

Usage: /usr/bin/python3 bench/peer_sklearn.py FOLDER

It reads the same inputs (.txt: first line title, rest body; .jsonl: one
article per line with "text" and optional "title"), builds TF-IDF vectors
over title and text (English stop words), groups the articles online by
nearest centroid with a cosine threshold, and for each group prints the
sentence closest to its centroid. That is the classic sparse baseline
for story clustering and a one-sentence extractive summary; it does far
less than crossread (no cleaning, no entities, dates, quotes, copies or
conflicts), so the ratio it gives flatters the peer, not us.

The last line is "articles/s: X" (whole run: reading, vectorising,
clustering and summarising). Needs Debian's python3-sklearn.
"""
import json
import os
import re
import sys
import time

import numpy as np
from sklearn.feature_extraction.text import TfidfVectorizer

THRESHOLD = 0.2
SENT = re.compile(r"(?<=[.!?])\s+(?=[A-Z\"“])")


def read(folder):
    docs = []
    for root, dirs, files in os.walk(folder):
        dirs.sort()
        for f in sorted(files):
            p = os.path.join(root, f)
            if f.endswith((".jsonl", ".ndjson")):
                with open(p, encoding="utf-8", errors="replace") as fh:
                    for line in fh:
                        line = line.strip()
                        if not line:
                            continue
                        try:
                            o = json.loads(line)
                        except ValueError:
                            continue
                        docs.append((o.get("title") or "", o.get("text") or ""))
            elif f.endswith(".txt"):
                with open(p, encoding="utf-8", errors="replace") as fh:
                    t = fh.read().strip().split("\n", 1)
                docs.append((t[0], t[1] if len(t) > 1 else ""))
    return docs


def main():
    t0 = time.perf_counter()
    docs = read(sys.argv[1])
    texts = [t + "\n" + b for t, b in docs]
    vec = TfidfVectorizer(stop_words="english", sublinear_tf=True)
    X = vec.fit_transform(texts)
    # Centroid sums in one dense matrix that grows by doubling, so each
    # article costs one sparse-dense product: a fair, not a naive, peer.
    dims = X.shape[1]
    C = np.zeros((64, dims), dtype=np.float32)
    norms = np.zeros(64, dtype=np.float32)
    members = []
    for i in range(X.shape[0]):
        v = X[i]
        k = len(members)
        best, score = -1, 0.0
        if k:
            sims = (v @ C[:k].T).ravel() / np.maximum(norms[:k], 1e-9)
            best = int(np.argmax(sims))
            score = float(sims[best])
        if best < 0 or score < THRESHOLD:
            if k == C.shape[0]:
                C = np.vstack([C, np.zeros_like(C)])
                norms = np.concatenate([norms, np.zeros_like(norms)])
            best = k
            members.append([])
        C[best] += v.toarray().ravel()
        norms[best] = np.linalg.norm(C[best])
        members[best].append(i)
    centroids = [C[j] for j in range(len(members))]
    summaries = []
    for c, m in zip(centroids, members):
        sents = [s for i in m for s in SENT.split(docs[i][1]) if s.strip()]
        if not sents:
            continue
        S = vec.transform(sents)
        summaries.append(sents[int(np.argmax(S @ c))])
    dt = time.perf_counter() - t0
    print(f"stories: {len(members)}")
    print(f"articles: {len(docs)}")
    print(f"seconds: {dt:.3f}")
    print(f"articles/s: {len(docs) / dt:.0f}" if dt > 0 else "articles/s: inf")


if __name__ == "__main__":
    main()
