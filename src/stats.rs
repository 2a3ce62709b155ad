//! Summary statistics over execution times, computed in a fixed order so the
//! JS backend reproduces every bit.

/// Count, sum, extremes, mean, population standard deviation and linearly
/// interpolated percentiles of the finite values; non-finite values are
/// skipped and counted in `dropped`. Fields are `None` when nothing is left.
#[derive(Debug, Clone, PartialEq)]
pub struct Aggregate {
    /// Number of finite values.
    pub count: usize,
    /// Non-finite values skipped.
    pub dropped: usize,
    /// Sum, added in input order.
    pub sum: f64,
    /// Smallest value.
    pub min: Option<f64>,
    /// Largest value.
    pub max: Option<f64>,
    /// `sum / count`.
    pub mean: Option<f64>,
    /// Population standard deviation.
    pub stddev: Option<f64>,
    /// Median.
    pub p50: Option<f64>,
    /// 90th percentile.
    pub p90: Option<f64>,
    /// 95th percentile.
    pub p95: Option<f64>,
    /// 99th percentile.
    pub p99: Option<f64>,
}

/// Percentile `p` (0..=100) of `sorted` by linear interpolation between the
/// closest ranks (`rank = p/100 * (n-1)`), as numpy's default.
pub fn percentile(sorted: &[f64], p: f64) -> Option<f64> {
    let n = sorted.len();
    if n == 0 {
        return None;
    }
    let rank = p / 100.0 * (n - 1) as f64;
    let lo = rank.floor() as usize;
    let frac = rank - lo as f64;
    if lo + 1 >= n {
        return Some(sorted[n - 1]);
    }
    Some(sorted[lo] + (sorted[lo + 1] - sorted[lo]) * frac)
}

/// Aggregates `values` (see [`Aggregate`]).
pub fn aggregate(values: &[f64]) -> Aggregate {
    let mut sorted: Vec<f64> = values.iter().copied().filter(|v| v.is_finite()).collect();
    let count = sorted.len();
    let dropped = values.len() - count;
    let sum: f64 = sorted.iter().fold(0.0, |a, &b| a + b);
    let (mean, stddev) = if count == 0 {
        (None, None)
    } else {
        let mean = sum / count as f64;
        let sq = sorted.iter().fold(0.0, |a, &v| a + (v - mean) * (v - mean));
        (Some(mean), Some((sq / count as f64).sqrt()))
    };
    // Sorted after the sums so the additions run in input order.
    sorted.sort_unstable_by(f64::total_cmp);
    Aggregate {
        count,
        dropped,
        sum,
        min: sorted.first().copied(),
        max: sorted.last().copied(),
        mean,
        stddev,
        p50: percentile(&sorted, 50.0),
        p90: percentile(&sorted, 90.0),
        p95: percentile(&sorted, 95.0),
        p99: percentile(&sorted, 99.0),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn basic() {
        let a = aggregate(&[4.0, 1.0, f64::NAN, 3.0, 2.0, f64::INFINITY]);
        assert_eq!(a.count, 4);
        assert_eq!(a.dropped, 2);
        assert_eq!(a.sum, 10.0);
        assert_eq!(a.min, Some(1.0));
        assert_eq!(a.max, Some(4.0));
        assert_eq!(a.p50, Some(2.5));
        assert_eq!(a.p90, Some(3.7));
        assert_eq!(aggregate(&[]).p50, None);
    }
}
