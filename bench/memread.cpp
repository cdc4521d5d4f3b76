// opsdeck_memread: the machine's sustained single-pass memory-read rate over a buffer the size of a
// benchmark's data set, the ceiling for any scorer that has to read every input byte once (bench/run linear
// compares the linear plugin with it).
//
//   opsdeck_memread [--rows N] [--features F] [--threads T] [--passes P] [--json]
//
// Defaults: 2000000 rows × 100 float32 features (800 MB), the ideal thread count (what `opsdeck --batch
// bench` uses), 7 passes. Prints the best pass as bytes/s and as rows/s (bytes/s ÷ (features × 4)).
//
// How it reads: the buffer is allocated like opsdeck's data sets (2 MiB-aligned, transparent huge pages) and
// written once before timing, so no page fault lands in a timed pass. Each pass, every thread sums its own
// contiguous share of the buffer with AVX2 where the CPU has it, else SSE2 (independent accumulators, 128
// bytes per step, so the adds never limit a memory-bound loop); the threads start together at a barrier and a
// pass lasts until the last of them is done. The sums are printed, so the reads cannot be optimised away.

#include <algorithm>
#include <atomic>
#include <barrier>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <sys/mman.h>
#include <thread>
#include <vector>

#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
#define OPSDECK_MEMREAD_AVX2 1
#include <immintrin.h>
#elif defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace {

constexpr std::size_t HugePage = std::size_t(2) << 20;

struct Options
{
    long long rows = 2'000'000;
    long long features = 100;
    int threads = 0;
    int passes = 7;
    bool json = false;
};

void usage(const char *program)
{
    std::fprintf(stderr, "usage: %s [--rows N] [--features F] [--threads T] [--passes P] [--json]\n",
                 program);
}

bool parseCount(const char *text, long long minimum, long long *out)
{
    char *end = nullptr;
    const long long value = std::strtoll(text, &end, 10);
    if (!end || *end != '\0' || end == text || value < minimum)
        return false;
    *out = value;
    return true;
}

#if defined(OPSDECK_MEMREAD_AVX2)
// The AVX2 version: 32-byte loads read faster than 16-byte ones on the machine measured (about 10 % on a Zen
// 3 VM), and the reference must be the fastest plain read, not a handicapped one.
__attribute__((target("avx2"))) float sumBlockAvx2(const float *p, std::size_t count)
{
    __m256 s0 = _mm256_setzero_ps(), s1 = s0, s2 = s0, s3 = s0;
    for (std::size_t i = 0; i < count; i += 32) {
        s0 = _mm256_add_ps(s0, _mm256_load_ps(p + i));
        s1 = _mm256_add_ps(s1, _mm256_load_ps(p + i + 8));
        s2 = _mm256_add_ps(s2, _mm256_load_ps(p + i + 16));
        s3 = _mm256_add_ps(s3, _mm256_load_ps(p + i + 24));
    }
    const __m256 s = _mm256_add_ps(_mm256_add_ps(s0, s1), _mm256_add_ps(s2, s3));
    alignas(32) float lanes[8];
    _mm256_store_ps(lanes, s);
    float total = 0.0f;
    for (float lane : lanes)
        total += lane;
    return total;
}
#endif

// Sum of `count` floats starting at `p` (32-byte aligned, count a multiple of 32).
float sumBlockPortable(const float *p, std::size_t count)
{
#if defined(__SSE2__)
    __m128 s0 = _mm_setzero_ps(), s1 = s0, s2 = s0, s3 = s0, s4 = s0, s5 = s0, s6 = s0, s7 = s0;
    for (std::size_t i = 0; i < count; i += 32) {
        s0 = _mm_add_ps(s0, _mm_load_ps(p + i));
        s1 = _mm_add_ps(s1, _mm_load_ps(p + i + 4));
        s2 = _mm_add_ps(s2, _mm_load_ps(p + i + 8));
        s3 = _mm_add_ps(s3, _mm_load_ps(p + i + 12));
        s4 = _mm_add_ps(s4, _mm_load_ps(p + i + 16));
        s5 = _mm_add_ps(s5, _mm_load_ps(p + i + 20));
        s6 = _mm_add_ps(s6, _mm_load_ps(p + i + 24));
        s7 = _mm_add_ps(s7, _mm_load_ps(p + i + 28));
    }
    const __m128 s = _mm_add_ps(_mm_add_ps(_mm_add_ps(s0, s1), _mm_add_ps(s2, s3)),
                                _mm_add_ps(_mm_add_ps(s4, s5), _mm_add_ps(s6, s7)));
    alignas(16) float lanes[4];
    _mm_store_ps(lanes, s);
    return (lanes[0] + lanes[1]) + (lanes[2] + lanes[3]);
#else
    float acc[8] = {};
    for (std::size_t i = 0; i < count; i += 8) {
        for (int j = 0; j < 8; ++j)
            acc[j] += p[i + std::size_t(j)];
    }
    float total = 0.0f;
    for (float a : acc)
        total += a;
    return total;
#endif
}

float sumBlock(const float *p, std::size_t count)
{
#if defined(OPSDECK_MEMREAD_AVX2)
    static const bool avx2 = [] {
        __builtin_cpu_init();
        return bool(__builtin_cpu_supports("avx2"));
    }();
    if (avx2)
        return sumBlockAvx2(p, count);
#endif
    return sumBlockPortable(p, count);
}

} // namespace

int main(int argc, char **argv)
{
    Options o;
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        auto next = [&](long long minimum, long long *out) {
            if (i + 1 >= argc || !parseCount(argv[i + 1], minimum, out)) {
                std::fprintf(stderr, "opsdeck_memread: %s needs a whole number ≥ %lld\n", arg.c_str(),
                             minimum);
                std::exit(2);
            }
            ++i;
        };
        long long value = 0;
        if (arg == "--rows") {
            next(1, &o.rows);
        } else if (arg == "--features") {
            next(1, &o.features);
        } else if (arg == "--threads") {
            next(1, &value);
            o.threads = int(std::min(value, 4096LL));
        } else if (arg == "--passes") {
            next(1, &value);
            o.passes = int(std::min(value, 1000LL));
        } else if (arg == "--json") {
            o.json = true;
        } else if (arg == "--help" || arg == "-h") {
            usage(argv[0]);
            return 0;
        } else {
            std::fprintf(stderr, "opsdeck_memread: unknown argument '%s'\n", arg.c_str());
            usage(argv[0]);
            return 2;
        }
    }
    if (o.threads <= 0)
        o.threads = int(std::max(1U, std::thread::hardware_concurrency()));

    // Each thread's share is a whole number of 32-float steps; the few floats left over are not read.
    const std::size_t floats = std::size_t(o.rows) * std::size_t(o.features);
    const std::size_t bytes = floats * sizeof(float);
    const std::size_t steps = floats / 32;
    const std::size_t stepsPerThread = steps / std::size_t(o.threads);
    if (stepsPerThread == 0) {
        std::fprintf(stderr, "opsdeck_memread: %zu bytes are too few for %d threads\n", bytes, o.threads);
        return 2;
    }
    const std::size_t allocated = (bytes + HugePage - 1) / HugePage * HugePage;
    auto *buffer = static_cast<float *>(std::aligned_alloc(HugePage, allocated));
    if (!buffer) {
        std::fprintf(stderr, "opsdeck_memread: cannot allocate %zu bytes\n", allocated);
        return 1;
    }
    ::madvise(buffer, allocated, MADV_HUGEPAGE);

    std::vector<float> sums(std::size_t(o.threads), 0.0f);
    std::vector<double> passSeconds;
    std::atomic<long long> passStart{0};
    std::vector<long long> threadEnd(std::size_t(o.threads), 0);
    using Clock = std::chrono::steady_clock;
    const auto epoch = Clock::now();
    auto nowNs = [epoch] {
        return std::chrono::duration_cast<std::chrono::nanoseconds>(Clock::now() - epoch).count();
    };

    // Pass 0 writes the buffer (each thread its own share, so pages are first touched where they are read);
    // passes 1…P read it. The barrier's completion step, run by one thread between passes, starts the clock.
    int pass = 0;
    std::barrier sync(o.threads, [&]() noexcept {
        if (pass > 0) {
            const long long end = *std::max_element(threadEnd.begin(), threadEnd.end());
            passSeconds.push_back(double(end - passStart.load()) / 1e9);
        }
        ++pass;
        passStart.store(nowNs());
    });
    auto worker = [&](int t) {
        const std::size_t first = std::size_t(t) * stepsPerThread * 32;
        const std::size_t count = stepsPerThread * 32;
        float *share = buffer + first;
        for (std::size_t i = 0; i < count; ++i)
            share[i] = float((first + i) & 1023) * (1.0f / 1024.0f);
        sync.arrive_and_wait();
        for (int p = 0; p < o.passes; ++p) {
            sums[std::size_t(t)] += sumBlock(share, count);
            threadEnd[std::size_t(t)] = nowNs();
            sync.arrive_and_wait();
        }
    };
    std::vector<std::thread> threads;
    for (int t = 1; t < o.threads; ++t)
        threads.emplace_back(worker, t);
    worker(0);
    for (auto &thread : threads)
        thread.join();

    const double readBytes = double(stepsPerThread * 32 * std::size_t(o.threads)) * sizeof(float);
    const double best = *std::min_element(passSeconds.begin(), passSeconds.end());
    const double bytesPerS = readBytes / best;
    const double rowsPerS = bytesPerS / (double(o.features) * sizeof(float));
    double checksum = 0;
    for (float s : sums)
        checksum += s;
    std::free(buffer);

    if (o.json) {
        std::printf(
            "{\"bytes\": %.0f, \"threads\": %d, \"passes\": %d, \"best_s\": %.6f, \"bytes_per_s\": %.0f, "
            "\"features\": %lld, \"rows_per_s\": %.0f, \"checksum\": %.3f}\n",
            readBytes, o.threads, o.passes, best, bytesPerS, o.features, rowsPerS, checksum);
    } else {
        std::printf(
            "memory read: %.0f MB, %d threads, best of %d passes: %.2f GB/s = %.0f rows/s of %lld float32 "
            "(checksum %.3f)\n",
            readBytes / 1e6, o.threads, o.passes, bytesPerS / 1e9, rowsPerS, o.features, checksum);
    }
    return 0;
}
