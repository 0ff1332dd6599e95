#!/usr/bin/python3
"""peer_stream_sklearn - the scikit-learn baseline of bench/stream-speed.

Usage: /usr/bin/python3 bench/peer_stream_sklearn.py [-n N] STREAM.jsonl

Online story clustering of the same stream, in the same order, the
classic sparse way: scikit-learn's HashingVectorizer (2^20 features,
English stop words, title and text) turns each batch of 4096 articles
into term counts; weights are sublinear TF times an IDF from document
frequencies counted online (so far in the stream), L2-normalised. Each
article joins the active story whose centroid is nearest by cosine when
that reaches the threshold (0.2), else opens a story. Candidates come
from an inverted index term -> active stories over the article's 32
heaviest terms (postings capped at the 256 newest stories), and stories
idle for 7 days leave it: the same shape of work as crossread's, so the
peer is not naive. It does no cleaning, analysis or copy detection.

Prints "key: value" lines; the last is "articles/s: X" (reading,
vectorising and clustering; CPU time of the process, as cr-stream
reports, and wall time beside it). Needs Debian's python3-sklearn.
"""
import heapq
import json
import math
import sys
import time
from datetime import datetime

import numpy as np
from sklearn.feature_extraction.text import HashingVectorizer

THRESHOLD = 0.2
WINDOW = 7 * 86400
TOP_TERMS = 32
POSTING_MAX = 256
BATCH = 4096
CENTROID_TERMS = 200


def parse_time(s):
    if not s:
        return None
    try:
        return datetime.fromisoformat(s.replace('Z', '+00:00')).timestamp()
    except ValueError:
        return None


def main():
    args = sys.argv[1:]
    limit = None
    if len(args) >= 2 and args[0] == '-n':
        limit = int(args[1])
        args = args[2:]
    if len(args) != 1:
        sys.exit('usage: peer_stream_sklearn.py [-n N] STREAM.jsonl')
    c0, w0 = time.process_time(), time.perf_counter()
    vec = HashingVectorizer(n_features=1 << 20, stop_words='english',
                            alternate_sign=False, norm=None)
    df = np.zeros(1 << 20, dtype=np.float64)
    ndocs = 0
    centroid = []   # story -> {term: weight}
    norm2 = []      # story -> squared norm of its centroid
    last = []       # story -> last time
    postings = {}   # term -> list of stories, oldest first
    active = []     # heap of (last time, story) to expire
    n = 0
    f = open(args[0], encoding='utf-8')
    done = False
    while not done:
        recs = []
        for line in f:
            recs.append(json.loads(line))
            if len(recs) == BATCH or (limit and n + len(recs) >= limit):
                break
        if not recs:
            break
        if limit and n + len(recs) >= limit:
            done = True
        X = vec.transform([(r.get('title') or '') + '\n' + r['text']
                           for r in recs]).tocsr()
        for i, r in enumerate(recs):
            lo, hi = X.indptr[i], X.indptr[i + 1]
            idx = X.indices[lo:hi]
            tf = X.data[lo:hi]
            ndocs += 1
            df[idx] += 1
            w = (1 + np.log(tf)) * np.log((1 + ndocs) / (1 + df[idx]))
            nw = math.sqrt(float(w @ w)) or 1.0
            w = w / nw
            t = parse_time(r.get('published'))
            now = t if t is not None else 0
            # Expire idle stories.
            while active and active[0][0] < now - WINDOW:
                lt, s = heapq.heappop(active)
                if last[s] == lt:
                    last[s] = None
            order = np.argsort(-w)[:TOP_TERMS]
            vecd = dict(zip(idx.tolist(), w.tolist()))
            cands = set()
            for j in order:
                for s in postings.get(int(idx[j]), ()):
                    if last[s] is not None:
                        cands.add(s)
            best, score = -1, 0.0
            for s in cands:
                c = centroid[s]
                dot = sum(v * c.get(k, 0.0) for k, v in vecd.items())
                sc = dot / math.sqrt(norm2[s])
                if sc > score:
                    best, score = s, sc
            if best < 0 or score < THRESHOLD:
                best = len(centroid)
                centroid.append({})
                norm2.append(0.0)
                last.append(now)
            c = centroid[best]
            for k, v in vecd.items():
                c[k] = c.get(k, 0.0) + v
            if len(c) > 2 * CENTROID_TERMS:
                keep = heapq.nlargest(CENTROID_TERMS, c.items(),
                                      key=lambda kv: kv[1])
                c = centroid[best] = dict(keep)
            norm2[best] = sum(v * v for v in c.values()) or 1e-12
            last[best] = now
            heapq.heappush(active, (now, best))
            for j in order:
                p = postings.setdefault(int(idx[j]), [])
                if not p or p[-1] != best:
                    p.append(best)
                    if len(p) > POSTING_MAX:
                        del p[0]
            n += 1
    f.close()
    cpu, wall = time.process_time() - c0, time.perf_counter() - w0
    print(f'articles: {n}')
    print(f'stories: {len(centroid)}')
    print(f'seconds-cpu: {cpu:.3f}')
    print(f'seconds-wall: {wall:.3f}')
    print(f'articles/s: {n / cpu:.0f}' if cpu > 0 else 'articles/s: inf')


if __name__ == '__main__':
    main()
