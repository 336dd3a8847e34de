// The random module as CPython 3.11: Modules/_randommodule.c and Lib/random.py.
#include "looplab/py/random.hpp"

#include <cmath>
#include <unordered_set>

#include "looplab/py/arith.hpp"
#include "looplab/py/hash.hpp"

namespace looplab::py {

namespace {

constexpr int M = 397;
constexpr uint32_t kMatrixA = 0x9908b0dfU;    // constant vector a
constexpr uint32_t kUpperMask = 0x80000000U;  // most significant w-r bits
constexpr uint32_t kLowerMask = 0x7fffffffU;  // least significant r bits

std::string int128_to_string(__int128 v) {
    if (v == 0) return "0";
    const bool negative = v < 0;
    unsigned __int128 u = negative ? -static_cast<unsigned __int128>(v) : static_cast<unsigned __int128>(v);
    std::string digits;
    for (; u != 0; u /= 10) digits.insert(digits.begin(), static_cast<char>('0' + static_cast<int>(u % 10)));
    return negative ? "-" + digits : digits;
}

// Python's floor division for the (exact) 128-bit intermediates of randrange.
__int128 floordiv128(__int128 a, __int128 b) {
    __int128 q = a / b;
    if ((a % b != 0) && ((a < 0) != (b < 0))) --q;
    return q;
}

}  // namespace

void Random::init_genrand(uint32_t s) {
    mt_[0] = s;
    for (int mti = 1; mti < N; ++mti)
        mt_[mti] = 1812433253U * (mt_[mti - 1] ^ (mt_[mti - 1] >> 30)) + static_cast<uint32_t>(mti);
    index_ = N;
}

void Random::seed_words(std::span<const uint32_t> init_key) {
    // init_by_array (_randommodule.c), including its unsigned index arithmetic.
    const size_t key_length = init_key.size();
    init_genrand(19650218U);
    size_t i = 1, j = 0;
    size_t k = static_cast<size_t>(N) > key_length ? static_cast<size_t>(N) : key_length;
    for (; k; k--) {
        mt_[i] = (mt_[i] ^ ((mt_[i - 1] ^ (mt_[i - 1] >> 30)) * 1664525U)) + init_key[j] +
                 static_cast<uint32_t>(j);  // non linear
        i++;
        j++;
        if (i >= static_cast<size_t>(N)) {
            mt_[0] = mt_[N - 1];
            i = 1;
        }
        if (j >= key_length) j = 0;
    }
    for (k = N - 1; k; k--) {
        mt_[i] = (mt_[i] ^ ((mt_[i - 1] ^ (mt_[i - 1] >> 30)) * 1566083941U)) - static_cast<uint32_t>(i);
        i++;
        if (i >= static_cast<size_t>(N)) {
            mt_[0] = mt_[N - 1];
            i = 1;
        }
    }
    mt_[0] = 0x80000000U;  // MSB is 1, assuring a non-zero initial array
}

void Random::seed(int64_t a) {
    // random_seed: n = abs(a), split into 32-bit words from the right; at least one word.
    const uint64_t n = a < 0 ? 0 - static_cast<uint64_t>(a) : static_cast<uint64_t>(a);
    const uint32_t words[2] = {static_cast<uint32_t>(n), static_cast<uint32_t>(n >> 32)};
    seed_words(std::span<const uint32_t>(words, (n >> 32) != 0 ? 2 : 1));
}

void Random::seed_float(double x) {
    // random_seed for a non-int: PyLong_FromSize_t((size_t)hash(x)).
    const uint64_t n = static_cast<uint64_t>(hash_float(x, 0));
    const uint32_t words[2] = {static_cast<uint32_t>(n), static_cast<uint32_t>(n >> 32)};
    seed_words(std::span<const uint32_t>(words, (n >> 32) != 0 ? 2 : 1));
}

uint32_t Random::genrand_uint32() {
    static constexpr uint32_t mag01[2] = {0x0U, kMatrixA};
    uint32_t y;
    if (index_ >= N) {  // generate N words at one time
        int kk;
        for (kk = 0; kk < N - M; kk++) {
            y = (mt_[kk] & kUpperMask) | (mt_[kk + 1] & kLowerMask);
            mt_[kk] = mt_[kk + M] ^ (y >> 1) ^ mag01[y & 0x1U];
        }
        for (; kk < N - 1; kk++) {
            y = (mt_[kk] & kUpperMask) | (mt_[kk + 1] & kLowerMask);
            mt_[kk] = mt_[kk + (M - N)] ^ (y >> 1) ^ mag01[y & 0x1U];
        }
        y = (mt_[N - 1] & kUpperMask) | (mt_[0] & kLowerMask);
        mt_[N - 1] = mt_[M - 1] ^ (y >> 1) ^ mag01[y & 0x1U];
        index_ = 0;
    }
    y = mt_[index_++];
    y ^= (y >> 11);
    y ^= (y << 7) & 0x9d2c5680U;
    y ^= (y << 15) & 0xefc60000U;
    y ^= (y >> 18);
    return y;
}

double Random::random() {
    // random_random: 27 + 26 bits, "a*2**26 + b" scaled by 2**-53.
    const uint32_t a = genrand_uint32() >> 5, b = genrand_uint32() >> 6;
    return (a * 67108864.0 + b) * (1.0 / 9007199254740992.0);
}

uint64_t Random::getrandbits_u64(int k) {
    // _random_Random_getrandbits_impl: 32-bit words from least to most significant, the
    // last one keeping only its top bits.
    if (k <= 0) return 0;
    if (k <= 32) return genrand_uint32() >> (32 - k);
    uint64_t low = genrand_uint32();
    uint64_t high = genrand_uint32();
    if (k < 64) high >>= (64 - k);
    return low | (high << 32);
}

int64_t Random::getrandbits(int64_t k) {
    if (k < 0) throw ValueError("number of bits must be non-negative");
    if (k <= 63) return static_cast<int64_t>(getrandbits_u64(static_cast<int>(k)));
    // Wider than LoopLab's ints: draw the words as CPython does, fail unless all bits above
    // bit 62 came out zero.
    uint64_t low = getrandbits_u64(64);
    bool fits = (low >> 63) == 0;
    for (int64_t left = k - 64; left > 0; left -= 32) {
        uint32_t r = genrand_uint32();
        if (left < 32) r >>= (32 - left);
        fits &= r == 0;
    }
    if (!fits) throw OverflowError(kIntOverflowMessage);
    return static_cast<int64_t>(low);
}

uint64_t Random::randbelow(uint64_t n) { return static_cast<uint64_t>(randbelow128(n)); }

unsigned __int128 Random::randbelow128(unsigned __int128 n) {
    // _randbelow_with_getrandbits: k = n.bit_length() (not of n - 1: n may be 1).
    int k = 0;
    for (unsigned __int128 t = n; t != 0; t >>= 1) ++k;
    auto bits = [&]() -> unsigned __int128 {
        if (k <= 64) return getrandbits_u64(k);
        // 65 bits: two full words, then the top bit of a third (getrandbits' word order).
        const unsigned __int128 low = getrandbits_u64(64);
        return low | (static_cast<unsigned __int128>(genrand_uint32() >> (96 - k)) << 64);
    };
    unsigned __int128 r = bits();
    while (r >= n) r = bits();
    return r;
}

int64_t Random::randrange(int64_t stop) {
    if (stop > 0) return static_cast<int64_t>(randbelow(static_cast<uint64_t>(stop)));
    throw ValueError("empty range for randrange()");
}

int64_t Random::randrange(int64_t start, int64_t stop, int64_t step) { return randrange_impl(start, stop, step); }

int64_t Random::randint(int64_t a, int64_t b) { return randrange_impl(a, static_cast<__int128>(b) + 1, 1); }

int64_t Random::randrange_impl(__int128 istart, __int128 istop, __int128 istep) {
    const __int128 width = istop - istart;
    if (istep == 1) {
        if (width > 0) return static_cast<int64_t>(istart + static_cast<__int128>(randbelow128(width)));
        throw ValueError("empty range for randrange() (" + int128_to_string(istart) + ", " +
                         int128_to_string(istop) + ", " + int128_to_string(width) + ")");
    }
    __int128 n;
    if (istep > 0) n = floordiv128(width + istep - 1, istep);
    else if (istep < 0) n = floordiv128(width + istep + 1, istep);
    else throw ValueError("zero step for randrange()");
    if (n <= 0) throw ValueError("empty range for randrange()");
    return static_cast<int64_t>(istart + istep * static_cast<__int128>(randbelow128(n)));
}

double Random::uniform(double a, double b) { return a + (b - a) * random(); }

size_t Random::choice(size_t n) {
    if (n == 0) throw IndexError("Cannot choose from an empty sequence");
    return static_cast<size_t>(randbelow(n));
}

std::vector<std::pair<size_t, size_t>> Random::shuffle_swaps(size_t n) {
    std::vector<std::pair<size_t, size_t>> swaps;
    if (n < 2) return swaps;
    swaps.reserve(n - 1);
    // for i in reversed(range(1, len(x))): j = randbelow(i + 1); x[i], x[j] = x[j], x[i]
    for (size_t i = n - 1; i >= 1; --i) swaps.emplace_back(i, static_cast<size_t>(randbelow(i + 1)));
    return swaps;
}

std::vector<size_t> Random::sample(size_t n, int64_t k) {
    if (k < 0 || static_cast<uint64_t>(k) > n) throw ValueError("Sample larger than population or is negative");
    const size_t kk = static_cast<size_t>(k);
    std::vector<size_t> result(kk);
    // setsize = 21 + (4 ** ceil(log(k * 3, 4)) if k > 5): a list of n beats a set of k.
    __int128 setsize = 21;
    if (k > 5) {
        const double c = std::ceil(std::log(static_cast<double>(k * 3)) / std::log(4.0));
        __int128 p = 1;
        for (int i = 0; i < static_cast<int>(c); ++i) p *= 4;
        setsize += p;
    }
    if (static_cast<__int128>(n) <= setsize) {
        // Invariant: the non-selected indices are pool[0 : n-i].
        std::vector<size_t> pool(n);
        for (size_t i = 0; i < n; ++i) pool[i] = i;
        for (size_t i = 0; i < kk; ++i) {
            const size_t j = static_cast<size_t>(randbelow(n - i));
            result[i] = pool[j];
            pool[j] = pool[n - i - 1];  // move a non-selected item into the vacancy
        }
    } else {
        std::unordered_set<size_t> selected;
        for (size_t i = 0; i < kk; ++i) {
            size_t j = static_cast<size_t>(randbelow(n));
            while (selected.count(j)) j = static_cast<size_t>(randbelow(n));
            selected.insert(j);
            result[i] = j;
        }
    }
    return result;
}

}  // namespace looplab::py
