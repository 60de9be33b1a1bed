#!/usr/bin/python3
"""
An independent reference for the client-value figures of `crm-base analyze` (docs/ARCHITECTURE.md,
«Definitions», bullets «XYZ» and «Chance of return and value»), written from the published formulas,
standard library only:

- BG/NBD: Fader, Hardie & Lee (2005), "Counting your customers the easy way", the likelihood (eq. 6),
  P(alive) and the conditional expectation E[Y(t) | x, t_x, T] (eq. 10);
- Gamma-Gamma: Fader & Hardie (2013), "The Gamma-Gamma model of monetary value".

Deliberately another numerical route than the product: Nelder–Mead (own code) over the parameters' logs
instead of BFGS with gradients, and the Gaussian hypergeometric function summed directly as
2F1(r+x, b+x; a+b+x−1; z) in log scale (no Euler transformation).

Input: a CSV of transactions `client,date,amount` (date yyyy-mm-dd; a header line is skipped), --as-of.
Output (JSON): {"bgnbd": {...}, "gammaGamma": {...}, "clients": {id: {...}}}.
With --params FILE (JSON {"bgnbd": {r, alpha, a, b}, "gammaGamma": {p, q, gamma}}) the per-client figures
are also computed at those parameters, under "clientsAtGiven", to check the formulas apart from the fit.
"""
import argparse
import csv
import datetime
import json
import math
import sys

MONTH_DAYS = 365 / 12


# --- reading --------------------------------------------------------------------------------------------

def read_transactions(path):
    rows = []
    with open(path, newline='', encoding='utf-8') as f:
        for k, row in enumerate(csv.reader(f)):
            if k == 0 and row and row[0] == 'client':
                continue
            if not row:
                continue
            client, date, amount = row[0], datetime.date.fromisoformat(row[1]), float(row[2])
            rows.append((client, date, amount))
    return rows


def summarise(rows, as_of):
    """Per client: order days (a day with an order) up to as_of, their values (the day's amounts summed)."""
    days = {}
    for client, date, amount in rows:
        if date > as_of:
            continue
        per_day = days.setdefault(client, {})
        per_day[date] = per_day.get(date, 0.0) + amount
    out = {}
    for client, per_day in days.items():
        ordered = sorted(per_day)
        first, last = ordered[0], ordered[-1]
        x = len(ordered) - 1
        repeat_values = [per_day[d] for d in ordered[1:]]
        m = sum(repeat_values) / x if x > 0 else 0.0
        out[client] = {'x': x, 't_x': (last - first).days, 'T': (as_of - first).days, 'm': m}
    return out


# --- XYZ ------------------------------------------------------------------------------------------------

def xyz_classes(rows, as_of, x_limit, y_limit):
    """The 12 full calendar months before as_of's month; CV = population sd / mean of monthly revenue."""
    months = []
    year, month = as_of.year, as_of.month
    for _ in range(12):
        month -= 1
        if month == 0:
            year, month = year - 1, 12
        months.append((year, month))
    index = {ym: k for k, ym in enumerate(months)}
    revenue = {}
    for client, date, amount in rows:
        k = index.get((date.year, date.month))
        if k is None:
            continue
        revenue.setdefault(client, [0.0] * 12)[k] += amount
    out = {}
    for client, series in revenue.items():
        total = sum(series)
        if not total > 0:
            out[client] = None
            continue
        mean = total / 12
        sd = math.sqrt(sum((v - mean) ** 2 for v in series) / 12)
        percent = round(sd / mean * 100, 9)
        out[client] = 'X' if percent <= x_limit else 'Y' if percent <= y_limit else 'Z'
    return out


# --- Nelder–Mead ----------------------------------------------------------------------------------------

def nelder_mead(f, start, step=0.3, tol=1e-13, max_iter=20000):
    """Minimise f from start; the textbook simplex (reflection 1, expansion 2, contraction ½, shrink ½)."""
    n = len(start)
    simplex = [list(start)]
    for i in range(n):
        point = list(start)
        point[i] += step
        simplex.append(point)
    values = [f(p) for p in simplex]
    for _ in range(max_iter):
        order = sorted(range(n + 1), key=lambda k: values[k])
        simplex = [simplex[k] for k in order]
        values = [values[k] for k in order]
        spread = max(abs(v - values[0]) for v in values)
        size = max(abs(simplex[k][i] - simplex[0][i]) for k in range(1, n + 1) for i in range(n))
        if spread <= tol * (1 + abs(values[0])) and size <= 1e-9:
            break
        centroid = [sum(p[i] for p in simplex[:-1]) / n for i in range(n)]
        worst = simplex[-1]
        reflected = [centroid[i] + (centroid[i] - worst[i]) for i in range(n)]
        fr = f(reflected)
        if fr < values[0]:
            expanded = [centroid[i] + 2 * (centroid[i] - worst[i]) for i in range(n)]
            fe = f(expanded)
            simplex[-1], values[-1] = (expanded, fe) if fe < fr else (reflected, fr)
        elif fr < values[-2]:
            simplex[-1], values[-1] = reflected, fr
        else:
            if fr < values[-1]:
                contracted = [centroid[i] + 0.5 * (reflected[i] - centroid[i]) for i in range(n)]
            else:
                contracted = [centroid[i] + 0.5 * (worst[i] - centroid[i]) for i in range(n)]
            fc = f(contracted)
            if fc < min(fr, values[-1]):
                simplex[-1], values[-1] = contracted, fc
            else:
                best = simplex[0]
                simplex = [best] + [[best[i] + 0.5 * (p[i] - best[i]) for i in range(n)] for p in simplex[1:]]
                values = [values[0]] + [f(p) for p in simplex[1:]]
    k = min(range(n + 1), key=lambda j: values[j])
    return simplex[k], values[k]


def minimise(f, start):
    """Nelder–Mead restarted from its best point until a restart no longer improves (it can stall early)."""
    point, value = nelder_mead(f, start)
    for step in (0.1, 0.03, 0.01, 0.1, 0.01):
        again, again_value = nelder_mead(f, point, step=step)
        improved = again_value < value - 1e-12 * (1 + abs(value))
        if again_value < value:
            point, value = again, again_value
        if not improved and step == 0.01:
            break
    return point, value


# --- BG/NBD ---------------------------------------------------------------------------------------------

def bgnbd_log_likelihood(r, alpha, a, b, clients):
    """Σ ln L(r, α, a, b | x, t_x, T), FHL 2005 eq. 6."""
    ln_beta_ab = math.lgamma(a) + math.lgamma(b) - math.lgamma(a + b)
    total = 0.0
    for x, t_x, T in clients:
        a1 = math.lgamma(r + x) - math.lgamma(r) + r * math.log(alpha)
        # B(a, b+x) / B(a, b)
        a2 = math.lgamma(a) + math.lgamma(b + x) - math.lgamma(a + b + x) - ln_beta_ab
        a3 = -(r + x) * math.log(alpha + T)
        if x > 0:
            # B(a+1, b+x−1) / B(a, b)
            a4 = math.lgamma(a + 1) + math.lgamma(b + x - 1) - math.lgamma(a + b + x) - ln_beta_ab
            a4 -= (r + x) * math.log(alpha + t_x)
            hi = max(a2 + a3, a4)
            total += a1 + hi + math.log(math.exp(a2 + a3 - hi) + math.exp(a4 - hi))
        else:
            total += a1 + a2 + a3
    return total


def fit_bgnbd(summary):
    clients = [(s['x'], s['t_x'], s['T']) for s in summary.values()]
    n = len(clients)

    def objective(logs):
        if any(abs(v) > 25 for v in logs):
            return math.inf
        r, alpha, a, b = (math.exp(v) for v in logs)
        return -bgnbd_log_likelihood(r, alpha, a, b, clients) / n

    mean_t = sum(c[2] for c in clients) / n or 1.0
    point, value = minimise(objective, [0.0, math.log(mean_t), 0.0, 0.0])
    r, alpha, a, b = (math.exp(v) for v in point)
    return {'r': r, 'alpha': alpha, 'a': a, 'b': b, 'logLikelihood': -value * n}


def log_hyp2f1(a, b, c, z):
    """(ln |2F1(a, b; c; z)|, its sign) for 0 ≤ z < 1, a, b > 0: the series summed term by term, scaled by its largest term
    (the terms can pass 1e300 for many orders and z near 1; c may be below 0 for a + b < 1 and x = 0)."""
    log_term, sign = 0.0, 1.0          # the current term, as sign · e^log_term
    scale, total = 0.0, 1.0            # the sum so far, as total · e^scale
    n = 0
    while True:
        factor = (a + n) * (b + n) / ((c + n) * (n + 1)) * z
        if factor == 0:
            break
        sign *= 1.0 if factor > 0 else -1.0
        log_term += math.log(abs(factor))
        n += 1
        if log_term > scale:
            total = total * math.exp(scale - log_term) + sign
            scale = log_term
        else:
            total += sign * math.exp(log_term - scale)
        # Past the peak (|ratio of terms| below 1) and negligible: the rest is a geometric tail at most.
        ratio = abs((a + n) * (b + n) / ((c + n) * (n + 1)) * z)
        if n > c and ratio < 1 and log_term - scale < math.log(1e-18 * (1 - ratio) * abs(total)):
            break
        if n > 10_000_000:
            raise RuntimeError(f'2F1({a}, {b}; {c}; {z}) does not converge')
    return scale + math.log(abs(total)), (1.0 if total > 0 else -1.0)


def p_alive(params, x, t_x, T):
    r, alpha, a, b = params['r'], params['alpha'], params['a'], params['b']
    if x == 0:
        return 1.0
    return 1 / (1 + a / (b + x - 1) * math.exp((r + x) * (math.log(alpha + T) - math.log(alpha + t_x))))


def expected_orders(params, x, t_x, T, t):
    """E[Y(t) | x, t_x, T], FHL 2005 eq. 10."""
    if t == 0:
        return 0.0
    r, alpha, a, b = params['r'], params['alpha'], params['a'], params['b']
    z = t / (alpha + T + t)
    log_power = (r + x) * (math.log(alpha + T) - math.log(alpha + T + t))
    log_series, sign = log_hyp2f1(r + x, b + x, a + b + x - 1, z)
    inner = 1 - sign * math.exp(log_power + log_series)
    numerator = (a + b + x - 1) / (a - 1) * inner
    denominator = 1.0
    if x > 0:
        denominator += a / (b + x - 1) * math.exp((r + x) * (math.log(alpha + T) - math.log(alpha + t_x)))
    return numerator / denominator


# --- Gamma-Gamma ----------------------------------------------------------------------------------------

def gamma_gamma_log_likelihood(p, q, gamma, buyers):
    """Σ ln L(p, q, γ | x, m) of Fader & Hardie 2013, the mean m of x transactions."""
    total = 0.0
    for x, m in buyers:
        px = p * x
        total += (math.lgamma(px + q) - math.lgamma(px) - math.lgamma(q) + q * math.log(gamma)
                  + (px - 1) * math.log(m) + px * math.log(x) - (px + q) * math.log(gamma + m * x))
    return total


def fit_gamma_gamma(summary):
    buyers = [(s['x'], s['m']) for s in summary.values() if s['x'] >= 1 and s['m'] > 0]
    n = len(buyers)

    def objective(logs):
        if any(abs(v) > 25 for v in logs):
            return math.inf
        p, q, gamma = (math.exp(v) for v in logs)
        return -gamma_gamma_log_likelihood(p, q, gamma, buyers) / n

    mean_m = sum(m for _, m in buyers) / n
    point, value = minimise(objective, [0.0, math.log(2.0), math.log(mean_m)])
    p, q, gamma = (math.exp(v) for v in point)
    return {'p': p, 'q': q, 'gamma': gamma, 'logLikelihood': -value * n, 'buyers': n}


def expected_order_value(gg, x, m):
    p, q, gamma = gg['p'], gg['q'], gg['gamma']
    if q <= 1:
        return None
    if x == 0:
        return gamma * p / (q - 1)
    return p * (gamma + m * x) / (p * x + q - 1)


# --- per client -----------------------------------------------------------------------------------------

def client_figures(summary, bg, gg, discount):
    out = {}
    for client, s in summary.items():
        x, t_x, T, m = s['x'], s['t_x'], s['T'], s['m']
        figures = {'pAlive': p_alive(bg, x, t_x, T),
                   'expectedOrders90': expected_orders(bg, x, t_x, T, 90),
                   'expectedOrders365': expected_orders(bg, x, t_x, T, 365)}
        value = expected_order_value(gg, x, m) if gg else None
        figures['expectedOrderValue'] = value
        if value is None:
            figures['clv12'] = None
        else:
            ey = [expected_orders(bg, x, t_x, T, k * MONTH_DAYS) for k in range(13)]
            figures['clv12'] = sum((ey[k] - ey[k - 1]) * value / (1 + discount) ** k for k in range(1, 13))
        out[client] = figures
    return out


def main():
    parser = argparse.ArgumentParser(description=__doc__.split('\n\n')[0])
    parser.add_argument('transactions')
    parser.add_argument('--as-of', required=True)
    parser.add_argument('--xyz-x', type=float, default=10.0, help='X limit, percent')
    parser.add_argument('--xyz-y', type=float, default=25.0, help='Y limit, percent')
    parser.add_argument('--discount', type=float, default=1.0, help='monthly discount, percent')
    parser.add_argument('--params', help='JSON of given parameters to evaluate the per-client formulas at')
    parser.add_argument('--out', required=True)
    args = parser.parse_args()

    as_of = datetime.date.fromisoformat(args.as_of)
    rows = read_transactions(args.transactions)
    summary = summarise(rows, as_of)
    xyz = xyz_classes(rows, as_of, args.xyz_x, args.xyz_y)
    repeat_buyers = sum(1 for s in summary.values() if s['x'] > 0)
    if repeat_buyers < 10:
        sys.exit('fewer than 10 repeat buyers: the reference has nothing to compare')
    bg = fit_bgnbd(summary)
    gg = fit_gamma_gamma(summary)
    discount = args.discount / 100
    figures = client_figures(summary, bg, gg, discount)
    clients = {}
    for client in sorted(set(summary) | set(xyz)):
        entry = dict(summary.get(client, {}))
        entry.update(figures.get(client, {}))
        entry['xyz'] = xyz.get(client)
        clients[client] = entry
    result = {'bgnbd': bg, 'gammaGamma': gg, 'clients': clients}
    if args.params:
        with open(args.params, encoding='utf-8') as f:
            given = json.load(f)
        result['clientsAtGiven'] = client_figures(summary, given['bgnbd'], given.get('gammaGamma'), discount)
    with open(args.out, 'w', encoding='utf-8') as f:
        json.dump(result, f, ensure_ascii=False)


if __name__ == '__main__':
    main()
