#!/usr/bin/env python3
"""Learn the general-domain sentiment backoff lexicon (lexicons/fi/sentiment-general.tsv) from FinnSentiment.

Only splits 2-20 are read (split 1 is the held-out test split). Two logistic regressions over Voikko lemmas,
positive-vs-rest and negative-vs-rest, trained with plain SGD and L2 (no third-party packages). The classifier
uses the table only when the curated lexicon gives a comment no label at all.

usage: scripts/train-general-sentiment.py ../shared/data/finnsentiment/finnsentiment.jsonl lexicons/fi/sentiment-general.tsv
"""
import functools, json, math, random, re, sys
sys.path.append("/usr/lib/python3/dist-packages")
import libvoikko

WORD = re.compile(r"[^\W\d_]+(?:[-'][^\W\d_]+)*", re.UNICODE)
voikko = libvoikko.Voikko("fi")

@functools.lru_cache(maxsize=1 << 20)
def lemma(word):
    a = voikko.analyze(word)
    return a[0].get("BASEFORM", word).lower() if a else re.sub(r"(.)\1{2,}", r"\1", word.lower())

def features(text):
    return sorted({lemma(w) for w in WORD.findall(text or "")})

def train(rows, target, epochs=12, lr=0.15, l2=2e-5, seed=1):
    rnd = random.Random(seed)
    w, b = {}, 0.0
    pos = sum(1 for _, y in rows if y == target)
    # Balance the classes: the rare class weighs as much as the rest together.
    cw = {True: len(rows) / (2 * pos), False: len(rows) / (2 * (len(rows) - pos))}
    order = list(range(len(rows)))
    for ep in range(epochs):
        rnd.shuffle(order)
        rate = lr / (1 + ep)
        for i in order:
            f, y = rows[i]
            t = 1.0 if y == target else 0.0
            z = b + sum(w.get(x, 0.0) for x in f)
            p = 1 / (1 + math.exp(-max(-30, min(30, z))))
            g = (p - t) * cw[t == 1.0]
            b -= rate * g
            for x in f:
                w[x] = w.get(x, 0.0) * (1 - rate * l2) - rate * g
    return w, b

def main(src, dst):
    data = [json.loads(l) for l in open(src, encoding="utf-8")]
    rows = [(features(d["text"]), d["sentiment"]) for d in data if d.get("split") != 1]
    counts = {}
    for f, _ in rows:
        for x in f:
            counts[x] = counts.get(x, 0) + 1
    rows = [([x for x in f if counts[x] >= 3], y) for f, y in rows]
    wp, bp = train(rows, "positive")
    wn, bn = train(rows, "negative")
    keep = sorted(x for x in set(wp) | set(wn) if abs(wp.get(x, 0)) >= 0.05 or abs(wn.get(x, 0)) >= 0.05)
    with open(dst, "w", encoding="utf-8") as out:
        out.write("# Learned general-domain sentiment backoff: logistic-regression weights per Voikko lemma, from\n")
        out.write("# FinnSentiment splits 2-20 (split 1 held out) by scripts/train-general-sentiment.py. Do not edit by\n")
        out.write("# hand: retrain. Used only when the curated lexicon gives a comment no label. (bias) is the intercept.\n")
        out.write("lemma\tpositive\tnegative\n")
        out.write(f"(bias)\t{bp:.4f}\t{bn:.4f}\n")
        for x in keep:
            if "\t" in x or not x.strip():
                continue
            out.write(f"{x}\t{wp.get(x, 0):.4f}\t{wn.get(x, 0):.4f}\n")
    # In-sample figures for the log.
    def predict(f):
        zp = bp + sum(wp.get(x, 0) for x in f)
        zn = bn + sum(wn.get(x, 0) for x in f)
        if max(zp, zn) <= 0:
            return "neutral"
        return "positive" if zp >= zn else "negative"
    conf = {}
    for f, y in rows:
        p = predict(f)
        conf.setdefault(y, {}).setdefault(p, 0)
        conf[y][p] += 1
    f1s = []
    for c in ("positive", "negative", "neutral"):
        tp = conf.get(c, {}).get(c, 0)
        fp = sum(conf[g].get(c, 0) for g in conf) - tp
        fn = sum(conf.get(c, {}).values()) - tp
        f1s.append(0 if tp == 0 else 2 * tp / (2 * tp + fp + fn))
    print(f"{len(keep)} lemmas; training macro-F1 {sum(f1s) / 3:.3f}", file=sys.stderr)

if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
