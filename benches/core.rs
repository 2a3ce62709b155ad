//! Criterion benchmarks of the core alone (no JS boundary), by input size.

use cfn_accel_core::{compress, digest, hash, json, stats};
use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};

/// The sizes `cfn-accel bench` uses, so the core's own speed lines up with the JS-side figures.
const SIZES: [usize; 4] = [64, 1024, 65536, 1048576];

/// Text that compresses like real records: JSON-ish, repetitive, not uniform.
fn text(n: usize) -> Vec<u8> {
    let mut s = Vec::with_capacity(n + 64);
    let mut i = 0u64;
    while s.len() < n {
        s.extend_from_slice(format!("{{\"id\":{i},\"agent\":\"coder-{}\",\"ok\":true}},", i % 7).as_bytes());
        i = i.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407) >> 40;
    }
    s.truncate(n);
    s
}

fn json_doc(n: usize) -> Vec<u8> {
    let mut s = b"[".to_vec();
    s.extend_from_slice(&text(n));
    while s.last() != Some(&b',') {
        s.pop();
    }
    s.pop();
    s.push(b']');
    s
}

fn benches(c: &mut Criterion) {
    for &n in &SIZES {
        let data = text(n);
        let mut g = c.benchmark_group(format!("core/{n}"));
        g.throughput(Throughput::Bytes(n as u64));
        // Fewer samples at 1 MiB: gzip and brotli take milliseconds per call there.
        if n >= 1 << 20 {
            g.sample_size(10);
        }
        g.bench_function(BenchmarkId::new("xxh64", n), |b| b.iter(|| hash::xxh64(&data, 0)));
        g.bench_function(BenchmarkId::new("xxh3", n), |b| b.iter(|| hash::xxh3(&data)));
        g.bench_function(BenchmarkId::new("fnv1a32", n), |b| b.iter(|| hash::fnv1a32(&data)));
        g.bench_function(BenchmarkId::new("sha256", n), |b| b.iter(|| digest::sha256(&data)));
        g.bench_function(BenchmarkId::new("lz4_compress", n), |b| b.iter(|| compress::lz4_compress(&data)));
        let lz = compress::lz4_compress(&data).unwrap_or_default();
        g.bench_function(BenchmarkId::new("lz4_decompress", n), |b| b.iter(|| compress::lz4_decompress(&lz, n)));
        g.bench_function(BenchmarkId::new("md5", n), |b| b.iter(|| digest::md5(&data)));
        let key = [7u8; 32];
        let nonce = [1u8; 12];
        g.bench_function(BenchmarkId::new("aes_gcm_seal", n), |b| b.iter(|| digest::seal(&key, &nonce, &data)));
        g.bench_function(BenchmarkId::new("gzip6", n), |b| b.iter(|| compress::gzip(&data, 6)));
        let gz = compress::gzip(&data, 6).unwrap_or_default();
        g.bench_function(BenchmarkId::new("gunzip", n), |b| b.iter(|| compress::gunzip(&gz, n)));
        g.bench_function(BenchmarkId::new("brotli6", n), |b| b.iter(|| compress::brotli(&data, 6)));
        let br = compress::brotli(&data, 6).unwrap_or_default();
        g.bench_function(BenchmarkId::new("unbrotli", n), |b| b.iter(|| compress::unbrotli(&br, n)));
        let doc = json_doc(n);
        g.bench_function(BenchmarkId::new("json_check", n), |b| b.iter(|| json::check(&doc, false)));
        // The same document as a JS string's UTF-16 units (validateJSON on strings).
        let units: Vec<u16> = String::from_utf8_lossy(&doc).encode_utf16().collect();
        g.bench_function(BenchmarkId::new("json_valid_utf16", n), |b| b.iter(|| json::is_valid_utf16(&units)));
        let vals: Vec<f64> = (0..n / 8).map(|i| (i * 7919 % 1000) as f64 / 10.0).collect();
        g.bench_function(BenchmarkId::new("aggregate", n), |b| b.iter(|| stats::aggregate(&vals)));
        g.finish();
    }
}

criterion_group!(core_benches, benches);
criterion_main!(core_benches);
