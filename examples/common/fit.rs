//! The logistic regression that `evaluate_quality --fit` and `evaluate_matching --fit` fit their
//! weights with.

// Matrix code reads clearer with explicit indices.
#[allow(clippy::needless_range_loop)]
/// Fits a logistic regression by Newton's method with a small ridge penalty on the weights; each
/// class weighs as much as the other in all, so the intercept is that of even odds.
pub fn fit(x: &[Vec<f64>], y: &[f64]) -> Vec<f64> {
    const RIDGE: f64 = 0.1;
    let positives = y.iter().sum::<f64>();
    let negatives = y.len() as f64 - positives;
    let class_weight = |yi: f64| {
        if yi > 0.5 { y.len() as f64 / (2.0 * positives) } else { y.len() as f64 / (2.0 * negatives) }
    };
    let d = x[0].len() + 1;
    let mut w = vec![0.0; d];
    for _ in 0..50 {
        let mut grad = vec![0.0; d];
        let mut hess = vec![vec![0.0; d]; d];
        for (xi, &yi) in x.iter().zip(y) {
            let cw = class_weight(yi);
            let row: Vec<f64> = std::iter::once(1.0).chain(xi.iter().copied()).collect();
            let z: f64 = row.iter().zip(&w).map(|(a, b)| a * b).sum();
            let p = 1.0 / (1.0 + (-z).exp());
            for a in 0..d {
                grad[a] += cw * (p - yi) * row[a];
                for b in 0..d {
                    hess[a][b] += cw * p * (1.0 - p) * row[a] * row[b];
                }
            }
        }
        for a in 1..d {
            grad[a] += RIDGE * w[a];
            hess[a][a] += RIDGE;
        }
        let step = solve(hess, grad);
        for a in 0..d {
            w[a] -= step[a];
        }
    }
    w
}

#[allow(clippy::needless_range_loop)]
/// Solves `a · x = b` by Gaussian elimination with partial pivoting.
fn solve(mut a: Vec<Vec<f64>>, mut b: Vec<f64>) -> Vec<f64> {
    let n = b.len();
    for c in 0..n {
        let p = (c..n).max_by(|&i, &j| a[i][c].abs().total_cmp(&a[j][c].abs())).unwrap_or(c);
        a.swap(c, p);
        b.swap(c, p);
        let pivot = if a[c][c].abs() < 1e-12 { 1e-12 } else { a[c][c] };
        for r in c + 1..n {
            let f = a[r][c] / pivot;
            for k in c..n {
                a[r][k] -= f * a[c][k];
            }
            b[r] -= f * b[c];
        }
    }
    let mut x = vec![0.0; n];
    for r in (0..n).rev() {
        let s: f64 = (r + 1..n).map(|k| a[r][k] * x[k]).sum();
        let pivot = if a[r][r].abs() < 1e-12 { 1e-12 } else { a[r][r] };
        x[r] = (b[r] - s) / pivot;
    }
    x
}
