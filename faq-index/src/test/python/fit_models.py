"""Fits the ranking and confidence models of faq-index and cross-validates them (hand-run, not part of the build).

Input: the tables the hand-run ``eval.Experiment`` writes -- /tmp/faq-features.tsv (the ranking features of every
candidate of every development question). Needs numpy and scipy.

Ranking: listwise softmax regression (one weight per feature, L2 0.001) over each question's candidates.
Confidence: logistic regression over the best hit's signals (score, margin, coverage, heading coverage, title
precision, gram similarity); label = the best hit is the expected article (NONE rows: 0).

Cross-validation: 5 folds by article (all questions of an article in one fold; NONE rows spread by row number);
both models are fitted on 4/5 and every figure is measured on the held-out fifth, with the thresholds fixed
beforehand (ANSWER >= 0.88, SUGGEST >= 0.40). Then both models are fitted on everything and printed.

    python3 fit_models.py [seed ...]
"""
import collections
import sys

import numpy as np
from scipy.optimize import minimize

ANSWER_AT, SUGGEST_AT, L2_RANK, L2_CONF = 0.88, 0.40, 0.001, 0.01

rows = [l.rstrip('\n').split('\t') for l in open('/tmp/faq-features.tsv', encoding='utf-8')]
names, rows = rows[0][4:], rows[1:]
by_row = collections.OrderedDict()
for r in rows:
    by_row.setdefault(int(r[0]), []).append(r)
questions = []  # (row, expected, features, is-expected flags, article ids)
for row, rs in by_row.items():
    X = np.array([[float(v) for v in r[4:]] for r in rs])
    questions.append((row, rs[0][2], X, np.array([r[3] == rs[0][2] for r in rs]), [r[3] for r in rs]))
COV, HEAD, PREC, SIM = names.index('coverage'), names.index('headCoverage'), names.index('titlePrecision'), names.index('gramSimilarity')


def fit_ranking(data):
    data = [q for q in data if q[3].any()]

    def loss(w):
        total, grad = 0.0, np.zeros_like(w)
        for _, _, X, y, _ in data:
            s = X @ w
            s -= s.max()
            p = np.exp(s)
            p /= p.sum()
            i = int(np.argmax(y))
            total -= np.log(p[i] + 1e-12)
            grad -= X[i] - p @ X
        return total / len(data) + L2_RANK * w @ w, grad / len(data) + 2 * L2_RANK * w
    return minimize(loss, np.zeros(len(names)), jac=True, method='L-BFGS-B').x


def ranked(w, q):
    scores = q[2] @ w
    order = sorted(range(len(scores)), key=lambda i: (-scores[i], i))
    return order, scores


def signals(w, q):
    order, s = ranked(w, q)
    best = order[0]
    f = q[2][best]
    margin = s[best] - (s[order[1]] if len(order) > 1 else 0)
    return np.array([s[best], margin, f[COV], f[HEAD], f[PREC], f[SIM]]), bool(q[3][best])


def fit_confidence(S, y):
    Xb = np.hstack([np.ones((len(S), 1)), S])

    def loss(w):
        p = 1 / (1 + np.exp(-(Xb @ w)))
        reg = np.r_[0, w[1:]]
        return (-np.mean(y * np.log(p + 1e-9) + (1 - y) * np.log(1 - p + 1e-9)) + L2_CONF * reg @ reg,
                Xb.T @ (p - y) / len(y) + 2 * L2_CONF * reg)
    return minimize(loss, np.zeros(Xb.shape[1]), jac=True, method='L-BFGS-B').x


def confidence(c, s):
    return 1 / (1 + np.exp(-(c[0] + s @ c[1:])))


def scorecard(w, c, data):
    n = len([q for q in data if q[1] != 'NONE'])
    none = len(data) - n
    h1 = h3 = wrong = right = none_direct = 0
    for q in data:
        order, _ = ranked(w, q)
        s, correct = signals(w, q)
        direct = confidence(c, s) >= ANSWER_AT
        if q[1] == 'NONE':
            none_direct += direct
            continue
        h1 += q[3][order[0]]
        h3 += q[3][order[:3]].any()
        wrong += direct and not correct
        right += direct and correct
    return n, none, h1, h3, wrong, right, none_direct


def show(name, t):
    n, none, h1, h3, wrong, right, nd = t
    print('%-12s hit@1 %.3f  recall@3 %.3f  answered directly %.3f  wrong direct %.3f  NONE answered %.3f  (%d, %d NONE)'
          % (name, h1 / n, h3 / n, (wrong + right) / n, wrong / n, nd / max(1, none), n, none))


seeds = [int(a) for a in sys.argv[1:]] or [7, 11, 13]
articles = sorted({q[1] for q in questions if q[1] != 'NONE'})
for seed in seeds:
    perm = np.random.RandomState(seed).permutation(len(articles))
    fold_of = {articles[i]: k % 5 for k, i in enumerate(perm)}
    fold = [fold_of[q[1]] if q[1] != 'NONE' else q[0] % 5 for q in questions]
    total = np.zeros(7, dtype=int)
    for k in range(5):
        train = [q for q, f in zip(questions, fold) if f != k]
        test = [q for q, f in zip(questions, fold) if f == k]
        w = fit_ranking(train)
        S, y = zip(*[signals(w, q) for q in train])
        c = fit_confidence(np.array(S), np.array(y, dtype=float))
        t = scorecard(w, c, test)
        total += np.array(t)
        show('  fold %d' % k, t)
    show('CV seed %d' % seed, tuple(total))

w = fit_ranking(questions)
S, y = zip(*[signals(w, q) for q in questions])
c = fit_confidence(np.array(S), np.array(y, dtype=float))
show('full fit', scorecard(w, c, questions))
print('ranking    ', ', '.join('%.4f' % v for v in w))
print('confidence ', ', '.join('%.3f' % v for v in c))
