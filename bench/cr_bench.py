"""cr_bench - shared helpers for the text benchmarks in bench/.

Finds and runs bench/cr-analyze (the analyser on JSON lines; built by
meson, never installed), maps its byte offsets to character offsets, and
describes the machine. It builds nothing: set $CR_ANALYZE to the binary,
else ./build/bench/cr-analyze under the source tree is used.
"""
import json
import os
import platform
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SHARED = os.path.join(ROOT, '..', 'shared', 'data')


def analyzer_path():
    """The cr-analyze binary: $CR_ANALYZE or build/bench/cr-analyze."""
    p = os.environ.get('CR_ANALYZE') or os.path.join(ROOT, 'build', 'bench',
                                                      'cr-analyze')
    if not os.access(p, os.X_OK):
        sys.exit('no cr-analyze at %s: build it (ninja -C build) or set '
                 'CR_ANALYZE' % p)
    return p


def run_analyze(records, timed=False):
    """Runs cr-analyze on records ({"id", "text", "dct"}); returns its
    outputs in the same order."""
    args = [analyzer_path()] + (['--time'] if timed else [])
    data = ''.join(json.dumps(r) + '\n' for r in records)
    out = subprocess.run(args, input=data.encode('utf-8'),
                         stdout=subprocess.PIPE, check=True).stdout
    res = [json.loads(l) for l in out.decode('utf-8').splitlines() if l]
    if len(res) != len(records):
        sys.exit('cr-analyze gave %d results for %d records'
                 % (len(res), len(records)))
    return res


class CharMap:
    """Maps byte offsets of a text's UTF-8 form to character offsets."""

    def __init__(self, text):
        self.b2c = {}
        b = 0
        for i, ch in enumerate(text):
            self.b2c[b] = i
            b += len(ch.encode('utf-8'))
        self.b2c[b] = len(text)

    def __call__(self, byte_off):
        return self.b2c[byte_off]


def machine():
    """One line saying what this runs on."""
    cpu = platform.processor() or platform.machine()
    try:
        with open('/proc/cpuinfo') as f:
            for line in f:
                if line.startswith('model name'):
                    cpu = line.split(':', 1)[1].strip()
                    break
    except OSError:
        pass
    return '%s, %s, %d cores, Python %s' % (
        platform.machine(), cpu, os.cpu_count() or 1,
        platform.python_version())


def prf(tp_p, n_sys, tp_r, n_gold):
    """Precision, recall and F1 from matched counts (0 when undefined)."""
    p = tp_p / n_sys if n_sys else 0.0
    r = tp_r / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def spread(items, n):
    """n items spread evenly over the list (not just its start)."""
    if n <= 0 or not items:
        return []
    step = max(1, len(items) // n)
    return items[::step][:n]
