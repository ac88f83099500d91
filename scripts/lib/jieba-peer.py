"""Segments standard input with Python jieba, one line in, one line out.

The peer for `npm run eval`: the ordinary `jieba.cut(line)` with default settings (accurate
mode, HMM on), words joined by single spaces. With --pos, `jieba.posseg.cut(line)` instead,
each word written as word/flag (the peer for names: nr, ns and nt read as PER, LOC, ORG). Run it with /usr/bin/python3 and Debian's
python3-jieba. Exit status 3 means jieba is not importable, so the caller can skip the peer.
"""

import sys

try:
    import jieba
except ImportError:
    sys.stderr.write("jieba-peer: python jieba is not installed (apt-get install python3-jieba)\n")
    sys.exit(3)


def main():
    jieba.setLogLevel(60)  # silence the "Building prefix dict" chatter on stderr
    jieba.initialize()
    stdin = open(sys.stdin.fileno(), encoding="utf-8", newline="\n")
    stdout = open(sys.stdout.fileno(), "w", encoding="utf-8", newline="\n")
    pos = "--pos" in sys.argv[1:]
    if pos:
        from jieba import posseg
    for line in stdin:
        line = line.rstrip("\r\n")
        if pos:
            words = [p.word + "/" + p.flag for p in posseg.cut(line) if not p.word.isspace()]
        else:
            words = [w for w in jieba.cut(line) if not w.isspace()]
        stdout.write(" ".join(words))
        stdout.write("\n")
    stdout.flush()


if __name__ == "__main__":
    main()
